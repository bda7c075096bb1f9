/**
 * The reader's spans of one sheet (XlsxFile.sheetRows): the rows asked for read as the whole
 * sheet reads them, with their formula cells; the rows between left unread; a part whose rows do
 * not give their numbers read whole.
 */
import { openXlsx } from '../../src/xlsx';
import { nodeInflate, nodeRaw } from '../../src/xlsx/inflateNode';
import { SHEETS } from '../../src/sheets/names';
import { summaryOnlyWorkbook, unitWorkbook } from './corpus';

jest.setTimeout(60_000);

const row = (r: number | null, cells: string) => `<row${r === null ? '' : ` r="${r}"`}>${cells}</row>`;
const SHEET = [
  row(1, '<c r="A1" t="inlineStr"><is><t>Mã</t></is></c>'),
  row(2, '<c r="A2" t="inlineStr"><is><t>1.1</t></is></c><c r="G2" t="str"><f>\'Tiêu chí\'!O18&amp;""</f><v>Đạt</v></c>'),
  row(3, '<c r="A3" t="inlineStr"><is><t>1.2</t></is></c><c r="G3" t="inlineStr"><is><t>Đạt</t></is></c>'),
  row(7, '<c r="B7"><f>1+1</f><v>2</v></c>'),
  row(9, '<c r="A9"><v>9</v></c>'),
].join('');

describe('a sheet read a span of rows at a time', () => {
  it('gives the rows asked for as the whole sheet reads them, and which of their cells are formulas', async () => {
    const file = await openXlsx(summaryOnlyWorkbook(SHEET), { inflate: nodeInflate });
    const rows = (await file.sheetRows(SHEETS.summary))!;
    const whole = (await file.read([SHEETS.summary])).sheets.get(SHEETS.summary)!.rows;
    const head = rows.rows(1, 3);
    expect(head.rows).toEqual(whole.slice(0, 3));
    expect([...head.formulas]).toEqual(['G2']);
    // Rows 4 … 8 asked for: the ones there are (7), none past them.
    const middle = rows.rows(4, 8);
    expect(middle.rows[6]).toEqual(whole[6]);
    expect(middle.rows.length).toBe(7);
    expect([...middle.formulas]).toEqual(['B7']);
    expect(rows.rows(10, 20).rows).toEqual([]);
  });

  it('reads a part whose rows do not give their numbers whole', async () => {
    const file = await openXlsx(summaryOnlyWorkbook(SHEET.replace('<row r="3">', '<row>')), { inflate: nodeInflate });
    const whole = (await file.read([SHEETS.summary])).sheets.get(SHEETS.summary)!.rows;
    const read = (await file.sheetRows(SHEETS.summary))!.rows(1, 2);
    expect(read.rows).toEqual(whole);
    expect([...read.formulas].sort()).toEqual(['B7', 'G2']);
  });

  it('reads a part whose tags are prefixed (x:row) as the whole sheet reads it', async () => {
    const file = await openXlsx(summaryOnlyWorkbook(SHEET, true), { inflate: nodeInflate });
    const whole = (await file.read([SHEETS.summary])).sheets.get(SHEETS.summary)!.rows;
    expect(whole[1]![6]).toBe('Đạt');
    const head = (await file.sheetRows(SHEETS.summary))!.rows(1, 3);
    expect(head.rows).toEqual(whole.slice(0, 3));
    expect([...head.formulas]).toEqual(['G2']);
  });

  it('finds a row’s number however its tag spells the attribute, and reads whole a row whose `r` is no number', async () => {
    const spelled = SHEET.replace('<row r="2">', '<row spans="1:7" r = \'2\'>').replace('<row r="3">', '<row\n\tr="3" x14ac:dyDescent="0.25">').replace('<row r="7">', '<row customFormat="1" ht="15" r="7">');
    const file = await openXlsx(summaryOnlyWorkbook(spelled), { inflate: nodeInflate });
    const whole = (await file.read([SHEETS.summary])).sheets.get(SHEETS.summary)!.rows;
    const rows = (await file.sheetRows(SHEETS.summary))!;
    expect(rows.rows(2, 3).rows.slice(1)).toEqual(whole.slice(1, 3));
    expect(rows.rows(7, 7).rows[6]).toEqual(whole[6]);
    for (const odd of ['<row r="">', '<row r="3a">', '<row xr="3">']) {
      const broken = await openXlsx(summaryOnlyWorkbook(SHEET.replace('<row r="3">', odd)), { inflate: nodeInflate });
      const read = (await broken.sheetRows(SHEETS.summary))!.rows(1, 2);
      expect(read.rows).toEqual((await broken.read([SHEETS.summary])).sheets.get(SHEETS.summary)!.rows);
    }
  });

  it('is null for a sheet the workbook lacks', async () => {
    const file = await openXlsx(summaryOnlyWorkbook(SHEET), { inflate: nodeInflate });
    expect(await file.sheetRows('Không có')).toBeNull();
  });

  it('reads a unit’s summary as the whole part reads it, raw or decoded, its table and its totals alike', async () => {
    const bytes = await unitWorkbook({ name: 'Trường THCS Nguyễn Du', members: 40 });
    for (const raw of [undefined, nodeRaw]) {
      const file = await openXlsx(bytes, { inflate: nodeInflate, raw });
      const whole = (await file.read([SHEETS.summary])).sheets.get(SHEETS.summary)!.rows;
      const spans = (await file.sheetRows(SHEETS.summary))!;
      const head = spans.rows(1, 30);
      for (let i = 0; i < 30; i++) expect(head.rows[i] ?? []).toEqual(whole[i] ?? []);
      // The table's results are formulas, its codes are not.
      expect(head.formulas.has('G11')).toBe(true);
      expect(head.formulas.has('A11')).toBe(false);
      const last = whole.length;
      expect(spans.rows(last - 1, last).rows.slice(last - 2)).toEqual(whole.slice(last - 2));
    }
  });
});
