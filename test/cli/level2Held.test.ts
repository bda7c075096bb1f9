/**
 * `dvht evaluate` and `dvht documents` on a unit asking for level 2 before it may: the outcome
 * line says the request is held, the documents are drawn without a tờ trình (said why, exit 0),
 * and asked for the tờ trình alone, nothing is written (exit 1, the data's).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../src/cli/main';
import { ExcelJsWorkbook } from '../support/exceljs/excelJsWorkbook';
import { captureText } from '../support/cliOutput';
import { createSheets } from '../../src/usecases/createSheets';
import { sampleUnit } from '../../src/usecases/sampleData';
import { DOCUMENT_SHEETS } from '../../src/documents';

/** A level-2 school of 2025 meeting the indicators, recognised at level 1 on 10/02/2025: too soon for the deadline 15/01/2026. */
async function tooSoon(dir: string): Promise<string> {
  const wb = ExcelJsWorkbook.create('md2.xlsx');
  const sample = sampleUnit({ presetId: 'tt24-co-so-md2', members: 12, rate: 1 });
  await createSheets(wb, { ...sample, unit: { ...sample.unit, level: 'Mức độ 2', previousDate: new Date(2025, 1, 10), previousLevel: 'Mức độ 1' } });
  const file = path.join(dir, 'md2.xlsx');
  fs.writeFileSync(file, await wb.toBuffer());
  return file;
}

const sheetsOf = async (file: string) => (await ExcelJsWorkbook.fromBuffer(fs.readFileSync(file), 'x')).workbook.worksheets.map((w) => w.name);

describe('dvht on a level-2 request made too early', () => {
  it('evaluate says the request is held; documents draw no tờ trình and say why; the tờ trình alone is refused', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-md2-'));
    const file = await tooSoon(dir);
    const ev = captureText();
    expect(await run(['evaluate', file], ev)).toBe(0);
    expect(ev.stdout).toContain('chưa đề nghị được mức độ 2');
    expect(ev.stdout).not.toContain('Đủ điều kiện công nhận');

    const only = captureText();
    const before = await sheetsOf(file);
    expect(await run(['documents', file, '--only', 'to-trinh'], only)).toBe(1);
    expect(only.stderr).toContain('Chưa lập tờ trình: Đạt các tiêu chí, chỉ tiêu');
    expect(await sheetsOf(file)).toEqual(before);

    const all = captureText();
    expect(await run(['documents', file], all)).toBe(0);
    expect(all.stderr).toContain('Chưa lập tờ trình');
    const after = await sheetsOf(file);
    expect(after).not.toContain(DOCUMENT_SHEETS.toTrinh);
    expect(after).toContain(DOCUMENT_SHEETS.baoCao);
  }, 60_000);
});
