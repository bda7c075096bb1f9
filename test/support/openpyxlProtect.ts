/**
 * Protection as a user sets it in Excel (Review → Protect Workbook / Protect Sheet, cells
 * unlocked in Format Cells → Protection), applied to a file by openpyxl: a producer
 * independent of the project's writer, for the file-based harnesses.
 */
import { execFileSync } from 'child_process';
import type { ProtectionSetup } from '../workbook/contract/subject';

const PY = `
import io, json, sys
import openpyxl
from openpyxl.styles import Protection
from openpyxl.workbook.protection import WorkbookProtection
setup = json.loads(sys.argv[1])
wb = openpyxl.load_workbook(io.BytesIO(sys.stdin.buffer.read()))
if setup.get('structure'):
    wb.security = WorkbookProtection(lockStructure=True)
for name, lock in (setup.get('sheets') or {}).items():
    ws = wb[name]
    ws.protection.sheet = True
    for ref in lock.get('unlocked', []):
        cells = ws[ref]
        for row in (cells if isinstance(cells, tuple) else ((cells,),)):
            for cell in row:
                cell.protection = Protection(locked=False)
out = io.BytesIO()
wb.save(out)
sys.stdout.buffer.write(out.getvalue())
`;

export function protectWithOpenpyxl(bytes: Uint8Array, setup: ProtectionSetup): Uint8Array {
  return new Uint8Array(execFileSync('/usr/bin/python3', ['-c', PY, JSON.stringify(setup)], { input: bytes, maxBuffer: 64 * 1024 * 1024 }));
}
