/**
 * The round-trip corpus, built at test time: unit workbooks (the add-in's sheets from
 * `dvht init --sample`) that also hold what schools really keep beside them, written by
 * openpyxl, re-saved by LibreOffice, or added part by part where neither can write it.
 * Each file says which sheets are the user's and what it claims to contain.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { run } from '../../../src/cli/main';
import { convert } from '../libreoffice';
import { cfbFile } from '../../consolidate/corpus';
import { esc, NS, Package, sheetXml } from './inject';

export interface Claim {
  /** What the file is meant to hold, in words. */
  what: string;
  /** A part whose name matches … */
  part: RegExp;
  /** … and whose text contains this (when given). */
  contains?: string | RegExp;
}

export interface CorpusFile {
  name: string;
  file: string;
  producer: 'openpyxl' | 'libreoffice' | 'hand';
  /** Sheets that are the user's (everything else is the add-in's). */
  userSheets: string[];
  claims: Claim[];
  /** Review → Protect Workbook: every command that adds or redraws a sheet is refused, the file untouched. */
  structureLocked?: boolean;
}

/** The files `buildCorpus` makes, in order (known before it runs, so tests can be listed). */
export const CORPUS_NAMES = [
  'openpyxl-bieu-do-ghi-chu.xlsx',
  'openpyxl-bang-ten.xlsx',
  'libreoffice-bieu-do-ghi-chu.xlsx',
  'libreoffice-bang-ten.xlsx',
  'tay-pivot-bieu-do.xlsx',
  'tay-binh-luan-lien-ket.xlsx',
  'tay-binh-luan-lien-ket-khoa-cua-so.xlsx',
  'tay-macro.xlsm',
  'ten-trung-tong-hop.xlsx',
  'ten-trung-TONG-HOP.xlsx',
  'ten-trung-to-trinh.xlsx',
] as const;

const PYTHON = '/usr/bin/python3';
const CLASSES: [string, number, number][] = [
  ['6A', 40, 35],
  ['6B', 42, 38],
  ['7A', 39, 30],
  ['7B', 41, 40],
];
const classRows = () => [['Lớp', 'Sĩ số', 'Đạt CDHT'], ...CLASSES];

/** The add-in's own workbook, as `dvht init --sample` writes it. */
export async function baseWorkbook(dir: string): Promise<string> {
  const file = path.join(dir, 'co-so.xlsx');
  const lines: string[] = [];
  const code = await run(['init', '-o', file, '--preset', 'tt24-co-so-md1', '--unit', 'Trường THCS Nguyễn Du', '--type', 'thcs', '--year', '2025', '--sample', '--members', '15', '--seed', '7'], { out: (s) => lines.push(s), err: (s) => lines.push(s) });
  if (code !== 0) throw new Error(`dvht init failed: ${lines.join('\n')}`);
  return file;
}

/** Builds every corpus file into `dir` (about 15 s: two openpyxl runs, two LibreOffice runs). */
export async function buildCorpus(dir: string): Promise<CorpusFile[]> {
  fs.mkdirSync(dir, { recursive: true });
  const base = await baseWorkbook(dir);
  const baseBytes = fs.readFileSync(base);
  const out: CorpusFile[] = [];
  const script = path.join(__dirname, 'openpyxl_user_parts.py');
  const py = (mode: string, name: string) => {
    const file = path.join(dir, name);
    execFileSync(PYTHON, [script, mode, base, file], { stdio: 'pipe' });
    return file;
  };

  // openpyxl
  const chartComments: CorpusFile = {
    name: 'openpyxl-bieu-do-ghi-chu.xlsx',
    file: py('chart-comments', 'openpyxl-bieu-do-ghi-chu.xlsx'),
    producer: 'openpyxl',
    userSheets: ['Số liệu lớp', 'Ghi chú'],
    claims: [
      { what: 'a bar chart', part: /^xl\/charts\/chart\d+\.xml$/, contains: 'barChart' },
      { what: 'a drawing holding it', part: /^xl\/drawings\/drawing\d+\.xml$/ },
      { what: 'plain-text comments with their authors', part: /^xl\/comments\/comment\d+\.xml$/, contains: 'Nguyễn Thị Hoa' },
      { what: 'the comments’ VML shapes', part: /^xl\/drawings\/commentsDrawing\d+\.vml$/ },
    ],
  };
  const tableNames: CorpusFile = {
    name: 'openpyxl-bang-ten.xlsx',
    file: py('table-names', 'openpyxl-bang-ten.xlsx'),
    producer: 'openpyxl',
    userSheets: ['Lớp A', 'Lớp B', 'Bảng'],
    claims: [
      { what: 'a table', part: /^xl\/tables\/table\d+\.xml$/, contains: 'displayName="BangLop"' },
      { what: 'a list data validation', part: /^xl\/worksheets\/sheet\d+\.xml$/, contains: /<dataValidation [^>]*type="list"/ },
      { what: 'a sheet-scoped name on “Lớp A”', part: /^xl\/workbook\.xml$/, contains: `<definedName name="DS" localSheetId="5">'Lớp A'!$A$2:$A$5</definedName>` },
      { what: 'a sheet-scoped name on “Lớp B”', part: /^xl\/workbook\.xml$/, contains: `<definedName name="DS" localSheetId="6">'Lớp B'!$A$2:$A$7</definedName>` },
      { what: 'a named constant', part: /^xl\/workbook\.xml$/, contains: '<definedName name="HeSo">1.5</definedName>' },
      { what: 'sheet protection with a password', part: /^xl\/worksheets\/sheet\d+\.xml$/, contains: /<sheetProtection [^>]*password="[0-9A-F]{4}"/ },
    ],
  };
  out.push(chartComments, tableNames);

  // LibreOffice re-saves of both (its own way of writing charts, comments, tables, names)
  for (const [from, name] of [
    [chartComments, 'libreoffice-bieu-do-ghi-chu.xlsx'],
    [tableNames, 'libreoffice-bang-ten.xlsx'],
  ] as const) {
    const outDir = fs.mkdtempSync(path.join(dir, 'lo-'));
    const saved = await convert(from.file, 'xlsx', outDir);
    const file = path.join(dir, name);
    fs.renameSync(saved, file);
    fs.rmSync(outDir, { recursive: true, force: true });
    out.push({
      name,
      file,
      producer: 'libreoffice',
      userSheets: from.userSheets,
      claims:
        from === tableNames
          ? [
              { what: 'a table', part: /^xl\/tables\/table\d+\.xml$/, contains: 'BangLop' },
              { what: 'sheet-scoped names', part: /^xl\/workbook\.xml$/, contains: /<definedName [^>]*localSheetId="\d+"[^>]*>(?:'|&apos;)Lớp B(?:'|&apos;)!\$A\$2:\$A\$7</ },
              { what: 'LibreOffice sheet protection', part: /^xl\/worksheets\/sheet\d+\.xml$/, contains: /<sheetProtection [^>]*sheet="(1|true)"/ },
              { what: 'written by LibreOffice', part: /^docProps\/app\.xml$/, contains: 'LibreOffice' },
            ]
          : [
              { what: 'a chart', part: /^xl\/charts\/chart\d+\.xml$/, contains: 'barChart' },
              { what: 'comments', part: /^xl\/comments\d*\.xml$/, contains: 'Hỏi lại phòng GD' },
              { what: 'written by LibreOffice', part: /^docProps\/app\.xml$/, contains: 'LibreOffice' },
            ],
    });
  }

  const hand = async (name: string, userSheets: string[], claims: Claim[], build: (p: Package) => Promise<void>, structureLocked = false) => {
    const p = await Package.load(baseBytes);
    await build(p);
    const file = path.join(dir, name);
    fs.writeFileSync(file, await p.bytes());
    out.push({ name, file, producer: 'hand', userSheets, claims, ...(structureLocked ? { structureLocked } : {}) });
  };

  await hand(
    'tay-pivot-bieu-do.xlsx',
    ['Số liệu lớp', 'Pivot'],
    [
      { what: 'a pivot cache definition', part: /^xl\/pivotCache\/pivotCacheDefinition1\.xml$/, contains: 'worksheetSource' },
      { what: 'pivot cache records', part: /^xl\/pivotCache\/pivotCacheRecords1\.xml$/ },
      { what: 'a pivot table', part: /^xl\/pivotTables\/pivotTable1\.xml$/, contains: 'pivotTableDefinition' },
      { what: 'the pivot cache in the workbook', part: /^xl\/workbook\.xml$/, contains: '<pivotCaches><pivotCache cacheId="1"' },
      { what: 'a chart', part: /^xl\/charts\/chart1\.xml$/, contains: 'c:barChart' },
      { what: 'a text box in the drawing', part: /^xl\/drawings\/drawing1\.xml$/, contains: 'txBox="1"' },
      { what: 'sparklines (x14)', part: /^xl\/worksheets\/sheet\d+\.xml$/, contains: 'x14:sparklineGroups' },
      { what: 'an x14 data validation', part: /^xl\/worksheets\/sheet\d+\.xml$/, contains: 'x14:dataValidations' },
    ],
    async (p) => {
      const data = await p.addSheet(
        'Số liệu lớp',
        sheetXml({
          rows: classRows(),
          ns: ` xmlns:x14="${X14}" xmlns:xm="${XM}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"`,
          tail: '<drawing r:id="rId1"/>',
          ext: SPARKLINES("'Số liệu lớp'!B2:C2", 'D2') + X14_VALIDATION("'Số liệu lớp'!$A$2:$A$5", 'F2:F20'),
        }),
      );
      await p.put('xl/drawings/drawing1.xml', DRAWING, 'application/vnd.openxmlformats-officedocument.drawing+xml');
      await p.put('xl/charts/chart1.xml', CHART("'Số liệu lớp'"), 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml');
      await p.rel(data.part, `${NS.rel}/drawing`, 'xl/drawings/drawing1.xml');
      await p.rel('xl/drawings/drawing1.xml', `${NS.rel}/chart`, 'xl/charts/chart1.xml');

      const pivot = await p.addSheet(
        'Pivot',
        sheetXml({ rows: [[], [], ['Nhãn hàng', 'Tổng Đạt CDHT'], ...CLASSES.map(([c, , v]) => [c, v]), ['Tổng cộng', CLASSES.reduce((a, [, , v]) => a + v, 0)]] }),
      );
      await p.put('xl/pivotCache/pivotCacheDefinition1.xml', PIVOT_CACHE, 'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml');
      await p.put('xl/pivotCache/pivotCacheRecords1.xml', PIVOT_RECORDS, 'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheRecords+xml');
      await p.put('xl/pivotTables/pivotTable1.xml', PIVOT_TABLE, 'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml');
      await p.rel('xl/pivotCache/pivotCacheDefinition1.xml', `${NS.rel}/pivotCacheRecords`, 'xl/pivotCache/pivotCacheRecords1.xml');
      await p.rel(pivot.part, `${NS.rel}/pivotTable`, 'xl/pivotTables/pivotTable1.xml');
      await p.rel('xl/pivotTables/pivotTable1.xml', `${NS.rel}/pivotCacheDefinition`, 'xl/pivotCache/pivotCacheDefinition1.xml');
      const cacheRel = await p.rel('xl/workbook.xml', `${NS.rel}/pivotCacheDefinition`, 'xl/pivotCache/pivotCacheDefinition1.xml');
      await p.addToWorkbook(`<pivotCache cacheId="1" r:id="${cacheRel}"/>`, 'pivotCaches');
    },
  );

  // Twice: with the structure locked (every command refused), and with only the windows locked (written, the element kept).
  for (const [name, protection, structureLocked] of [
    ['tay-binh-luan-lien-ket.xlsx', '<workbookProtection lockStructure="1" workbookPassword="CC3D"/>', true],
    ['tay-binh-luan-lien-ket-khoa-cua-so.xlsx', '<workbookProtection lockWindows="1" workbookPassword="CC3D"/>', false],
  ] as const) await hand(
    name,
    ['Góp ý', 'Liên kết', 'Tổ Văn'],
    [
      { what: 'threaded comments with a reply', part: /^xl\/threadedComments\/threadedComment1\.xml$/, contains: 'parentId=' },
      { what: 'the persons of the threads', part: /^xl\/persons\/person\.xml$/, contains: 'Nguyễn Thị Hoa' },
      { what: 'legacy comments for older Excel', part: /^xl\/comments1\.xml$/ },
      { what: 'an external link', part: /^xl\/externalLinks\/externalLink1\.xml$/, contains: 'externalBook' },
      { what: 'the external link in the workbook', part: /^xl\/workbook\.xml$/, contains: '<externalReferences>' },
      { what: 'custom document properties', part: /^docProps\/custom\.xml$/, contains: 'Mã hồ sơ' },
      { what: 'two sheet-scoped names DS', part: /^xl\/workbook\.xml$/, contains: /<definedName name="DS" localSheetId="\d+">'Góp ý'!\$A\$2:\$A\$3<\/definedName><definedName name="DS" localSheetId="\d+">'Tổ Văn'!\$A\$2:\$A\$5<\/definedName>/ },
      { what: 'a legacy protection password', part: /^xl\/worksheets\/sheet\d+\.xml$/, contains: '<sheetProtection password="CC3D"' },
      { what: 'workbook protection', part: /^xl\/workbook\.xml$/, contains: protection },
      { what: 'print gridlines', part: /^xl\/worksheets\/sheet\d+\.xml$/, contains: '<printOptions gridLines="1"/>' },
    ],
    async (p) => {
      const notes = await p.addSheet(
        'Góp ý',
        sheetXml({
          rows: [['Nội dung', 'Người phụ trách'], ['Kiểm tra sĩ số', 'Cô Hoa'], ['Chuẩn bị tờ trình', 'Thầy Bình'], [], [{ f: 'COUNTA(DS)', v: 2 }]],
          afterData: '<sheetProtection password="CC3D" sheet="1" objects="1" scenarios="1"/>',
          tail: '<legacyDrawing r:id="rId2"/>',
        }),
      );
      await p.rel(notes.part, 'http://schemas.microsoft.com/office/2017/10/relationships/threadedComment', 'xl/threadedComments/threadedComment1.xml');
      await p.rel(notes.part, `${NS.rel}/vmlDrawing`, 'xl/drawings/vmlDrawing1.vml');
      await p.rel(notes.part, `${NS.rel}/comments`, 'xl/comments1.xml');
      await p.put('xl/threadedComments/threadedComment1.xml', THREADED, 'application/vnd.ms-excel.threadedcomments+xml');
      await p.put('xl/comments1.xml', LEGACY_COMMENTS, 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml');
      await p.setDefault('vml', 'application/vnd.openxmlformats-officedocument.vmlDrawing');
      await p.put('xl/drawings/vmlDrawing1.vml', VML);
      await p.put('xl/persons/person.xml', PERSONS, 'application/vnd.ms-excel.person+xml');
      await p.rel('xl/workbook.xml', 'http://schemas.microsoft.com/office/2017/10/relationships/person', 'xl/persons/person.xml');

      const links = await p.addSheet(
        'Liên kết',
        sheetXml({ rows: [['Điểm trường bạn', { f: "[1]'Tổng hợp'!B2", v: 87 }], ['Hệ số', { f: 'HeSo*2', v: 3 }]], afterData: '<printOptions gridLines="1"/>' }),
      );
      void links;
      await p.put('xl/externalLinks/externalLink1.xml', EXTERNAL_LINK, 'application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml');
      await p.rel('xl/externalLinks/externalLink1.xml', `${NS.rel}/externalLinkPath`, 'truong-ban.xlsx', true);
      const ext = await p.rel('xl/workbook.xml', `${NS.rel}/externalLink`, 'xl/externalLinks/externalLink1.xml');
      await p.addToWorkbook(`<externalReference r:id="${ext}"/>`, 'externalReferences');

      const group = await p.addSheet('Tổ Văn', sheetXml({ rows: [['Giáo viên'], ['Lê Thu'], ['Phạm Hà'], ['Vũ Nam'], ['Đỗ Linh'], [{ f: 'COUNTA(DS)', v: 4 }]] }));
      await p.addToWorkbook(`<definedName name="DS" localSheetId="${notes.index}">'Góp ý'!$A$2:$A$3</definedName><definedName name="DS" localSheetId="${group.index}">'Tổ Văn'!$A$2:$A$5</definedName><definedName name="HeSo">1.5</definedName>`, 'definedNames');
      await p.addToWorkbook(protection);

      await p.put('docProps/custom.xml', CUSTOM_PROPS, 'application/vnd.openxmlformats-officedocument.custom-properties+xml');
      await p.rel('', `${NS.rel}/custom-properties`, 'docProps/custom.xml');
    },
    structureLocked,
  );

  await hand(
    'tay-macro.xlsm',
    ['Ghi chép'],
    [
      { what: 'a VBA project', part: /^xl\/vbaProject\.bin$/ },
      { what: 'a macro-enabled workbook content type', part: /^\[Content_Types\]\.xml$/, contains: 'application/vnd.ms-excel.sheet.macroEnabled.main+xml' },
      { what: 'the VBA project’s content type', part: /^\[Content_Types\]\.xml$/, contains: 'application/vnd.ms-office.vbaProject' },
    ],
    async (p) => {
      await p.addSheet('Ghi chép', sheetXml({ rows: [['Bấm Alt+F8 để chạy macro “InHoSo”.']] }));
      await p.setDefault('bin', 'application/vnd.ms-office.vbaProject');
      await p.put('xl/vbaProject.bin', cfbFile('VBA'));
      await p.rel('xl/workbook.xml', 'http://schemas.microsoft.com/office/2006/relationships/vbaProject', 'xl/vbaProject.bin');
      await p.edit('[Content_Types].xml', (x) => x.replace('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml'));
    },
  );

  // User sheets that carry the add-in's names (the add-in draws "Tổng hợp" on evaluate and
  // "Tờ trình" on documents). One per file: Excel compares sheet names without case.
  for (const [name, sheet] of [
    ['ten-trung-tong-hop.xlsx', 'Tổng hợp'],
    ['ten-trung-TONG-HOP.xlsx', 'TỔNG HỢP'],
    ['ten-trung-to-trinh.xlsx', 'Tờ trình'],
  ] as const) {
    await hand(name, [sheet], [{ what: `a user sheet named “${sheet}”`, part: /^xl\/workbook\.xml$/, contains: `name="${sheet}"` }], async (p) => {
      await p.addSheet(sheet, sheetXml({ rows: [[`Bảng ${sheet.toLowerCase()} của nhà trường (không phải của add-in)`], ['Khối 6', 82], ['Khối 7', 79]] }));
    });
  }
  fs.rmSync(base);
  return out;
}

// ------------------------------------------------------------ hand-made parts

const X14 = 'http://schemas.microsoft.com/office/spreadsheetml/2009/9/main';
const XM = 'http://schemas.microsoft.com/office/excel/2006/main';
const DML = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const CHART_NS = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const SPARKLINES = (data: string, at: string) =>
  `<ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}"><x14:sparklineGroups><x14:sparklineGroup displayEmptyCellsAs="gap"><x14:colorSeries rgb="FF376092"/><x14:colorNegative rgb="FFD00000"/><x14:colorAxis rgb="FF000000"/><x14:colorMarkers rgb="FFD00000"/><x14:colorFirst rgb="FFD00000"/><x14:colorLast rgb="FFD00000"/><x14:colorHigh rgb="FFD00000"/><x14:colorLow rgb="FFD00000"/><x14:sparklines><x14:sparkline><xm:f>${esc(data)}</xm:f><xm:sqref>${at}</xm:sqref></x14:sparkline></x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext>`;

const X14_VALIDATION = (list: string, at: string) =>
  `<ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}"><x14:dataValidations count="1"><x14:dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1"><x14:formula1><xm:f>${esc(list)}</xm:f></x14:formula1><xm:sqref>${at}</xm:sqref></x14:dataValidation></x14:dataValidations></ext>`;

const anchor = (c1: number, r1: number, c2: number, r2: number, body: string) =>
  `<xdr:twoCellAnchor><xdr:from><xdr:col>${c1}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${r1}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>${c2}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${r2}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>${body}<xdr:clientData/></xdr:twoCellAnchor>`;

const DRAWING =
  DECL +
  `<xdr:wsDr xmlns:xdr="${XDR}" xmlns:a="${DML}" xmlns:r="${NS.r}" xmlns:c="${CHART_NS}">` +
  anchor(
    7,
    1,
    14,
    16,
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Biểu đồ 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${CHART_NS}"><c:chart r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame>`,
  ) +
  anchor(
    7,
    17,
    12,
    21,
    `<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="3" name="Hộp văn bản 2"/><xdr:cNvSpPr txBox="1"/></xdr:nvSpPr><xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="3000000" cy="700000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:srgbClr val="FFFFCC"/></a:solidFill></xdr:spPr><xdr:txBody><a:bodyPr vertOverflow="clip" wrap="square" rtlCol="0" anchor="t"/><a:lstStyle/><a:p><a:r><a:rPr lang="vi-VN" sz="1100"/><a:t>Ghi chú của nhà trường: số liệu chốt ngày 30/11.</a:t></a:r></a:p></xdr:txBody></xdr:sp>`,
  ) +
  `</xdr:wsDr>`;

const CHART = (sheet: string) =>
  DECL +
  `<c:chartSpace xmlns:c="${CHART_NS}" xmlns:a="${DML}" xmlns:r="${NS.r}"><c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>Đạt CDHT theo lớp</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
  `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:strRef><c:f>${esc(sheet)}!$C$1</c:f></c:strRef></c:tx>` +
  `<c:cat><c:strRef><c:f>${esc(sheet)}!$A$2:$A$5</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>${esc(sheet)}!$C$2:$C$5</c:f></c:numRef></c:val></c:ser><c:axId val="111"/><c:axId val="222"/></c:barChart>` +
  `<c:catAx><c:axId val="111"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="222"/></c:catAx>` +
  `<c:valAx><c:axId val="222"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="111"/></c:valAx></c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`;

const PIVOT_CACHE =
  DECL +
  `<pivotCacheDefinition xmlns="${NS.main}" xmlns:r="${NS.r}" r:id="rId1" refreshOnLoad="0" createdVersion="6" refreshedVersion="6" minRefreshableVersion="3" recordCount="4"><cacheSource type="worksheet"><worksheetSource ref="A1:C5" sheet="Số liệu lớp"/></cacheSource><cacheFields count="3">` +
  `<cacheField name="Lớp" numFmtId="0"><sharedItems count="4">${CLASSES.map(([c]) => `<s v="${c}"/>`).join('')}</sharedItems></cacheField>` +
  `<cacheField name="Sĩ số" numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" containsInteger="1" minValue="39" maxValue="42"/></cacheField>` +
  `<cacheField name="Đạt CDHT" numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" containsInteger="1" minValue="30" maxValue="40"/></cacheField></cacheFields></pivotCacheDefinition>`;

const PIVOT_RECORDS = DECL + `<pivotCacheRecords xmlns="${NS.main}" xmlns:r="${NS.r}" count="4">${CLASSES.map(([, n, v], i) => `<r><x v="${i}"/><n v="${n}"/><n v="${v}"/></r>`).join('')}</pivotCacheRecords>`;

const PIVOT_TABLE =
  DECL +
  `<pivotTableDefinition xmlns="${NS.main}" name="PivotTable1" cacheId="1" applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1" dataCaption="Giá trị" updatedVersion="6" minRefreshableVersion="3" useAutoFormatting="1" itemPrintTitles="1" createdVersion="6" indent="0" outline="1" outlineData="1" multipleFieldFilters="0">` +
  `<location ref="A3:B8" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/><pivotFields count="3"><pivotField axis="axisRow" showAll="0"><items count="5"><item x="0"/><item x="1"/><item x="2"/><item x="3"/><item t="default"/></items></pivotField><pivotField showAll="0"/><pivotField dataField="1" showAll="0"/></pivotFields>` +
  `<rowFields count="1"><field x="0"/></rowFields><rowItems count="5"><i><x/></i><i><x v="1"/></i><i><x v="2"/></i><i><x v="3"/></i><i t="grand"><x/></i></rowItems><colItems count="1"><i/></colItems>` +
  `<dataFields count="1"><dataField name="Tổng Đạt CDHT" fld="2" baseField="0" baseItem="0"/></dataFields><pivotTableStyleInfo name="PivotStyleLight16" showRowHeaders="1" showColHeaders="1" showRowStripes="0" showColStripes="0" showLastColumn="1"/></pivotTableDefinition>`;

const PERSON_HOA = '{6A1D3E20-1C5B-4C0E-9F55-0A1B2C3D4E01}';
const PERSON_BINH = '{6A1D3E20-1C5B-4C0E-9F55-0A1B2C3D4E02}';
const THREAD = '{0B9C2A10-7F3E-4D21-8A66-5E4F3D2C1B01}';

const PERSONS =
  DECL +
  `<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="${NS.main}"><person displayName="Nguyễn Thị Hoa" id="${PERSON_HOA}" userId="hoa@thcs-nguyendu.edu.vn" providerId="None"/><person displayName="Trần Văn Bình" id="${PERSON_BINH}" userId="binh@thcs-nguyendu.edu.vn" providerId="None"/></personList>`;

const THREADED =
  DECL +
  `<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="${NS.main}">` +
  `<threadedComment ref="B2" dT="2025-12-01T08:00:00.00" personId="${PERSON_HOA}" id="${THREAD}"><text>Sĩ số lớp 6B cần kiểm tra lại.</text></threadedComment>` +
  `<threadedComment ref="B2" dT="2025-12-01T09:30:00.00" personId="${PERSON_BINH}" id="{0B9C2A10-7F3E-4D21-8A66-5E4F3D2C1B02}" parentId="${THREAD}"><text>Đã kiểm tra: đúng 42 em.</text></threadedComment></ThreadedComments>`;

const LEGACY_COMMENTS =
  DECL +
  `<comments xmlns="${NS.main}"><authors><author>tc=${THREAD}</author></authors><commentList><comment ref="B2" authorId="0" shapeId="0"><text><t>[Threaded comment]\n\nYour version of Excel allows you to read this threaded comment; however, any edits to it will get removed if the file is opened in a newer version of Excel.\n\nComment:\n    Sĩ số lớp 6B cần kiểm tra lại.\nReply:\n    Đã kiểm tra: đúng 42 em.</t></text></comment></commentList></comments>`;

const VML =
  `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">` +
  `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>` +
  `<v:shape id="_x0000_s1025" type="#_x0000_t202" style="position:absolute;margin-left:120pt;margin-top:2pt;width:108pt;height:59pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>` +
  `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:AutoFill>False</x:AutoFill><x:Row>1</x:Row><x:Column>1</x:Column></x:ClientData></v:shape></xml>`;

const EXTERNAL_LINK =
  DECL +
  `<externalLink xmlns="${NS.main}" xmlns:r="${NS.r}"><externalBook r:id="rId1"><sheetNames><sheetName val="Tổng hợp"/></sheetNames><sheetDataSet><sheetData sheetId="0"><row r="2"><cell r="B2"><v>87</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>`;

const CUSTOM_PROPS =
  DECL +
  `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Mã hồ sơ"><vt:lpwstr>HS-2025-017</vt:lpwstr></property><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="Đã duyệt"><vt:bool>false</vt:bool></property></Properties>`;
