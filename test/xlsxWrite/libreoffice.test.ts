/**
 * What the writer renders, opened by an independent engine: LibreOffice loads the package,
 * recalculates the formulas (written without cached results) and saves it again; the copy is
 * read back with ExcelJS (a reader here, never a writer of user files).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { StylesEditor } from '../../src/workbook/xlsx/write/styles';
import { renderSheet } from '../../src/workbook/xlsx/write/sheetXml';
import type { SheetPlan } from '../../src/workbook/port';
import { convert } from '../support/libreoffice';
import { minimalPackage } from './minimalPackage';

async function throughLibreOffice(bytes: Buffer): Promise<ExcelJS.Workbook & { parts: JSZip }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sheetxml-lo-'));
  const file = path.join(dir, 'in.xlsx');
  fs.writeFileSync(file, bytes);
  const out = await convert(file, 'xlsx', path.join(dir, 'out'));
  const saved = fs.readFileSync(out);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(saved as unknown as ArrayBuffer);
  fs.rmSync(dir, { recursive: true, force: true });
  return Object.assign(wb, { parts: await JSZip.loadAsync(saved) });
}

/** A formula cell's value as LibreOffice computed it. */
function result(ws: ExcelJS.Worksheet, ref: string): unknown {
  const v = ws.getCell(ref).value as { result?: unknown } | null;
  return v && typeof v === 'object' && 'result' in v ? v.result : v;
}

describe('rendered sheets in LibreOffice', () => {
  test('a new sheet: values, recalculated formulas, merges, A4 landscape fit to width, print area and titles', async () => {
    const plan: SheetPlan = {
      sheet: 'Tổng hợp',
      mode: 'replace',
      cells: [
        { at: 'A1', rows: [['BẢN TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ']] },
        {
          at: 'A3',
          rows: [
            ['Chỉ tiêu', 'Đạt', 'Tổng', 'Tỷ lệ', 'Kết luận'],
            ['Lao \u0111o\u0323\u0302ng tie\u0302n tie\u0302\u0301n', 45, 50, { formula: '=IF(C4=0,"",B4/C4)' }, { formula: '=IF(D4>=0.9,"Đạt","Chưa đạt")' }],
            ['Công dân học tập', 30, 40, { formula: '=IF(C5=0,"",B5/C5)' }, { formula: '=IF(D5>=0.9,"Đạt","Chưa đạt")' }],
            ['Tổng', { formula: '=SUM(B4:B5)' }, { formula: '=SUM(C4:C5)' }, { formula: '=B6/C6', result: 75 / 90 }, { formula: '=COUNTIF(E4:E5,"Đạt")' }],
            ['Ghi chú: "ngưỡng" < 90% & > 0', true, new Date(2025, 11, 20), 1e-7, -0],
          ],
        },
      ],
      styles: [
        { range: 'A3:E3', style: { bold: true, fill: '#D9D9D9', border: 'thin', horizontal: 'center', wrap: true } },
        { range: 'D4:D6', style: { numberFormat: '0.0%' } },
        { range: 'A1', style: { bold: true, fontSize: 14, fontName: 'Times New Roman' } },
      ],
      merges: ['A1:E1'],
      columns: [{ index: 1, width: 34 }, { index: 6, hidden: true }],
      rowHeights: [{ index: 3, height: 32 }],
      freeze: { rows: 3, columns: 0 },
      page: { paperSize: 'A4', orientation: 'landscape', fitToWidth: true, margins: { top: 2, bottom: 2, left: 3, right: 2 }, printArea: 'A1:E7', printTitleRows: '3:3' },
    };
    const styles = new StylesEditor(null);
    const r = renderSheet(plan, styles, null);
    expect(r.warnings).toEqual([]);
    const wb = await throughLibreOffice(await minimalPackage([{ name: plan.sheet, xml: r.xml, definedNames: r.definedNames }], styles.toXml()!));
    const ws = wb.getWorksheet('Tổng hợp')!;
    expect(ws.getCell('A1').value).toBe('BẢN TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ');
    expect(ws.getCell('A4').value).toBe('Lao \u0111o\u0323\u0302ng tie\u0302n tie\u0302\u0301n');
    expect(result(ws, 'D4')).toBeCloseTo(0.9, 12);
    expect(result(ws, 'E4')).toBe('Đạt');
    expect(result(ws, 'E5')).toBe('Chưa đạt');
    expect(result(ws, 'B6')).toBe(75);
    expect(result(ws, 'C6')).toBe(90);
    expect(result(ws, 'D6')).toBeCloseTo(75 / 90, 12);
    expect(result(ws, 'E6')).toBe(1);
    expect(ws.getCell('A7').value).toBe('Ghi chú: "ngưỡng" < 90% & > 0');
    expect(result(ws, 'B7')).toBe(true); // LibreOffice saves a boolean as =TRUE()
    expect(ws.getCell('C7').numFmt).toMatch(/dd\/mm\/yyyy/i);
    expect(ws.getCell('D7').value).toBe(1e-7);
    expect(ws.getCell('D4').numFmt).toBe('0.0%');
    expect(ws.getCell('A3').font?.bold).toBe(true);
    expect(ws.getCell('A1').font?.name).toBe('Times New Roman');
    expect(ws.getCell('A3').fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    expect((ws.model as { merges: string[] }).merges).toContain('A1:E1');
    expect(ws.getColumn(6).hidden).toBe(true);
    expect(ws.getRow(3).height).toBeCloseTo(32, 0);
    // Frozen panes are not checked here: headless LibreOffice drops every file's view settings.
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, fitToHeight: 0 });
    // LibreOffice writes fitToPage="true", which ExcelJS does not read: look at the part itself.
    expect(await wb.parts.file('xl/worksheets/sheet1.xml')!.async('string')).toMatch(/<pageSetUpPr fitToPage="(1|true)"\/>/);
    expect(ws.pageSetup.margins?.left).toBeCloseTo(3 / 2.54, 2);
    expect(ws.pageSetup.printArea).toMatch(/\$?A\$?1:\$?E\$?7/);
    expect(ws.pageSetup.printTitlesRow).toMatch(/\$?3:\$?3/);
  });

  test('a user sheet written by openpyxl: our columns written, everything else kept, LibreOffice opens and recalculates it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sheetxml-opx-'));
    const file = path.join(dir, 'user.xlsx');
    execFileSync('/usr/bin/python3', ['-c', OPENPYXL_WORKBOOK, file]);
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const sheetXml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const stylesXml = await zip.file('xl/styles.xml')!.async('string');
    const styles = new StylesEditor(stylesXml);
    const plan: SheetPlan = {
      sheet: 'Thành viên',
      mode: 'existing',
      cells: [{ at: 'E1', rows: [['Kết quả'], [{ formula: '=IF(AND(C2="Có",B2>=5),"Đạt","Chưa đạt")' }], [{ formula: '=IF(AND(C3="Có",B3>=5),"Đạt","Chưa đạt")' }], [{ formula: '=COUNTIF(E2:E3,"Đạt")' }]] }],
      styles: [{ range: 'E1:E4', style: { fill: '#F2F2F2' } }],
      validations: [{ range: 'C2:C100', list: ['Có', 'Không', 'x'] }],
    };
    const r = renderSheet(plan, styles, sheetXml);
    expect(r.warnings).toEqual([]);
    // Outside the cells written, the part is the user's text.
    const strip = (x: string) => x.replace(/<c r="E\d+"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g, '').replace(/<dataValidations[\s\S]*<\/dataValidations>/, '').replace(/<dimension ref="[^"]*"\/>/, '');
    // Row 4 did not exist: it is new, holding only our E4.
    expect(strip(r.xml).replace('<row r="4"></row>', '')).toBe(strip(sheetXml));
    zip.file('xl/worksheets/sheet1.xml', r.xml);
    zip.file('xl/styles.xml', styles.toXml()!);
    const wb = await throughLibreOffice(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const ws = wb.getWorksheet('Thành viên')!;
    expect(ws.getCell('A2').value).toBe('Nguyễn Văn An');
    expect(result(ws, 'D2')).toBe(16);
    expect(result(ws, 'E2')).toBe('Đạt');
    expect(result(ws, 'E3')).toBe('Chưa đạt');
    expect(result(ws, 'E4')).toBe(1);
    expect(ws.getCell('B2').fill).toMatchObject({ fgColor: { argb: 'FFFFFF00' } });
    expect(ws.getCell('E2').fill).toMatchObject({ fgColor: { argb: 'FFF2F2F2' } });
    expect((ws.model as { merges: string[] }).merges).toContain('A6:B6');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

const OPENPYXL_WORKBOOK = `
import sys, openpyxl
from openpyxl.styles import PatternFill, Font
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.formatting.rule import CellIsRule
wb = openpyxl.Workbook()
ws = wb.active
ws.title = 'Thành viên'
ws.append(['Họ và tên', 'Điểm', 'Có LĐTT', 'Gấp đôi'])
ws.append(['Nguyễn Văn An', 8, 'Có', '=B2*2'])
ws.append(['Trần Thị Bình', 9.5, 'Không', '=B3*2'])
ws['A1'].font = Font(bold=True)
ws['B2'].fill = PatternFill('solid', fgColor='FFFF00')
dv = DataValidation(type='list', formula1='"Có,Không"', allow_blank=True)
ws.add_data_validation(dv)
dv.add('C2:C100')
ws.conditional_formatting.add('B2:B100', CellIsRule(operator='lessThan', formula=['5'], fill=PatternFill('solid', fgColor='FFC7CE')))
ws.merge_cells('A6:B6')
wb.save(sys.argv[1])
`;
