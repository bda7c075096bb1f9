/**
 * The reader's spans of one sheet (XlsxFile.sheetRows): the rows asked for read as the whole
 * sheet reads them, with their formula cells; the rows between left unread; a part whose rows do
 * not give their numbers read whole.
 */
import { openXlsx } from '../../src/xlsx';
import { nodeInflate, nodeRaw } from '../../src/xlsx/inflateNode';
import { SHEETS } from '../../src/sheets/names';
import { makeZip, unitWorkbook } from './corpus';

jest.setTimeout(60_000);

/** A one-sheet workbook whose sheet part is `sheetData` (`x`: its tags prefixed, as the Open XML SDK writes them). */
function workbook(sheetData: string, x = ''): Uint8Array {
  const text = (s: string) => new TextEncoder().encode(s);
  return makeZip([
    { name: '[Content_Types].xml', data: text('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>') },
    { name: '_rels/.rels', data: text('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>') },
    { name: 'xl/workbook.xml', data: text('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Tổng hợp" sheetId="1" r:id="rId1"/></sheets></workbook>') },
    { name: 'xl/_rels/workbook.xml.rels', data: text('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>') },
    {
      name: 'xl/worksheets/sheet1.xml',
      data: text(
        x
          ? `<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>${sheetData.replace(/<(\/?)(row|c|v|f|is|t)([ >])/g, '<$1x:$2$3')}</x:sheetData></x:worksheet>`
          : `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetData}</sheetData><rowBreaks count="0"/></worksheet>`,
      ),
    },
  ]);
}

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
    const file = await openXlsx(workbook(SHEET), { inflate: nodeInflate });
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
    const file = await openXlsx(workbook(SHEET.replace('<row r="3">', '<row>')), { inflate: nodeInflate });
    const whole = (await file.read([SHEETS.summary])).sheets.get(SHEETS.summary)!.rows;
    const read = (await file.sheetRows(SHEETS.summary))!.rows(1, 2);
    expect(read.rows).toEqual(whole);
    expect([...read.formulas].sort()).toEqual(['B7', 'G2']);
  });

  it('reads a part whose tags are prefixed (x:row) as the whole sheet reads it', async () => {
    const file = await openXlsx(workbook(SHEET, 'x'), { inflate: nodeInflate });
    const whole = (await file.read([SHEETS.summary])).sheets.get(SHEETS.summary)!.rows;
    expect(whole[1]![6]).toBe('Đạt');
    const head = (await file.sheetRows(SHEETS.summary))!.rows(1, 3);
    expect(head.rows).toEqual(whole.slice(0, 3));
    expect([...head.formulas]).toEqual(['G2']);
  });

  it('is null for a sheet the workbook lacks', async () => {
    const file = await openXlsx(workbook(SHEET), { inflate: nodeInflate });
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
