/**
 * `dvht evaluate` on a unit that lowered a requirement of its preset says so among its warnings,
 * in the language asked, citing the circular: the head learns before sending the dossier that the
 * receiving body recomputes it. A warning like any other: the exit code stays the outcome's.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../src/cli/main';
import { captureText } from '../support/cliOutput';
import { readWorkbookFile } from '../support/exceljs/files';
import { SHEETS } from '../../src/sheets/names';
import { COL } from '../../src/sheets/criteriaSheet';

jest.setTimeout(60_000);

let dir: string;
beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-rule-edits-'))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function sampleUnit(file: string): Promise<void> {
  expect(await run(['init', '-o', file, '--preset', 'tt24-co-so-md1', '--unit', 'Trường Mầm non Hùng Tiến', '--type', 'mn', '--year', '2025', '--sample', '--seed', '1'], captureText())).toBe(0);
}

/** Sets indicator `code`'s requirement on "Tiêu chí"; its cell's address. */
async function setThreshold(file: string, code: string, value: number): Promise<string> {
  const wb = await readWorkbookFile(file);
  const ws = wb.workbook.getWorksheet(SHEETS.criteria)!;
  let row = 0;
  ws.eachRow((r, n) => void (r.getCell(COL.code).value === code && (row = n)));
  ws.getCell(row, COL.threshold).value = value;
  fs.writeFileSync(file, await wb.toBuffer());
  return ws.getCell(row, COL.threshold).address;
}

describe('dvht evaluate warns of a requirement lowered below the preset', () => {
  it('in Vietnamese and in English, with the exit code of an untouched unit', async () => {
    const plain = path.join(dir, 'mau.xlsx');
    await sampleUnit(plain);
    const untouched = captureText();
    const plainCode = await run(['evaluate', plain], untouched);
    expect(untouched.stderr).not.toContain('mẫu “TT24');

    const file = path.join(dir, 'sua.xlsx');
    await sampleUnit(file);
    const cell = await setThreshold(file, '3.1', 0.85);
    const io = captureText();
    expect(await run(['evaluate', file], io)).toBe(plainCode);
    expect(io.stderr).toContain(
      `'Tiêu chí'!${cell}: chỉ tiêu 3.1 yêu cầu 85% (mẫu: 90%), thấp hơn mức của mẫu “TT24 · cấp huyện · mức độ 1” (Thông tư số 24/2023/TT-BGDĐT ngày 11/12/2023, Điều 6) mà sổ ghi: khi tổng hợp, đơn vị nhận hồ sơ sẽ tính lại theo mẫu`,
    );

    const en = captureText();
    expect(await run(['evaluate', file, '--lang', 'en'], en)).toBe(plainCode);
    expect(en.stderr).toContain(
      `'Tiêu chí'!${cell}: indicator 3.1 requires 85% (preset: 90%), lower than the preset “TT24 · cấp huyện · mức độ 1” (Thông tư số 24/2023/TT-BGDĐT ngày 11/12/2023, Điều 6) the workbook names: at consolidation the receiving body recomputes it under the preset`,
    );

    // --json carries it with its cell, as every warning.
    const json = captureText();
    await run(['evaluate', file, '--json'], json);
    expect(JSON.parse(json.stdout).warnings).toContainEqual({ sheet: SHEETS.criteria, cell, message: expect.stringContaining('chỉ tiêu 3.1 yêu cầu 85% (mẫu: 90%)') });
  });
});
