/**
 * The officer's table edited and read back by openpyxl, as another program than ours would: cells
 * written (blank for ''), cached results and solid fills read, for the tests whose “Thẩm định” follows edits.
 */
import { execFileSync } from 'child_process';

const python = (script: string, spec: unknown, ...files: string[]) => execFileSync('/usr/bin/python3', ['-c', script, JSON.stringify(spec), ...files]).toString();

const EDIT = String.raw`
import json, sys, openpyxl
spec = json.loads(sys.argv[1])
wb = openpyxl.load_workbook(sys.argv[2])
ws = wb[spec['sheet']]
for at, value in spec['cells']:
    ws[at].value = value if value != '' else None

wb.save(sys.argv[3])
`;
const READ = String.raw`
import json, sys, openpyxl
spec = json.loads(sys.argv[1])
ws = openpyxl.load_workbook(sys.argv[2], data_only=True)[spec['sheet']]
print(json.dumps([ws[at].value for at in spec['cells']]))
`;
const FILLS = String.raw`
import json, sys, openpyxl
spec = json.loads(sys.argv[1])
ws = openpyxl.load_workbook(sys.argv[2])[spec['sheet']]
print(json.dumps([ws[at].fill.fgColor.rgb if ws[at].fill.fill_type == 'solid' else None for at in spec['cells']]))
`;

/** `file` saved by openpyxl as `out`, with `cells` ([address, value]) written on `sheet` first. */
export function openpyxlEdit(file: string, sheet: string, cells: readonly (readonly (string | number)[])[], out: string): void {
  python(EDIT, { sheet, cells }, file, out);
}

/** The cells' cached values as openpyxl reads them (data_only). */
export function openpyxlValues(file: string, sheet: string, at: string[]): unknown[] {
  return JSON.parse(python(READ, { sheet, cells: at }, file)) as unknown[];
}

/** The cells' solid fill colours (null: none). */
export function openpyxlFills(file: string, sheet: string, at: string[]): unknown[] {
  return JSON.parse(python(FILLS, { sheet, cells: at }, file)) as unknown[];
}
