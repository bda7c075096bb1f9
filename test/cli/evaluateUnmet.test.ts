/**
 * `dvht evaluate` on a unit that is not recognised says which indicators keep it out, each with
 * its figure, as the officer's table does ("2.4: 0% < 50%"): the head sees what to mend without
 * opening the workbook.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../src/cli/main';
import { captureText } from '../support/cliOutput';
import { readWorkbookFile } from '../support/exceljs/files';
import { SHEETS } from '../../src/sheets/names';
import { MEMBER_HEADER_ROW } from '../../src/sheets/membersSheet';
import { formatPercent, formatThreshold } from '../../src/i18n/format';

jest.setTimeout(60_000);

let dir: string;
beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-unmet-'))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('dvht evaluate names the indicators not met', () => {
  it('each with its figure and requirement, in the language asked', async () => {
    const file = path.join(dir, 'truong.xlsx');
    expect(await run(['init', '-o', file, '--preset', 'tt24-co-so-md1', '--unit', 'Trường Mầm non Hùng Tiến', '--type', 'mn', '--year', '2025', '--sample', '--seed', '1'], captureText())).toBe(0);
    // Nobody holds a foreign-language certificate this year.
    const wb = await readWorkbookFile(file);
    const ws = wb.workbook.getWorksheet(SHEETS.members)!;
    let col = 0;
    ws.getRow(MEMBER_HEADER_ROW).eachCell((c, n) => void (c.value === 'Chứng chỉ ngoại ngữ' && (col = n)));
    for (let r = MEMBER_HEADER_ROW + 1; r <= ws.rowCount; r++) if (ws.getCell(r, 2).value) ws.getCell(r, col).value = 'Không';
    fs.writeFileSync(file, await wb.toBuffer());

    const io = captureText();
    await run(['evaluate', file], io);
    expect(io.stdout).toContain('Chưa đủ điều kiện công nhận');
    expect(io.stdout).toContain(`Chỉ tiêu chưa đạt hoặc chưa đánh giá được: 2.4: ${formatPercent(0)} < ${formatThreshold(0.5)}`);

    const en = captureText();
    await run(['evaluate', file, '--lang', 'en'], en);
    expect(en.stdout).toContain(`Indicators not met or not evaluable: 2.4: ${formatPercent(0, 'en')} < ${formatThreshold(0.5, 'en')}`);
  });

  it('says nothing more for a unit recognised', async () => {
    const file = path.join(dir, 'dat.xlsx');
    expect(await run(['init', '-o', file, '--preset', 'tt24-co-so-md1', '--unit', 'Trường Mầm non Hùng Tiến', '--type', 'mn', '--year', '2025', '--sample', '--seed', '1'], captureText())).toBe(0);
    const io = captureText();
    await run(['evaluate', file], io);
    expect(io.stdout).toContain('Đủ điều kiện công nhận');
    expect(io.stdout).not.toContain('Chỉ tiêu chưa đạt');
  });
});
