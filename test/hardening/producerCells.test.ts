/**
 * Cells as other producers write them, built here by hand where the producer cannot run:
 * Excel in an East-Asian locale (phonetic runs in shared strings), rich-text runs, ISO date
 * cells (t="d": Excel 365, LibreOffice), error cells, rows and cells without `r` (Google
 * Sheets, generators), a style index past the style list, a lying <dimension>, the 1904 date
 * system, a very hidden sheet, dates by a custom format code. `dvht import` and `dvht
 * evaluate` read the values a user sees in Excel and leave the source as it was; a shared
 * string index past the list (a damaged file) is refused, naming the file, sheet and cell.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../src/cli/main';
import { nodeDeflate } from '../../src/xlsx/deflateNode';
import { nodeInflate } from '../../src/xlsx/inflateNode';
import { readDirectory, readEntry } from '../../src/xlsx/zip';
import { DEFAULT_LIMITS } from '../../src/xlsx/errors';
import { writeZip } from '../../src/xlsx/zipWriter';
import { capture, initSample } from '../support/cliOutput';

jest.setTimeout(120_000);

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

interface ListSpec {
  /** Sheets in tab order: name, sheetData's inside, and what else the worksheet holds before it. */
  sheets: { name: string; rows: string; before?: string; state?: string }[];
  sst?: string;
  styles?: string;
  workbookPr?: string;
}

/** A member list as `spec` says, zipped by the project's writer (no docProps: Google Sheets writes none either). */
function listWorkbook(spec: ListSpec): Promise<Uint8Array> {
  const sheets = spec.sheets;
  const rels = [
    ...sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`),
    ...(spec.sst !== undefined ? [`<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`] : []),
    ...(spec.styles !== undefined ? [`<Relationship Id="rIdT" Type="${REL}/styles" Target="styles.xml"/>`] : []),
  ];
  const overrides = [
    ...sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`),
    ...(spec.sst !== undefined ? ['<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'] : []),
    ...(spec.styles !== undefined ? ['<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'] : []),
  ];
  const parts = [
    {
      name: '[Content_Types].xml',
      text: `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides.join('')}</Types>`,
    },
    { name: '_rels/.rels', text: `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    {
      name: 'xl/workbook.xml',
      text: `${DECL}<workbook xmlns="${MAIN}" xmlns:r="${REL}">${spec.workbookPr ?? ''}<sheets>${sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    },
    { name: 'xl/_rels/workbook.xml.rels', text: `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>` },
    ...sheets.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, text: `${DECL}<worksheet xmlns="${MAIN}">${s.before ?? ''}<sheetData>${s.rows}</sheetData></worksheet>` })),
    ...(spec.sst !== undefined ? [{ name: 'xl/sharedStrings.xml', text: `${DECL}<sst xmlns="${MAIN}">${spec.sst}</sst>` }] : []),
    ...(spec.styles !== undefined ? [{ name: 'xl/styles.xml', text: `${DECL}<styleSheet xmlns="${MAIN}">${spec.styles}</styleSheet>` }] : []),
  ];
  return writeZip(
    parts.map((p) => ({ name: p.name, data: utf8(p.text) })),
    nodeDeflate,
  );
}

/** Two cell styles: General, and a date by a custom code with a locale tag (Vietnamese, as Excel in Vietnam writes it). */
const STYLES =
  '<numFmts count="2"><numFmt numFmtId="164" formatCode="[$-42A]dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="[$-vi-VN]d mmmm yyyy"/></numFmts>' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>';

const HEADERS = '<si><t>STT</t></si><si><t>Họ và tên</t></si><si><t>Ngày sinh</t></si><si><t>Chức vụ</t></si><si><t>Giáo viên</t></si>';
const HEADER_ROW = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>';

/** Excel in a Japanese or Chinese locale: names with phonetic runs and phonetic properties, one name in rich-text runs. */
const EAST_ASIAN_SST =
  HEADERS +
  '<si><r><rPr><b/><sz val="11"/><rFont val="Calibri"/></rPr><t xml:space="preserve">Nguyễn </t></r><r><rPr><sz val="11"/><rFont val="Calibri"/></rPr><t>Văn An</t></r><rPh sb="0" eb="6"><t>グエン</t></rPh><phoneticPr fontId="1" type="noConversion"/></si>' +
  '<si><t>Trần Thị Bình</t><rPh sb="0" eb="4"><t>チャン</t></rPh><rPh sb="5" eb="8"><t>ティ</t></rPh><phoneticPr fontId="1"/></si>' +
  '<si><t>Lê Văn Cường</t><phoneticPr fontId="1" type="noConversion"/></si>';

interface Imported {
  code: number;
  stderr: string;
  rows: { name: string; values: Record<string, unknown> }[];
  issues: { cell: string; reason: string }[];
}

let dir: string;
let base: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-producer-cells-'));
  base = path.join(dir, 'base.xlsx');
  expect(await initSample(base)).toBe(0);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** `dvht import` of `bytes` (sheet DS) into a copy of the sample, as a dry run unless `apply`: what it would add; neither file changed. */
async function importDry(name: string, bytes: Uint8Array, lang: 'vi' | 'en' = 'vi', apply = false): Promise<Imported> {
  const source = path.join(dir, name);
  const target = path.join(dir, `into-${name}`);
  fs.writeFileSync(source, bytes);
  fs.copyFileSync(base, target);
  const io = capture();
  const code = await run(['import', source, '--sheet', 'DS', '--into', target, '--json', ...(apply ? [] : ['--dry-run']), ...(lang === 'en' ? ['--lang', 'en'] : [])], io);
  // Read only: the source's bytes as they were, the target's too (a dry run, or a refused import).
  expect(Buffer.from(fs.readFileSync(source)).equals(Buffer.from(bytes))).toBe(true);
  expect(fs.readFileSync(target).equals(fs.readFileSync(base))).toBe(true);
  const out = code === 0 ? (JSON.parse(io.stdout.join('\n')) as { rows: Imported['rows']; issues: Imported['issues'] }) : { rows: [], issues: [] };
  return { code, stderr: io.stderr.join('\n'), rows: out.rows, issues: out.issues };
}

const members = (r: Imported) => r.rows.map((x) => [x.name, x.values.birthDate ?? null, x.values.position ?? null]);

describe('dvht import of lists other producers wrote', () => {
  it('Excel in an East-Asian locale: no phonetic text in names, rich-text runs joined, ISO and custom-format dates, an error cell, a style past the list and a lying dimension', async () => {
    const rows =
      HEADER_ROW +
      '<row r="2" spans="1:4"><c r="A2"><v>1</v></c><c r="B2" t="s"><v>5</v></c><c r="C2" s="0" t="d"><v>1985-03-15T00:00:00</v></c><c r="D2" s="57" t="s"><v>4</v></c></row>' +
      '<row r="3" spans="1:4"><c r="A3"><v>2</v></c><c r="B3" t="s"><v>6</v></c><c r="C3" s="1"><v>32000</v></c><c r="D3" t="e"><v>#N/A</v></c></row>' +
      '<row r="4" spans="1:4"><c r="A4"><v>3</v></c><c r="B4" t="s"><v>7</v></c><c r="C4" s="2" t="d"><v>1990-12-01</v></c><c r="D4" s="99" t="s"><v>4</v></c></row>';
    const got = await importDry('excel-asia.xlsx', await listWorkbook({ sheets: [{ name: 'DS', rows, before: '<dimension ref="A1"/>' }], sst: EAST_ASIAN_SST, styles: STYLES }));
    expect(got.code).toBe(0);
    expect(members(got)).toEqual([
      ['Nguyễn Văn An', '15/03/1985', 'Giáo viên'],
      ['Trần Thị Bình', '11/08/1987', null],
      ['Lê Văn Cường', '01/12/1990', 'Giáo viên'],
    ]);
    expect(got.issues).toEqual([expect.objectContaining({ cell: 'D3', reason: 'cellError' })]);
  });

  it('rows and cells without `r` (Google Sheets, generators), inline strings with runs', async () => {
    const cell = (v: string | number) => (typeof v === 'number' ? `<c><v>${v}</v></c>` : `<c t="inlineStr"><is>${v}</is></c>`);
    const row = (...vs: (string | number)[]) => `<row>${vs.map(cell).join('')}</row>`;
    const rows =
      row('<t>STT</t>', '<t>Họ và tên</t>', '<t>Ngày sinh</t>', '<t>Chức vụ</t>') +
      row(1, '<r><t>Nguyễn </t></r><r><rPr><b/></rPr><t>Văn An</t></r>', 31121, '<t>Giáo viên</t>') +
      // An empty cell written as such keeps the columns after it in place.
      `<row><c><v>2</v></c><c t="inlineStr"><is><t>Trần Thị Bình</t><rPh sb="0" eb="4"><t>チャン</t></rPh></is></c><c/>${cell('<t>Nhân viên</t>')}</row>`;
    const got = await importDry('google.xlsx', await listWorkbook({ sheets: [{ name: 'DS', rows }] }));
    expect(got.code).toBe(0);
    expect(members(got)).toEqual([
      ['Nguyễn Văn An', '15/03/1985', 'Giáo viên'],
      ['Trần Thị Bình', null, 'Nhân viên'],
    ]);
  });

  it('the 1904 date system (Excel for Mac): serials and ISO dates read as the same days', async () => {
    const rows =
      HEADER_ROW +
      // 15/03/1985 is 31121 in the 1900 system, 29659 in the 1904 one.
      '<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="s"><v>5</v></c><c r="C2" s="1"><v>29659</v></c></row>' +
      '<row r="3"><c r="A3"><v>2</v></c><c r="B3" t="s"><v>6</v></c><c r="C3" s="1" t="d"><v>1987-08-11T00:00:00Z</v></c></row>';
    const got = await importDry('mac1904.xlsx', await listWorkbook({ sheets: [{ name: 'DS', rows }], sst: EAST_ASIAN_SST, styles: STYLES, workbookPr: '<workbookPr date1904="1"/>' }));
    expect(got.code).toBe(0);
    expect(members(got)).toEqual([
      ['Nguyễn Văn An', '15/03/1985', null],
      ['Trần Thị Bình', '11/08/1987', null],
    ]);
  });

  it('a list beside a very hidden sheet is read from its own sheet', async () => {
    const rows = HEADER_ROW + '<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="s"><v>7</v></c></row>';
    const hidden = '<row r="1"><c r="A1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>5</v></c></row>';
    const got = await importDry('very-hidden.xlsx', await listWorkbook({ sheets: [{ name: 'Cấu hình', rows: hidden, state: 'veryHidden' }, { name: 'DS', rows }], sst: EAST_ASIAN_SST }));
    expect(got.code).toBe(0);
    expect(members(got)).toEqual([['Lê Văn Cường', null, null]]);
  });

  // Excel calls such a file damaged and repairs it; read as an empty cell, the member would be
  // reported as "no name" or quietly lose a value: the file is refused, the cell named.
  it('refuses a shared string index past the list, naming the file, the sheet and the cell, and writes nothing', async () => {
    const rows = HEADER_ROW + '<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="s"><v>5</v></c></row>' + '<row r="3"><c r="A3"><v>2</v></c><c r="B3" t="s"><v>8</v></c></row>';
    const bytes = await listWorkbook({ sheets: [{ name: 'DS', rows }], sst: EAST_ASIAN_SST });
    const vi = await importDry('mat-chuoi.xlsx', bytes, 'vi', true);
    expect(vi.code).toBe(1);
    expect(vi.stderr).toMatch(/^Lệnh “import” dừng khi đọc “.*mat-chuoi\.xlsx”.*: Tệp bị hỏng: ô 'DS'!B3 trỏ tới một chữ mà tệp không có/);
    expect(vi.stderr).not.toMatch(/sharedStrings|xl\/|index/i);
    const en = await importDry('mat-chuoi.xlsx', bytes, 'en', true);
    expect(en.code).toBe(1);
    expect(en.stderr).toMatch(/damaged: cell 'DS'!B3 refers to a text the file does not hold/);
    // A sheet that uses shared strings in a file without them, the same.
    const none = await importDry('khong-chuoi.xlsx', await listWorkbook({ sheets: [{ name: 'DS', rows }] }));
    expect(none.stderr).toMatch(/Tệp bị hỏng: ô 'DS'!A1 /);
  });
});

/** `bytes` with parts changed by `change` (null: unchanged) and `added` parts after them, zipped again by the project's writer. */
async function rezipped(bytes: Uint8Array, change: (name: string, text: string) => string | null, added: { name: string; text: string }[] = []): Promise<Uint8Array> {
  const entries = [...readDirectory(bytes, DEFAULT_LIMITS).entries.values()];
  const parts = await Promise.all(
    entries.map(async (e) => {
      const data = await readEntry(bytes, e, nodeInflate, DEFAULT_LIMITS);
      const changed = change(e.name, Buffer.from(data).toString('utf8'));
      return { name: e.name, data: changed === null ? data : utf8(changed) };
    }),
  );
  return writeZip([...parts, ...added.map((a) => ({ name: a.name, data: utf8(a.text) }))], nodeDeflate);
}

/** The sample as Excel saves it in an East-Asian locale: the member in B6 a shared string with a phonetic run (index `index`). */
function asSavedByExcel(sample: Uint8Array, index: number): Promise<Uint8Array> {
  return rezipped(
    sample,
    (name, text) => {
      if (name === '[Content_Types].xml') return text.replace('</Types>', '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>');
      if (name === 'xl/_rels/workbook.xml.rels') return text.replace('</Relationships>', `<Relationship Id="rIdSst" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`);
      if (name !== 'xl/worksheets/sheet3.xml') return null;
      const cell = /<c r="B6"( s="\d+")? t="inlineStr"><is><t>([^<]*)<\/t><\/is><\/c>/.exec(text)!;
      return text.replace(cell[0], `<c r="B6"${cell[1] ?? ''} t="s"><v>${index}</v></c>`);
    },
    [{ name: 'xl/sharedStrings.xml', text: `${DECL}<sst xmlns="${MAIN}" count="1" uniqueCount="1"><si><t>Bùi Xuân Hoa</t><rPh sb="0" eb="3"><t>ブイ</t></rPh><phoneticPr fontId="1"/></si></sst>` }],
  );
}

describe('dvht evaluate of a unit workbook Excel saved with shared strings', () => {
  it('reads the member as typed and keeps the shared strings part; refuses an index past the list naming the cell, writing nothing', async () => {
    const sample = new Uint8Array(fs.readFileSync(base));
    const saved = path.join(dir, 'excel.xlsx');
    fs.writeFileSync(saved, await asSavedByExcel(sample, 0));
    const out = path.join(dir, 'excel-out.xlsx');
    const io = capture();
    expect(await run(['evaluate', saved, '-o', out, '--json'], io)).toBe(0);
    const plain = capture();
    expect(await run(['evaluate', base, '-o', path.join(dir, 'plain-out.xlsx'), '--json'], plain)).toBe(0);
    // The same result as the sample's own (the name read without its phonetic run).
    const result = (text: string[]) => {
      const r = JSON.parse(text.join('\n')) as { outcome: unknown; indicators: unknown; members: { row: number; name: string }[] };
      return { outcome: r.outcome, indicators: r.indicators, members: r.members };
    };
    expect(result(io.stdout).members.find((m) => m.row === 6)?.name).toBe('Bùi Xuân Hoa');
    expect(result(io.stdout)).toEqual(result(plain.stdout));
    const sst = (file: string) => {
      const bytes = new Uint8Array(fs.readFileSync(file));
      const entry = readDirectory(bytes, DEFAULT_LIMITS).entries.get('xl/sharedstrings.xml')!;
      return Buffer.from(bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize)).toString('hex');
    };
    expect(sst(out)).toBe(sst(saved));

    const broken = path.join(dir, 'hong.xlsx');
    fs.writeFileSync(broken, await asSavedByExcel(sample, 3));
    const before = fs.readFileSync(broken);
    const refused = capture();
    expect(await run(['evaluate', broken], refused)).toBe(1);
    expect(refused.stderr.join('\n')).toMatch(/^Lệnh “evaluate” dừng khi đọc “.*hong\.xlsx”: Tệp bị hỏng: ô 'Thành viên'!B6 /);
    expect(fs.readFileSync(broken).equals(before)).toBe(true);
  });
});
