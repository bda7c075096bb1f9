/**
 * Sheets a user hid (right-click → Hide) or a macro made very hidden, set in a saved file by
 * openpyxl (`sheet_state`), a producer independent of the project's writer.
 */
import { execFileSync } from 'child_process';

const PY = `
import io, json, sys
import openpyxl
states = json.loads(sys.argv[1])
wb = openpyxl.load_workbook(io.BytesIO(sys.stdin.buffer.read()))
for name, state in states.items():
    wb[name].sheet_state = state
# Excel opens on a visible sheet.
wb.active = next(i for i, ws in enumerate(wb.worksheets) if ws.sheet_state == 'visible')
out = io.BytesIO()
wb.save(out)
sys.stdout.buffer.write(out.getvalue())
`;

export type HiddenSheets = Record<string, 'hidden' | 'veryHidden'>;

export function hideSheetsWithOpenpyxl(bytes: Uint8Array, states: HiddenSheets): Uint8Array {
  return new Uint8Array(execFileSync('/usr/bin/python3', ['-c', PY, JSON.stringify(states)], { input: bytes, maxBuffer: 64 * 1024 * 1024 }));
}
