/**
 * The ownership mark through the real commands, on every implementation: a user's sheet that
 * carries one of the add-in's sheet names is never deleted nor written by any command; the
 * add-in's sheet takes another name and the user is told.
 */
import { createSheets } from '../../../src/usecases/createSheets';
import { evaluateWorkbook } from '../../../src/usecases/evaluate';
import { generateDocuments } from '../../../src/usecases/documents';
import { Consolidation, writeConsolidation } from '../../../src/usecases/consolidate';
import { sampleUnit } from '../../../src/usecases/sampleData';
import type { WorkbookWarning } from '../../../src/workbook/port';
import type { Implementation } from './subject';

const USER_ROWS = [['Bảng của trường — không được xóa'], ['Tổng', 1234]];
const USER_CELLS = { A1: 'Bảng của trường — không được xóa', A2: 'Tổng', B2: 1234 };

export function ownershipThroughCommands(impl: Implementation): void {
  describe(`${impl.name}: a user's sheet with one of the add-in's names survives every command`, () => {
    it.each([
      ['Tổng hợp', 'Tổng hợp (ĐVHT)'],
      ['TỔNG HỢP', 'Tổng hợp (ĐVHT)'],
      ['Tờ trình', 'Tờ trình (ĐVHT)'],
      ['Mẫu văn bản', 'Mẫu văn bản (ĐVHT)'],
    ])('%s', async (userSheet, ours) => {
      const wb = await impl.open({ [userSheet]: USER_ROWS });
      await createSheets(wb.workbook, sampleUnit({ members: 12 }));
      const first = await evaluateWorkbook(wb.workbook, { now: new Date(2026, 11, 20, 6, 0) });
      expect(first.ok).toBe(true);
      const docs = await generateDocuments(wb.workbook);
      expect(docs.ok).toBe(true);
      await evaluateWorkbook(wb.workbook);
      const warnings: WorkbookWarning[] = wb.workbook.takeWarnings?.() ?? [];
      expect(warnings.filter((w) => w.code === 'sheetTaken')).toContainEqual({ code: 'sheetTaken', sheet: userSheet, detail: ours });
      const names = await wb.sheetNames();
      expect(names).toContain(userSheet);
      expect(names).toContain(ours);
      // Drawn once, redrawn in place: no third copy.
      expect(names.filter((n) => n.startsWith(ours.slice(0, -1)))).toEqual([ours]);
      const user = await wb.sheet(userSheet);
      expect([user.cells, user.role]).toEqual([USER_CELLS, null]);
      expect((await wb.sheet(ours)).role).not.toBeNull();
    });

    it('an unmarked “Mẫu văn bản” an earlier version drew is recognised, marked and completed, the unit’s texts kept', async () => {
      const old = [['MẪU VĂN BẢN CỦA HỒ SƠ'], ['…'], ['Mã', 'Nội dung mẫu', 'Dùng cho'], ['chung.ky_hieu', 'KH-CŨ', 'Ký hiệu']];
      const wb = await impl.open({ 'Mẫu văn bản': old });
      await createSheets(wb.workbook, sampleUnit({ members: 12 }));
      expect((await evaluateWorkbook(wb.workbook, { now: new Date(2026, 11, 20, 6, 0) })).ok).toBe(true);
      const docs = await generateDocuments(wb.workbook);
      expect(docs.ok && docs.templates).toMatchObject({ sheet: 'Mẫu văn bản', status: 'added' });
      expect((wb.workbook.takeWarnings?.() ?? []).filter((w) => w.code === 'sheetTaken')).toEqual([]);
      expect((await wb.sheetNames()).filter((n) => n.startsWith('Mẫu'))).toEqual(['Mẫu văn bản']);
      const s = await wb.sheet('Mẫu văn bản');
      expect([s.role, s.cells.A4, s.cells.B4, s.cells.A5 !== undefined]).toEqual(['templates', 'chung.ky_hieu', 'KH-CŨ', true]);
    });

    it('Tổng hợp đơn vị, Thống kê kết quả and Báo cáo tệp (consolidation output into an existing workbook)', async () => {
      const wb = await impl.open({ 'Tổng hợp đơn vị': USER_ROWS, 'thống kê kết quả': USER_ROWS, 'BÁO CÁO TỆP': USER_ROWS });
      const result = new Consolidation({ body: 'UBND xã An Bình', tier: 'cấp xã', asOf: new Date(2026, 11, 20) }).finish();
      await writeConsolidation(wb.workbook, result);
      await writeConsolidation(wb.workbook, result);
      expect(await wb.sheetNames()).toEqual(['Tổng hợp đơn vị', 'thống kê kết quả', 'BÁO CÁO TỆP', 'Tổng hợp đơn vị (ĐVHT)', 'Thống kê kết quả (ĐVHT)', 'Báo cáo tệp (ĐVHT)']);
      for (const name of ['Tổng hợp đơn vị', 'thống kê kết quả', 'BÁO CÁO TỆP']) expect((await wb.sheet(name)).cells).toEqual(USER_CELLS);
      expect((await wb.sheet('Tổng hợp đơn vị (ĐVHT)')).role).toBe('consolidation');
      expect((await wb.sheet('Thống kê kết quả (ĐVHT)')).role).toBe('consolidation-stats');
      expect((await wb.sheet('Báo cáo tệp (ĐVHT)')).role).toBe('file-report');
    });
  });
}
