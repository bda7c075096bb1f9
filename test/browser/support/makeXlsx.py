"""Workbooks the preview's browser tests open, written by openpyxl (another producer than the
project's own writer). Usage: makeXlsx.py protected|wide|merged|print-wide|print-fit|frozen|frozen-merged|print-frozen|merged-hidden|short-rows|fonts OUT.xlsx"""
import sys
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, Protection
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
elif kind == 'merged':
    # A department's name merged down the rows of its 38 members, and a heading merged across
    # 24 columns of a sheet wide enough (100 columns) for the grid to draw a window of columns.
    ws.title = 'Gộp ô'
    ws.append(['Tổ', 'Họ và tên'] + [f'Câu {c}' for c in range(3, 101)])
    ws.cell(row=2, column=5).value = 'Kết quả khảo sát'
    ws.cell(row=2, column=5).alignment = Alignment(horizontal='center')
    ws.merge_cells(start_row=2, start_column=5, end_row=2, end_column=28)
    ws.cell(row=3, column=1).value = 'Tổ Toán – Tin'
    ws.merge_cells(start_row=3, start_column=1, end_row=40, end_column=1)
    for r in range(3, 201):
        ws.cell(row=r, column=2).value = f'Thành viên {r - 2}'
elif kind == 'print-wide':
    # 40 columns of answers, no orientation and no fit-to-page: only the titles to repeat
    # (Page Layout -> Print Titles: row 1 and column A).
    ws.title = 'In rộng'
    ws.append(['Họ và tên'] + [f'Câu {c}' for c in range(2, 41)])
    for r in range(2, 32):
        ws.append([f'Thành viên {r - 1}'] + [r * 100 + c for c in range(2, 41)])
    ws.print_title_rows = '1:1'
    ws.print_title_cols = 'A:A'
elif kind == 'print-fit':
    # The same 40 columns over 60 members, Page Layout -> Scale to Fit: 1 page wide by 1 tall,
    # with a manual page break (which Excel ignores when fitting).
    from openpyxl.worksheet.pagebreak import Break
    ws.title = 'Vừa một trang'
    ws.append(['Họ và tên'] + [f'Câu {c}' for c in range(2, 41)])
    for r in range(2, 62):
        ws.append([f'Thành viên {r - 1}'] + [r * 100 + c for c in range(2, 41)])
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 1
    ws.row_breaks.append(Break(id=30))
elif kind == 'frozen':
    # A staff list as schools keep it: a title row and a heading row, the number and name columns
    # frozen (View -> Freeze Panes at C3), 300 members over 100 columns (past the 64 drawn whole).
    ws.title = 'Cán bộ'
    ws.append(['DANH SÁCH CÁN BỘ'])
    ws.append(['STT', 'Họ và tên'] + [f'Câu {c}' for c in range(3, 101)])
    for r in range(1, 301):
        ws.append([r, f'Cán bộ {r}'] + [r * 1000 + c for c in range(3, 101)])
    ws.freeze_panes = 'C3'
elif kind == 'frozen-merged':
    # A school's staff list: its title merged and centred across the columns, a group row merged
    # across them too, frozen at C5 (number and name): the merges cross the frozen columns' edge.
    ws.title = 'DS CBGVNV'
    ws['A1'] = 'DANH SÁCH CÁN BỘ, GIÁO VIÊN, NHÂN VIÊN NĂM HỌC 2025–2026'
    ws['A1'].alignment = Alignment(horizontal='center')
    ws.merge_cells('A1:H1')
    ws.append([])
    ws.append(['STT', 'Họ và tên', 'Ngày sinh', None, 'Chức vụ', 'Trình độ', 'Ghi chú', None])
    ws['A4'] = 'I. CÁN BỘ QUẢN LÝ'
    ws.merge_cells('A4:H4')
    for r in range(1, 41):
        ws.append([r, f'Cán bộ {r}', '01/01/1980', None, 'Giáo viên', 'Đại học', None, None])
    for col in 'ABCDEFGH':
        ws.column_dimensions[col].width = 14
    ws.freeze_panes = 'C5'
elif kind == 'print-frozen':
    # 40 columns over 80 members, the heading row and the names frozen (B2), no print titles.
    ws.title = 'In cố định'
    ws.append(['Họ và tên'] + [f'Câu {c}' for c in range(2, 41)])
    for r in range(2, 82):
        ws.append([f'Thành viên {r - 1}'] + [r * 100 + c for c in range(2, 41)])
    ws.freeze_panes = 'B2'
elif kind == 'merged-hidden':
    # A department merged down A3:A8 whose first row (3) is hidden.
    ws.title = 'Ẩn dòng đầu'
    ws.append(['Tổ', 'Họ và tên'])
    ws.append([None, 'Hiệu trưởng'])
    ws['A3'] = 'Tổ Văn'
    ws.merge_cells('A3:A8')
    for r in range(3, 11):
        ws.cell(row=r, column=2).value = f'Thành viên {r - 2}'
    ws.row_dimensions[3].hidden = True
elif kind == 'short-rows':
    # Rows shorter than their text: a 16 pt title in a row set to 12 pt, notes wrapped over three
    # lines in rows set to one line (15 pt), and spacer rows set to 6 pt holding a name.
    ws.title = 'Dòng thấp'
    ws['A1'] = 'DANH SÁCH GHI CHÚ CỦA TỔ'
    ws['A1'].font = Font(size=16, bold=True)
    ws.row_dimensions[1].height = 12
    ws.append(['STT', 'Họ và tên', 'Ghi chú'])
    ws.column_dimensions['B'].width = 24
    ws.column_dimensions['C'].width = 20
    for r in range(3, 203):
        ws.append([r - 2, f'Thành viên {r - 2}', f'Ghi chú {r - 2}: đã nộp kế hoạch tự học, chờ tổ trưởng duyệt'])
        ws.cell(row=r, column=3).alignment = Alignment(wrap_text=True)
        ws.row_dimensions[r].height = 6 if r % 10 == 0 else 15
    # A spacer row's name anchored at the top (Format Cells -> Alignment -> Vertical: Top).
    ws['D20'] = 'Đầu dòng'
    ws['D20'].alignment = Alignment(vertical='top')
    # No heights stored: the rows are fitted to wrapped text that the browser's font breaks into more
    # lines than the fitting reckons (Times New Roman widths, Calibri drawn).
    fitted = wb.create_sheet('Tự giãn')
    fitted.column_dimensions['B'].width = 14
    for r in range(1, 201):
        fitted.append([f'Thành viên {r}', 'học tập suốt đời học tập suốt đời học tập suốt đời'])
        fitted.cell(row=r, column=2).alignment = Alignment(wrap_text=True)
elif kind == 'fonts':
    # A clerk's own sheet in openpyxl's default font (Calibri 11): long notes wrapped in a narrow
    # column, no row heights stored (Excel fits them when it opens the file).
    ws.title = 'Ghi chú hẹp'
    ws.column_dimensions['B'].width = 11
    notes = [
        'Đã nộp kế hoạch tự học, chờ tổ trưởng duyệt',
        'Hoàn thành bồi dưỡng thường xuyên, mô-đun 1 đến mô-đun 5, kết quả tốt',
        'Mmmm wwww mmmm wwww mmmm wwww',
        'iiii llll iiii llll iiii llll iiii llll iiii llll iiii llll',
        'Tham gia học tập suốt đời theo Thông tư số 24/2023/TT-BGDĐT; đủ số giờ học',
    ]
    for r in range(1, 151):
        ws.append([f'Thành viên {r}', notes[r % len(notes)] * (1 + r % 3)])
        ws.cell(row=r, column=2).alignment = Alignment(wrap_text=True)
    # Cells in other fonts, as a clerk styles them.
    other = wb.create_sheet('Phông')
    other['A1'] = 'Times New Roman 12'
    other['A1'].font = Font(name='Times New Roman', size=12)
    other['A2'] = 'Arial 10 đậm nghiêng gạch chân'
    other['A2'].font = Font(name='Arial', size=10, bold=True, italic=True, underline='single', color='FFC00000')
    other['A3'] = 'Cambria 14'
    other['A3'].font = Font(name='Cambria', size=14)
    other['A4'] = 'Calibri 11'
else:
    raise SystemExit(f'unknown kind {kind}')
wb.save(out)
