/**
 * Many schools keep their staff on two sheets: the civil servants ("DS CB-GV-NV") and the
 * contract workers ("Hợp đồng"), who are members too. The second sheet is imported after the
 * first: it adds its people, and must not mark everyone of the first as gone from the list.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { applyImport, previewImport } from '../../src/usecases/import/importMembers';
import { evaluateWorkbook } from '../../src/usecases/evaluate';
import { run } from '../../src/cli/main';
import { capture } from '../support/cliOutput';
import { readWorkbookFile } from '../support/exceljs/files';
import { ExcelJsWorkbook } from '../support/exceljs/excelJsWorkbook';
import { addContractSheet, addStaffSheet, CONTRACT, memberRows, roundTrip, sourceAndUnit, SOURCE, unitWorkbook } from './messySheets';

const NOW = new Date(2025, 11, 20);

async function school(): Promise<ExcelJsWorkbook> {
  const wb = await unitWorkbook();
  addStaffSheet(wb.workbook);
  addContractSheet(wb.workbook);
  return roundTrip(wb);
}

const notCounted = (wb: ExcelJsWorkbook) => memberRows(wb.workbook).filter((r) => r['Tính vào tổng số'] === 'Không').map((r) => r['Họ và tên']);

describe('a second list of the same unit', () => {
  it('adds its people and marks nobody when it only adds to the members (markRemoved: false)', async () => {
    const wb = await school();
    await applyImport(wb, { sheet: SOURCE }, { now: NOW });
    const p = await previewImport(wb, { sheet: CONTRACT }, { now: NOW, markRemoved: false });
    expect(p.diff.added.map((e) => e.name)).toEqual(['Phạm Văn Tuấn', 'Nguyễn Thị Lành']);
    expect(p.diff.removed).toEqual([]);
    await applyImport(wb, { sheet: CONTRACT }, { now: NOW, markRemoved: false });
    const saved = await roundTrip(wb);
    expect(memberRows(saved.workbook)).toHaveLength(8);
    // Only the teacher hidden in the first list (she left) is not counted.
    expect(notCounted(saved)).toEqual(['Lê Thị Hoa']);
    const ev = await evaluateWorkbook(saved, { now: NOW, dryRun: true });
    expect(ev.ok && ev.report.countedMembers).toBe(7);
  });

  it('next year, the first sheet marks the second one’s people gone; the second, imported again to add, counts them again', async () => {
    const wb = await school();
    await applyImport(wb, { sheet: SOURCE }, { now: NOW });
    await applyImport(wb, { sheet: CONTRACT }, { now: NOW, markRemoved: false });
    await applyImport(wb, { sheet: SOURCE }, { now: NOW });
    expect(notCounted(await roundTrip(wb))).toEqual(['Lê Thị Hoa', 'Phạm Văn Tuấn', 'Nguyễn Thị Lành']);
    await applyImport(wb, { sheet: CONTRACT }, { now: NOW, markRemoved: false });
    const saved = await roundTrip(wb);
    expect(notCounted(saved)).toEqual(['Lê Thị Hoa']);
    expect(memberRows(saved.workbook).filter((r) => r['Họ và tên'] === 'Phạm Văn Tuấn').map((r) => r['Ghi chú'])).toEqual([null]);
  });

  it('keeps the first list’s saved mapping: what the user chose for it is proposed again next year, its sheet still named', async () => {
    const wb = await school();
    const birthYear = 14; // N, “Năm sinh”: left out by the user this time
    await applyImport(wb, { sheet: SOURCE }, { now: NOW, choice: { [birthYear]: null } });
    await applyImport(wb, { sheet: CONTRACT }, { now: NOW, markRemoved: false });
    const saved = await roundTrip(wb);
    const again = await previewImport(saved, { sheet: SOURCE }, { now: NOW });
    expect(again.columns.find((c) => c.col === birthYear)).toMatchObject({ target: null, origin: 'saved' });
    expect(again.columns.find((c) => c.header.normalize('NFC') === 'Họ và tên')).toMatchObject({ target: 'name', origin: 'saved' });
    // The added sheet's own columns are kept too, for its import next year.
    const contract = await previewImport(saved, { sheet: CONTRACT }, { now: NOW, markRemoved: false });
    expect(contract.columns.find((c) => c.header === 'Công việc')?.origin).toBe('saved');
    const settings = saved.workbook.getWorksheet('Cấu hình nhập')!;
    expect(settings.getCell('B4').value).toBe(SOURCE);
  });

  describe('dvht import', () => {
    let dir: string;
    beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-second-'))));
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('--add imports a second sheet without marking the first one’s members; without it, the preview says how', async () => {
      const { source, into } = await sourceAndUnit(dir, (wb) => addStaffSheet(wb), addContractSheet);
      expect(await run(['import', source, '--sheet', SOURCE, '--into', into], capture())).toBe(0);

      const dry = capture();
      expect(await run(['import', source, '--sheet', CONTRACT, '--into', into, '--dry-run'], dry)).toBe(0);
      const said = dry.stdout.join('\n');
      expect(said).toContain('không còn trong danh sách 6');
      expect(said).toContain('--add');

      const io = capture();
      expect(await run(['import', source, '--sheet', CONTRACT, '--into', into, '--add'], io)).toBe(0);
      expect(io.stdout.join('\n')).toContain('thêm 2, cập nhật 0, không đổi 0, không còn trong danh sách 0');
      const rows = memberRows((await readWorkbookFile(into)).workbook);
      expect(rows.map((r) => r['Họ và tên'])).toEqual(['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Thị Hoa', 'Phạm Minh Đức', 'Lê Thị Hoa', 'Võ Thị Hạnh', 'Phạm Văn Tuấn', 'Nguyễn Thị Lành']);
      expect(rows.filter((r) => r['Tính vào tổng số'] === 'Không').map((r) => r['Mã định danh'])).toEqual(['CB005']); // hidden in the first list
    });
  });
});
