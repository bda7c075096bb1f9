/**
 * The texts that send the reader to another sheet name the sheet as it was drawn: the statistics
 * send to the file report for the files, and when the officer's workbook already has sheets of
 * our names (ours then go beside them as “… (ĐVHT)”), every text names ours.
 */
import { consolidateFiles, readUnitFile, CONSOLIDATION_SHEETS, type FileOutcome } from '../../src/usecases/consolidate';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { NODE_XLSX } from '../../src/workbook/xlsx/files';
import { openXlsx } from '../../src/xlsx';
import { nodeDecode, nodeInflate } from '../../src/xlsx/inflateNode';
import { ExcelJsWorkbook } from '../support/exceljs/excelJsWorkbook';
import { unitWorkbook } from './corpus';

jest.setTimeout(60_000);

const READ = { inflate: nodeInflate, decode: nodeDecode };

async function consolidateInto(workbook: XlsxWorkbook) {
  const files = [
    { label: 'u1.xlsx', bytes: await unitWorkbook({ name: 'Trường THCS Nguyễn Du', type: 'Trường THCS' }) },
    { label: 'hong.xlsx', bytes: new TextEncoder().encode('không phải tệp Excel') },
  ];
  await consolidateFiles(
    workbook,
    files.map((f) => ({ label: f.label, size: f.bytes.length })),
    async (indices, onOutcome) => {
      for (const i of indices) onOutcome((await readUnitFile(files[i]!.bytes, files[i]!.label, { ...READ, lang: 'vi' })) as FileOutcome, i);
      return true;
    },
    { body: 'UBND xã Hòa Bình', tier: 'cấp xã', lang: 'vi', asOf: new Date(2025, 11, 28) },
  );
  const file = await openXlsx(await workbook.toBytes(), READ);
  // A row's line above the table: in A, or in C over the frozen columns of the units table.
  return async (sheet: string, row: number) => (await file.read([sheet])).sheets.get(sheet)!.rows[row - 1]!.find((v) => v !== null && v !== '');
}

describe('sheets cited by name', () => {
  it('the statistics send to the file report for the files', async () => {
    const text = await consolidateInto(await XlsxWorkbook.create('tong-hop.xlsx', NODE_XLSX));
    expect(await text(CONSOLIDATION_SHEETS.stats, 3)).toMatch(/1 tệp bị từ chối \(xem trang “Báo cáo tệp”\)\.$/);
    expect(await text(CONSOLIDATION_SHEETS.units, 3)).toMatch(/\(xem trang “Báo cáo tệp”\)\.$/);
    expect(await text(CONSOLIDATION_SHEETS.files, 2)).toMatch(/Xem 'Tổng hợp đơn vị'!A1\.$/);
  });

  it('beside the officer’s own sheets of those names, the texts name the sheets drawn', async () => {
    const own = ExcelJsWorkbook.create('cua-toi.xlsx');
    own.workbook.addWorksheet(CONSOLIDATION_SHEETS.units).getCell('A1').value = 'Bảng của tôi';
    own.workbook.addWorksheet(CONSOLIDATION_SHEETS.files).getCell('A1').value = 'Danh sách của tôi';
    const text = await consolidateInto(await XlsxWorkbook.open(await own.toBuffer(), 'cua-toi.xlsx', NODE_XLSX));
    const units = `${CONSOLIDATION_SHEETS.units} (ĐVHT)`;
    const files = `${CONSOLIDATION_SHEETS.files} (ĐVHT)`;
    expect(await text(units, 3)).toMatch(/\(xem trang “Báo cáo tệp \(ĐVHT\)”\)\.$/);
    expect(await text(CONSOLIDATION_SHEETS.stats, 3)).toMatch(/\(xem trang “Báo cáo tệp \(ĐVHT\)”\)\.$/);
    expect(await text(files, 2)).toMatch(/Xem 'Tổng hợp đơn vị \(ĐVHT\)'!A1\.$/);
    expect(await text(CONSOLIDATION_SHEETS.units, 1)).toBe('Bảng của tôi');
  });
});
