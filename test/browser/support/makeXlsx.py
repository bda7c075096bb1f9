"""Workbooks the preview's browser tests open, written by openpyxl (another producer than the
project's own writer). Usage: makeXlsx.py protected|wide OUT.xlsx"""
import sys
from openpyxl import Workbook
from openpyxl.styles import Protection
from openpyxl.utils import get_column_letter
from openpyxl.workbook.protection import WorkbookProtection

kind, out = sys.argv[1], sys.argv[2]
wb = Workbook()
ws = wb.active
if kind == 'protected':
    # Review -> Protect Sheet over a list whose "Ghi chú" column is unlocked, and
    # Review -> Protect Workbook (structure).
    ws.title = 'Danh sách'
    ws.append(['STT', 'Họ và tên', 'Ghi chú'])
    for i, name in enumerate(['Nguyễn Thị Hằng', 'Trần Văn Đạt', 'Lê Minh Châu'], start=1):
        ws.append([i, name, None])
    for r in range(2, 5):
        ws.cell(row=r, column=3).protection = Protection(locked=False)
    ws.protection.sheet = True
    ws.protection.password = '123'
    wb.security = WorkbookProtection(lockStructure=True)
elif kind == 'wide':
    # 300 columns of answers (past the 200 the grid used to draw) over 5,000 members.
    ws.title = 'Rộng'
    columns = 300
    ws.append(['Họ và tên'] + [f'Câu {c}' for c in range(2, columns + 1)])
    for r in range(2, 5002):
        ws.append([f'Thành viên {r - 1}'] + ([r] * (columns - 1) if r < 12 else [None] * (columns - 2) + [r]))
    ws.cell(row=1, column=columns).value = 'Cột cuối'
else:
    raise SystemExit(f'unknown kind {kind}')
wb.save(out)
