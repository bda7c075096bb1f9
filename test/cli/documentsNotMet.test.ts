/**
 * `dvht documents` on a unit whose self-evaluation falls short: the dossier is drawn as a
 * self-evaluation without a tờ trình, said first among the warnings with why and what to do (exit
 * 0); asked for the tờ trình alone, nothing is written (exit 1, the data's).
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

const sheetsOf = async (file: string) => (await ExcelJsWorkbook.fromBuffer(fs.readFileSync(file), 'x')).workbook.worksheets.map((w) => w.name);

describe('dvht documents on a unit not recognised', () => {
  it('draws the self-evaluation without a tờ trình and says why; the tờ trình alone is refused', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-notmet-'));
    const file = path.join(dir, 'chua-dat.xlsx');
    const wb = ExcelJsWorkbook.create('chua-dat.xlsx');
    await createSheets(wb, sampleUnit({ members: 20, rate: 0.5 }));
    fs.writeFileSync(file, await wb.toBuffer());
    expect(await run(['evaluate', file], captureText())).toBe(0);

    const only = captureText();
    const before = await sheetsOf(file);
    expect(await run(['documents', file, '--only', 'to-trinh'], only)).toBe(1);
    expect(only.stderr).toContain('Chưa lập tờ trình: kết quả tự đánh giá là “Chưa đủ điều kiện công nhận');
    expect(await sheetsOf(file)).toEqual(before);

    const all = captureText();
    expect(await run(['documents', file], all)).toBe(0);
    expect(all.stdout).toMatch(/Đã lập 7 văn bản/);
    // First among the warnings: the reason the dossier has no letter.
    expect(all.stderr.split('\n').find((l) => l.startsWith('  - '))).toMatch(/^ {2}- Chưa lập tờ trình: .*HỒ SƠ TỰ ĐÁNH GIÁ/);
    const after = await sheetsOf(file);
    expect(after).not.toContain(DOCUMENT_SHEETS.toTrinh);
    expect(after).toContain(DOCUMENT_SHEETS.baoCao);
  }, 60_000);
});
