"""Adds a school's own sheets to a dvht workbook with openpyxl (Debian python3-openpyxl).

usage: /usr/bin/python3 openpyxl_user_parts.py chart-comments|table-names IN.xlsx OUT.xlsx
openpyxl loads and rewrites the whole workbook, as a school's script would.
"""
import sys
from openpyxl import load_workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table, TableStyleInfo

CLASSES = [("6A", 40, 35), ("6B", 42, 38), ("7A", 39, 30), ("7B", 41, 40)]


def class_sheet(wb, title):
    ws = wb.create_sheet(title)
    ws.append(["Lớp", "Sĩ số", "Đạt CDHT"])
    for row in CLASSES:
        ws.append(list(row))
    return ws


def chart_comments(wb):
    ws = class_sheet(wb, "Số liệu lớp")
    chart = BarChart()
    chart.title = "Đạt CDHT theo lớp"
    chart.add_data(Reference(ws, min_col=3, min_row=1, max_row=5), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=2, max_row=5))
    ws.add_chart(chart, "E2")
    notes = wb.create_sheet("Ghi chú")
    notes["A1"] = "Việc cần làm"
    notes["A2"] = "Nộp hồ sơ trước 15/12"
    notes["A2"].comment = Comment("Hỏi lại phòng GD về hạn nộp.", "Nguyễn Thị Hoa")
    notes["A3"] = "Họp hội đồng"
    notes["A3"].comment = Comment("Chiều thứ Sáu.", "Trần Văn Bình")


def table_names(wb):
    a = class_sheet(wb, "Lớp A")
    b = class_sheet(wb, "Lớp B")
    b.append(["8A", 38, 31])
    b.append(["8B", 37, 29])
    for ws in (a, b):
        ws["E1"] = "Số lớp"
        ws["E2"] = "=COUNTA(DS)"
    dv = DataValidation(type="list", formula1='"Có,Không"', allow_blank=True)
    a.add_data_validation(dv)
    dv.add("D2:D20")
    a["D1"] = "Đã nộp"
    wb.defined_names.append(DefinedName("DS", localSheetId=wb.sheetnames.index("Lớp A"), attr_text="'Lớp A'!$A$2:$A$5"))
    wb.defined_names.append(DefinedName("DS", localSheetId=wb.sheetnames.index("Lớp B"), attr_text="'Lớp B'!$A$2:$A$7"))
    wb.defined_names.append(DefinedName("HeSo", attr_text="1.5"))
    t = class_sheet(wb, "Bảng")
    table = Table(displayName="BangLop", ref="A1:C5")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium9", showRowStripes=True)
    t.add_table(table)
    t.protection.sheet = True
    t.protection.password = "matkhau"


mode, src, out = sys.argv[1:4]
wb = load_workbook(src)
{"chart-comments": chart_comments, "table-names": table_names}[mode](wb)
wb.save(out)
