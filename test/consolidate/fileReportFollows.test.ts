/**
 * The file report (“Báo cáo tệp”) printed a kept unit's status and remarks as text written at
 * consolidation time: once the officer had checked a unit and cleared or rewritten its “Ghi chú” in
 * the units table, the table's short remark and “Thẩm định” followed, while the report — where the
 * short remark sends the reader — still said “cần xem lại” with the old remarks. A kept unit's row
 * now reads the unit's “Ghi chú”, found by its file in the table's “Tệp” column (so it holds after
 * the officer sorts the table), and says “cần xem lại” while it is not blank; cached results are
 * what the formulas compute. The files that have no row in the table keep their static reasons.
 * Recalculated here by LibreOffice, after edits saved by openpyxl (which keeps no cached result).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { convert } from '../support/libreoffice';
import { CONSOLIDATION_SHEETS } from '../../src/usecases/consolidate/layout';
import { t, type Lang } from '../../src/i18n';
import { ExcelJsWorkbook } from '../support/exceljs/excelJsWorkbook';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { NODE_XLSX } from '../../src/workbook/xlsx/files';
import { consolidatedInProcess, edits, unitWorkbook } from './corpus';
import { consolidateInto } from '../officer/batch';

jest.setTimeout(300_000);

const UNITS: string = CONSOLIDATION_SHEETS.units;
const FILES: string = CONSOLIDATION_SHEETS.files;
const A = 'ho-so/truong~a.xlsx';
const B = 'ho-so/truong-b.xlsx';
const C = 'ho-so/truong-c.xlsx';
const BAD = 'ho-so/hong.xlsx';

/**
 * With openpyxl: `edits` ([file, text]) typed into the units' “Ghi chú”, found by their “Tệp”; with `reverse`,
 * the table's rows in reverse order (the values moved, as a sort moves them; each row's own formulas stay).
 */
const EDIT = String.raw`
import json, sys, openpyxl
spec = json.loads(sys.argv[1])
wb = openpyxl.load_workbook(sys.argv[2])
ws = wb[spec['units']]
head = [c.value for c in ws[5]]
file, whole = head.index('Tệp') + 1, head.index('Ghi chú') + 1
last = max(r for r in range(6, ws.max_row + 1) if ws.cell(r, file).value)
if spec['reverse']:
    rows = [[ws.cell(r, c).value for c in range(1, len(head) + 1)] for r in range(6, last + 1)]
    for i, values in enumerate(reversed(rows)):
        for c, v in enumerate(values, 1):
            if not (isinstance(v, str) and v.startswith('=')) and not (isinstance(ws.cell(6 + i, c).value, str) and ws.cell(6 + i, c).value.startswith('=')):
                ws.cell(6 + i, c).value = v
for name, text in spec['edits']:
    r = next(r for r in range(6, last + 1) if ws.cell(r, file).value == name)
    ws.cell(r, whole).value = text or None
wb.save(sys.argv[3])
`;
/**
 * The file report's rows by file: status and reasons, as formulas (None for text) and as values (cached or recalculated),
 * the status's solid fill; and its conditional formats' ranges and formulas.
 */
const READ = String.raw`
import json, sys, openpyxl
spec = json.loads(sys.argv[1])
out = {}
for kind, only in (('formula', False), ('value', True)):
    ws = openpyxl.load_workbook(sys.argv[2], data_only=only)[spec['files']]
    for r in range(5, ws.max_row + 1):
        name = ws.cell(r, 2).value
        if not name: continue
        row = out.setdefault(name, {})
        for key, c in (('status', 3), ('reasons', 5)):
            v = ws.cell(r, c).value
            if kind == 'formula': v = v if isinstance(v, str) and v.startswith('=') else None
            row[key + '_' + kind] = v
        if kind == 'formula': row['status_fill'] = ws.cell(r, 3).fill.fgColor.rgb if ws.cell(r, 3).fill.fill_type == 'solid' else None
    if kind == 'formula': rules = [[str(cf.sqref), f] for cf in ws.conditional_formatting for rule in cf.rules for f in rule.formula]
print(json.dumps({'rows': out, 'rules': rules}))
`;
/** The units' “Ghi chú” by file, as written. */
const REMARKS = String.raw`
import json, sys, openpyxl
spec = json.loads(sys.argv[1])
ws = openpyxl.load_workbook(sys.argv[2])[spec['units']]
head = [c.value for c in ws[5]]
file, whole = head.index('Tệp') + 1, head.index('Ghi chú') + 1
print(json.dumps({ws.cell(r, file).value: ws.cell(r, whole).value for r in range(6, ws.max_row + 1) if ws.cell(r, file).value}))
`;

interface ReportRow {
  status_formula: string | null;
  reasons_formula: string | null;
  status_value: string | null;
  reasons_value: string | null;
  status_fill: string | null;
}
const python = (script: string, spec: unknown, ...files: string[]) => JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, JSON.stringify(spec), ...files]).toString()) as unknown;
const read = (file: string, files = FILES) => python(READ, { files }, file) as { rows: Record<string, ReportRow>; rules: [string, string][] };
const report = (file: string, files = FILES) => read(file, files).rows;
const remarksOf = (file: string, units = UNITS) => python(REMARKS, { units }, file) as Record<string, string | null>;

let dir: string;
let files: { label: string; bytes: Uint8Array }[];
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-file-report-'));
  files = [
    // Flagged: the self-assessment disagrees with the data; a file name MATCH would read as a pattern.
    { label: A, bytes: await unitWorkbook({ name: 'Trường TH A', type: 'Trường tiểu học', members: 20, seed: 3, prepare: edits.member(0, 'discipline', 'hmm'), edit: edits.indicatorResult('2.2', 'Không đạt') }) },
    // Flagged too, with remarks of its own.
    { label: B, bytes: await unitWorkbook({ name: 'Trường TH B', type: 'Trường tiểu học', members: 20, seed: 4, edit: edits.indicatorResult('2.2', 'Không đạt') }) },
    // Nothing to review.
    { label: C, bytes: await unitWorkbook({ name: 'Trường TH C', type: 'Trường tiểu học', members: 20, seed: 5 }) },
    // Rejected: no row in the table.
    { label: BAD, bytes: new TextEncoder().encode('không phải tệp Excel') },
  ];
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** `source` edited by openpyxl (`edits`, `reverse`: EDIT), recalculated by LibreOffice: its file report. */
async function recalculated(source: string, name: string, spec: { edits: [string, string][]; reverse: boolean }, sheets = { units: UNITS, files: FILES }) {
  const edited = path.join(dir, `${name}.xlsx`);
  execFileSync('/usr/bin/python3', ['-c', EDIT, JSON.stringify({ ...spec, units: sheets.units }), source, edited]);
  return report(await convert(edited, 'xlsx', path.join(dir, `lo-${name}`)), sheets.files);
}

function expectDrawn(rows: Record<string, ReportRow>, remarks: Record<string, string | null>, lang: Lang) {
  const consolidated = t(lang, 'consolidate.status.consolidated');
  const flagged = t(lang, 'consolidate.status.flagged');
  for (const file of [A, B, C]) {
    const row = rows[file]!;
    // Formulas on the table, their cached results what they compute now.
    expect(row.reasons_formula).toMatch(/INDEX\(.*MATCH\(/);
    expect(row.reasons_formula).not.toMatch(/XLOOKUP|LET\(|FILTER\(/);
    expect(row.status_formula).toContain(`"${flagged}"`);
    expect(row.status_formula).toContain(`"${consolidated}"`);
    expect({ file, reasons: row.reasons_value ?? '', status: row.status_value }).toEqual({ file, reasons: remarks[file] ?? '', status: remarks[file] ? flagged : consolidated });
  }
  // Coloured while to review by a rule on the status, not a fill that would stay once the remarks go.
  for (const file of [A, B, C]) expect({ file, fill: rows[file]!.status_fill }).toEqual({ file, fill: null });
  expect(remarks[A]).toBeTruthy();
  expect(remarks[B]).toBeTruthy();
  expect(remarks[A]).not.toBe(remarks[B]);
  // No row in the table: the reason as text.
  expect(rows[BAD]).toMatchObject({ status_formula: null, reasons_formula: null, status_value: t(lang, 'consolidate.status.rejected') });
  expect(rows[BAD]!.reasons_value).toBeTruthy();
}

test('a kept unit’s status and remarks in the file report follow its “Ghi chú”, after the officer’s edits and a sort', async () => {
  const { workbook } = await consolidatedInProcess(files, new Date(2026, 0, 10), true);
  const file = path.join(dir, 'tong-hop.xlsx');
  fs.writeFileSync(file, await workbook.toBytes());
  const remarks = remarksOf(file);
  const { rows: drawn, rules } = read(file);
  expectDrawn(drawn, remarks, 'vi');
  expect(rules).toContainEqual([`C5:C${4 + files.length}`, 'C5="Đã tổng hợp — cần xem lại"']);
  const rejectedReason = drawn[BAD]!.reasons_value;

  // Checked and settled: A's remarks cleared, B's rewritten.
  const typed = '• Đã gọi điện, đơn vị gửi bổ sung.';
  const edited = await recalculated(file, 'sua', { edits: [[A, ''], [B, typed]], reverse: false });
  expect(edited[A]).toMatchObject({ status_value: 'Đã tổng hợp', reasons_value: null });
  expect(edited[B]).toMatchObject({ status_value: 'Đã tổng hợp — cần xem lại', reasons_value: typed });
  expect(edited[C]).toMatchObject({ status_value: 'Đã tổng hợp', reasons_value: null });
  expect(edited[BAD]).toMatchObject({ status_value: 'Bị từ chối', reasons_value: rejectedReason });

  // The table sorted: each file's report still shows its own remarks.
  const sorted = await recalculated(file, 'sap-xep', { edits: [], reverse: true });
  expect(remarksOf(path.join(dir, 'sap-xep.xlsx'))).toEqual(remarks);
  for (const f of [A, B, C]) expect({ f, ...sorted[f] }).toMatchObject({ f, status_value: drawn[f]!.status_value, reasons_value: drawn[f]!.reasons_value || null });
});

test('in English, and beside the officer’s own sheets of our names, the formulas read the table drawn', async () => {
  const own = ExcelJsWorkbook.create('cua-toi.xlsx');
  own.workbook.addWorksheet(UNITS).getCell('A1').value = 'Bảng của tôi';
  own.workbook.addWorksheet(FILES).getCell('A1').value = 'Danh sách của tôi';
  const workbook = await XlsxWorkbook.open(await own.toBuffer(), 'cua-toi.xlsx', NODE_XLSX);
  await consolidateInto(workbook, files, null, undefined, 'en');
  const file = path.join(dir, 'tong-hop-en.xlsx');
  fs.writeFileSync(file, await workbook.toBytes());
  const sheets = { units: `${UNITS} (ĐVHT)`, files: `${FILES} (ĐVHT)` };
  const remarks = remarksOf(file, sheets.units);
  const drawn = report(file, sheets.files);
  expectDrawn(drawn, remarks, 'en');
  expect(drawn[A]!.reasons_formula).toContain(`'${sheets.units}'!`);

  const edited = await recalculated(file, 'sua-en', { edits: [[A, '']], reverse: false }, sheets);
  expect(edited[A]).toMatchObject({ status_value: 'Consolidated', reasons_value: null });
  expect(edited[B]).toMatchObject({ status_value: 'Consolidated — to review', reasons_value: remarks[B] });
});
