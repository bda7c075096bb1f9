/**
 * `dvht documents` on a unit that lowered a requirement of its preset repeats evaluation's warning,
 * in the same words and at the same cell: the head reads it where the tờ trình is printed, not only
 * where the workbook was evaluated. A warning: the exit code is an untouched unit's.
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
beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-doc-rule-edits-'))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function evaluatedSample(file: string, lowered?: [code: string, value: number]): Promise<string | null> {
  expect(await run(['init', '-o', file, '--preset', 'tt24-co-so-md1', '--unit', 'Trường Mầm non Hùng Tiến', '--type', 'mn', '--year', '2025', '--sample', '--seed', '1'], captureText())).toBe(0);
  let cell: string | null = null;
  if (lowered) {
    const wb = await readWorkbookFile(file);
    const ws = wb.workbook.getWorksheet(SHEETS.criteria)!;
    let row = 0;
    ws.eachRow((r, n) => void (r.getCell(COL.code).value === lowered[0] && (row = n)));
    ws.getCell(row, COL.threshold).value = lowered[1];
    cell = ws.getCell(row, COL.threshold).address;
    fs.writeFileSync(file, await wb.toBuffer());
  }
  await run(['evaluate', file], captureText());
  return cell;
}

const WARNED = 'chỉ tiêu 3.1 yêu cầu 85% (mẫu: 90%), thấp hơn mức của mẫu “TT24 · cấp huyện · mức độ 1” (Thông tư số 24/2023/TT-BGDĐT ngày 11/12/2023, Điều 6) mà sổ ghi: khi tổng hợp, đơn vị nhận hồ sơ sẽ tính lại theo mẫu';

describe('dvht documents repeats the warning of a requirement lowered below the preset', () => {
  it('in evaluation’s words and cell, in Vietnamese, English and --json, with an untouched unit’s exit code', async () => {
    const plain = path.join(dir, 'mau.xlsx');
    await evaluatedSample(plain);
    const untouched = captureText();
    const plainCode = await run(['documents', plain], untouched);
    expect(untouched.stderr).not.toContain('thấp hơn mức của mẫu');

    const file = path.join(dir, 'sua.xlsx');
    const cell = await evaluatedSample(file, ['3.1', 0.85]);
    const evaluated = captureText();
    await run(['evaluate', file], evaluated);
    const warned = `'Tiêu chí'!${cell}: ${WARNED}`;
    expect(evaluated.stderr).toContain(warned);

    const io = captureText();
    expect(await run(['documents', file], io)).toBe(plainCode);
    expect(io.stderr).toContain(warned);

    const en = captureText();
    expect(await run(['documents', file, '--lang', 'en'], en)).toBe(plainCode);
    expect(en.stderr).toContain(`'Tiêu chí'!${cell}: indicator 3.1 requires 85% (preset: 90%), lower than the preset “TT24 · cấp huyện · mức độ 1”`);

    const json = captureText();
    expect(await run(['documents', file, '--json'], json)).toBe(plainCode);
    expect(JSON.parse(json.stdout).warnings).toContainEqual(expect.objectContaining({ severity: 'warning', code: 'ruleSetEdited', sheet: SHEETS.criteria, cell, message: expect.stringContaining(WARNED) }));
  });
});
