/**
 * A workbook saved in the 1904 date system (Excel for Mac's old default), made by openpyxl, a
 * producer independent of the project's writer: `wb.epoch` set to 1904, so the dates openpyxl
 * sees (date-formatted cells) are stored as 1904 serials, plain numbers as they were; `typed`
 * dates are typed as another program types them (a datetime under a date format).
 */
import { execFileSync } from 'child_process';

const PY = `
import io, json, sys, datetime
import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904
typed = json.loads(sys.argv[1])
wb = openpyxl.load_workbook(io.BytesIO(sys.stdin.buffer.read()))
wb.epoch = CALENDAR_MAC_1904
wb.iso_dates = sys.argv[2] == 'iso'
for t in typed:
    cell = wb[t['sheet']][t['cell']]
    if 'text' in t:
        cell.value = t['text']
        continue
    cell.value = datetime.datetime.fromisoformat(t['at'])
    cell.number_format = 'dd/mm/yyyy hh:mm'
out = io.BytesIO()
wb.save(out)
sys.stdout.buffer.write(out.getvalue())
`;

/** What the other program types: a date, or a text beside it. */
export type TypedDate = { sheet: string; cell: string } & (
  | {
      /** Wall-clock date and time as typed, ISO without a zone: "2026-12-20T06:00". */
      at: string;
    }
  | { text: string }
);

/** `iso`: dates stored as ISO text cells (t="d"), as openpyxl's iso_dates writes them, not as serials. */
export function in1904WithOpenpyxl(bytes: Uint8Array, typed: TypedDate[] = [], iso = false): Uint8Array {
  return new Uint8Array(execFileSync('/usr/bin/python3', ['-c', PY, JSON.stringify(typed), iso ? 'iso' : 'serial'], { input: bytes, maxBuffer: 64 * 1024 * 1024 }));
}

const READ = `
import io, json, sys, datetime
import openpyxl
ask = json.loads(sys.argv[1])
wb = openpyxl.load_workbook(io.BytesIO(sys.stdin.buffer.read()))
out = {}
for t in ask:
    v = wb[t['sheet']][t['cell']].value
    out[t['sheet'] + '!' + t['cell']] = v.isoformat() if isinstance(v, (datetime.datetime, datetime.date)) else v
print(json.dumps({'date1904': wb.epoch != openpyxl.utils.datetime.CALENDAR_WINDOWS_1900, 'cells': out}))
`;

/** Cells as openpyxl reads them, dates under the file's own epoch (ISO wall clock), and whether the file counts from 1904. */
export function openpyxlDates(bytes: Uint8Array, cells: { sheet: string; cell: string }[]): { date1904: boolean; cells: Record<string, unknown> } {
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', READ, JSON.stringify(cells)], { input: bytes, maxBuffer: 64 * 1024 * 1024 }).toString()) as { date1904: boolean; cells: Record<string, unknown> };
}
