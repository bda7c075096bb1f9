/**
 * dvht consolidate -o a unit's own workbook: the use-case refuses it before consolidating a file,
 * the CLI says so with the file as given (exit 2), and the unit's file stays byte for byte.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../src/cli/main';
import { captureText } from '../support/cliOutput';
import { unitWorkbook } from './corpus';

jest.setTimeout(120_000);

let dir: string;
beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-unit-target-'))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it('exits 2 naming the file as a unit’s self-evaluation workbook, the file left as it was', async () => {
  const inbox = path.join(dir, 'ho-so');
  fs.mkdirSync(inbox);
  fs.writeFileSync(path.join(inbox, 'an-phu.xlsx'), await unitWorkbook({ name: 'UBND xã An Phú', type: 'UBND cấp xã', members: 10 }));
  const target = path.join(dir, 'truong-nguyen-du.xlsx');
  const bytes = await unitWorkbook({ name: 'Trường THCS Nguyễn Du', type: 'Trường THCS', members: 10 });
  fs.writeFileSync(target, bytes);
  const io = captureText();
  expect(await run(['consolidate', inbox, '-o', target, '--body', 'UBND xã Hòa Bình', '--tier', 'cấp xã'], io)).toBe(2);
  expect(io.stderr).toContain(`Sổ “${target}” là sổ tự đánh giá của một đơn vị (có trang “Thông tin đơn vị”, “Thành viên”)`);
  expect(io.stderr).toMatch(/Hãy ghi vào một sổ mới \(-o tong-hop\.xlsx\).*chưa ghi gì\./);
  expect(io.stdout).toBe('');
  expect(Buffer.from(fs.readFileSync(target)).equals(Buffer.from(bytes))).toBe(true);
});
