/**
 * The contract every Workbook implementation keeps: the same plan gives the same cells,
 * formats, validations, print setup, ownership marks and warnings. Run by contract.*.test.ts
 * under UTC and under Asia/Ho_Chi_Minh (jest projects with a time-zone environment).
 */
import type { SheetPlan, WorkbookWarning } from '../../../src/workbook/port';
import { ownSheetCandidates, serialToDate } from '../../../src/workbook/plan';
import type { Implementation, Subject } from './subject';
import { UNCALCULATED } from '../../../src/domain/values';

async function write(subject: Subject, ...plans: SheetPlan[]): Promise<WorkbookWarning[]> {
  await subject.workbook.batch(async (s) => plans.forEach((p) => s.write(p)));
  return subject.workbook.takeWarnings?.() ?? [];
}

const BASE = { 'Dữ liệu': [['giữ nguyên']] };

/** 2026-12-20 06:00 as Excel stores it (days since 1899-12-30, wall clock). */
const DEC_20_0600 = 46376.25;
/** Days from the 1900 date system's day 0 to the 1904 system's (1904-01-01). */
const DAYS_1900_TO_1904 = 1462;

export function contractSuite(impl: Implementation): void {
  describe(`${impl.name} keeps the plan contract (time zone ${Intl.DateTimeFormat().resolvedOptions().timeZone})`, () => {
    it('writes values as typed: text stays text, formulas are formulas, null clears', async () => {
      const wb = await impl.open({ ...BASE, S: [[null, 'cũ']] });
      const warnings = await write(wb, {
        sheet: 'S',
        mode: 'existing',
        cells: [{ at: 'A1', rows: [['=1+1', null, 42, true, '0012', 'TRUE', { formula: '=C1*2', result: 84 }]] }],
      });
      const s = await wb.sheet('S');
      expect(s.cells).toEqual({ A1: '=1+1', C1: 42, D1: true, E1: '0012', F1: 'TRUE', G1: '=C1*2' });
      expect(warnings).toEqual([]);
    });

    it('reads a formula back as its result (an empty text as blank); one written without a result as not calculated where nothing calculates it', async () => {
      const wb = await impl.open(BASE);
      const texts = [{ formula: '=IF(1,"","x")', result: '' }, { formula: '="a"', result: 'a' }];
      await write(wb, { sheet: 'S', mode: 'ensure', cells: [{ at: 'A1', rows: [[{ formula: '=1+1', result: 2 }, { formula: '=2+3' }, { formula: '=1/0', result: { error: '#DIV/0!' } }], texts] }] });
      const rows = (await wb.workbook.batch((s) => s.read(['S']))).sheets.get('S')!.rows;
      const second = { calculated: 5, notCalculated: { error: UNCALCULATED }, blank: null }[impl.withoutResult];
      expect(rows[0]).toEqual([2, second, { error: '#DIV/0!' }]);
      // A file keeps the results as written: an empty text is a calculated blank (the counting fake computes only arithmetic).
      if (impl.withoutResult !== 'calculated') expect(rows[1]).toEqual([null, 'a']);
    });

    it('says which cells hold a formula in the sheets asked for (a filled one, one of empty result), not a text that looks like one, nor in other sheets', async () => {
      const wb = await impl.open({ ...BASE, S: [['Khối 6', 30, 29]] });
      await write(wb, {
        sheet: 'S',
        mode: 'existing',
        cells: [{ at: 'A2', rows: [['=1+1', { formula: '=SUM(B1:B1)', result: 30 }, { formula: '=IF(1,"","x")', result: '' }, 7]] }],
        fills: [{ range: 'E1:E3', formula: '=B1*2', results: [60, 60, 0] }],
      });
      // Asked in another case, as every sheet name is.
      const snap = await wb.workbook.batch((s) => s.read(['S', 'Dữ liệu'], { formulas: ['s'] }));
      expect([...(snap.sheets.get('S')!.formulas ?? [])].sort()).toEqual(['B2', 'C2', 'E1', 'E2', 'E3']);
      // The values as ever (the counting fake computes only arithmetic: not SUM's).
      expect([snap.sheets.get('S')!.rows[1]![0], snap.sheets.get('S')!.rows[1]![3]]).toEqual(['=1+1', 7]);
      expect(snap.sheets.get('Dữ liệu')!.formulas).toBeUndefined();
      const plain = await wb.workbook.batch((s) => s.read(['S']));
      expect(plain.sheets.get('S')!.formulas).toBeUndefined();
    });

    it('recalculate: the formulas of the ranges keep their text and lose a result their cleared inputs made stale, other cells stay', async () => {
      const wb = await impl.open({ ...BASE, S: [[40, 38]] });
      await write(wb, { sheet: 'S', mode: 'existing', cells: [{ at: 'A2', rows: [[{ formula: '=A1+B1', result: 78 }, 'Khối 6', { formula: '=A1*2', result: 80 }]] }] });
      await write(wb, { sheet: 'S', mode: 'existing', cells: [{ at: 'A1', rows: [[null, null]] }], recalculate: ['A2:B2'] });
      const s = await wb.sheet('S');
      expect(s.cells).toEqual({ A2: '=A1+B1', B2: 'Khối 6', C2: '=A1*2' });
      // C2 was not asked: its result stays as it was in a file.
      if (s.results) expect(s.results).toEqual({ C2: 80 });
      const rows = (await wb.workbook.batch((r) => r.read(['S']))).sheets.get('S')!.rows;
      expect(rows[1]![0]).toEqual({ calculated: 0, notCalculated: { error: UNCALCULATED }, blank: null }[impl.withoutResult]);
      if (wb.recalculated) expect((await wb.recalculated('S')).A2).toBe(0);
    });

    it('writes a date as the wall-clock time the user sees (06:00 on 20/12 is 20/12 06:00)', async () => {
      const wb = await impl.open(BASE);
      await write(wb, {
        sheet: 'Kết quả',
        mode: 'ensure',
        cells: [{ at: 'A1', rows: [[new Date(2026, 11, 20, 6, 0), new Date(2026, 11, 20, 6, 0)]] }],
        styles: [{ range: 'B1', style: { numberFormat: 'dd/mm/yyyy hh:mm' } }],
      });
      const s = await wb.sheet('Kết quả');
      expect(s.cells).toEqual({ A1: DEC_20_0600, B1: DEC_20_0600 });
      // Unstyled: a date format; styled: the plan's format wins.
      expect(s.formats).toEqual({ A1: 'dd/mm/yyyy', B1: 'dd/mm/yyyy hh:mm' });
    });

    it('in a 1904 workbook (Excel for Mac), says so, and a date written reads back as the same date, one typed there as that date', async () => {
      // The sheet holds 20/12/2026 06:00 typed in the 1904 system: 1,462 days less than in 1900.
      const wb = await impl.open({ ...BASE, S: [[DEC_20_0600 - DAYS_1900_TO_1904]] }, {}, undefined, {}, { date1904: true });
      await write(wb, { sheet: 'S', mode: 'existing', cells: [{ at: 'B1', rows: [[new Date(2026, 11, 20, 6, 0)]] }] });
      const snapshot = await wb.workbook.batch((s) => s.read(['S']));
      expect(snapshot.date1904).toBe(true);
      const [typed, written] = snapshot.sheets.get('S')!.rows[0]!;
      for (const v of [typed, written]) expect(serialToDate(v as number, snapshot.date1904)).toEqual(new Date(2026, 11, 20, 6, 0));
      // Stored in the workbook's own system, as Excel shows it there.
      expect((await wb.sheet('S')).cells).toEqual({ A1: DEC_20_0600 - DAYS_1900_TO_1904, B1: DEC_20_0600 - DAYS_1900_TO_1904 });
      // A workbook in the 1900 system says so too.
      const plain = await impl.open(BASE);
      expect((await plain.workbook.batch((s) => s.read(['Dữ liệu']))).date1904).toBe(false);
    });

    it('writes a non-finite number as a blank cell, and says where', async () => {
      const wb = await impl.open(BASE);
      const warnings = await write(wb, { sheet: 'S', mode: 'ensure', cells: [{ at: 'B2', rows: [[1, Number.NaN, Number.POSITIVE_INFINITY]] }] });
      expect((await wb.sheet('S')).cells).toEqual({ B2: 1 });
      expect(warnings).toEqual([
        { code: 'notANumber', sheet: 'S', detail: 'C2' },
        { code: 'notANumber', sheet: 'S', detail: 'D2' },
      ]);
    });

    it('finds a sheet named in another Unicode form (NFD) or case, and writes no second one', async () => {
      const wb = await impl.open({ ...BASE, 'Tổng hợp': [['a']] });
      const nfd = 'TỔNG HỢP'.normalize('NFD');
      const snap = await wb.workbook.batch((s) => s.read([nfd]));
      expect(snap.sheets.get(nfd)?.rows).toEqual([['a']]);
      await write(wb, { sheet: nfd, mode: 'existing', cells: [{ at: 'B1', rows: [['b']] }] });
      await write(wb, { sheet: 'tổng hợp'.normalize('NFD'), mode: 'ensure', cells: [{ at: 'C1', rows: [['c']] }] });
      expect(await wb.sheetNames()).toEqual(['Dữ liệu', 'Tổng hợp']);
      expect((await wb.sheet('Tổng hợp')).cells).toEqual({ A1: 'a', B1: 'b', C1: 'c' });
    });

    it("'' removes the AutoFilter and the tab colour; an empty print area is refused before anything is written", async () => {
      const wb = await impl.open(BASE);
      await write(wb, { sheet: 'S', mode: 'ensure', cells: [{ at: 'A1', rows: [['a', 'b']] }], autoFilter: 'A1:B5', tabColor: '#1F7A1F' });
      let s = await wb.sheet('S');
      expect([s.autoFilter, s.tabColor]).toEqual(['A1:B5', '#1F7A1F']);
      await write(wb, { sheet: 'S', mode: 'existing', autoFilter: '', tabColor: '' });
      s = await wb.sheet('S');
      expect([s.autoFilter, s.tabColor]).toEqual([null, null]);
      await expect(write(wb, { sheet: 'New', mode: 'ensure' }, { sheet: 'S', mode: 'existing', page: { printArea: '' } })).rejects.toThrow(/print area/);
      expect(await wb.sheetNames()).toEqual(['Dữ liệu', 'S']);
    });

    it("a plan's page breaks replace the sheet's", async () => {
      const wb = await impl.open(BASE);
      await write(wb, { sheet: 'S', mode: 'ensure', cells: [{ at: 'A1', rows: [['x']] }], page: { rowBreaks: [20, 10, 10, 1] } });
      expect((await wb.sheet('S')).page.rowBreaks).toEqual([10, 20]);
      await write(wb, { sheet: 'S', mode: 'existing', page: { rowBreaks: [15] } });
      expect((await wb.sheet('S')).page.rowBreaks).toEqual([15]);
    });

    it('writes the print setup', async () => {
      const wb = await impl.open(BASE);
      await write(wb, {
        sheet: 'In',
        mode: 'ensure',
        cells: [{ at: 'A1', rows: [['x']] }],
        page: { orientation: 'landscape', paperSize: 'A4', fitToWidth: true, printArea: 'A1:C40', printTitleRows: '4:4' },
        merges: ['A1:C1'],
        freeze: { rows: 4, columns: 1 },
      });
      const s = await wb.sheet('In');
      expect(s.page).toEqual({ orientation: 'landscape', paperSize: 'A4', fitToWidth: true, printArea: 'A1:C40', printTitleRows: '4:4', rowBreaks: [] });
      expect(s.merges).toEqual(['A1:C1']);
      expect(s.freeze).toEqual({ rows: 4, columns: 1 });
    });

    it('writes a print scale with page breaks, replacing fit-to-width (which would drop the breaks)', async () => {
      const wb = await impl.open(BASE);
      await write(wb, { sheet: 'In', mode: 'ensure', cells: [{ at: 'A1', rows: [['x']] }], page: { orientation: 'landscape', paperSize: 'A4', fitToWidth: true } });
      await write(wb, { sheet: 'In', mode: 'existing', page: { fitToWidth: false, scale: 85, rowBreaks: [30, 12] } });
      expect((await wb.sheet('In')).page).toEqual({ orientation: 'landscape', paperSize: 'A4', scale: 85, rowBreaks: [12, 30] });
      await expect(write(wb, { sheet: 'In', mode: 'existing', page: { scale: 5 } })).rejects.toThrow(/scale/);
      await expect(write(wb, { sheet: 'In', mode: 'existing', page: { fitToWidth: true, scale: 85 } })).rejects.toThrow(/scale/);
    });

    it('repeats title columns at the left of every page beside the title rows, pages over then down; a plan setting one keeps the other', async () => {
      const wb = await impl.open(BASE);
      await write(wb, { sheet: 'In', mode: 'ensure', cells: [{ at: 'A1', rows: [['x']] }], page: { orientation: 'landscape', paperSize: 'A4', fitToWidth: false, scale: 80, printTitleColumns: 'A:B', pageOrder: 'overThenDown' } });
      expect((await wb.sheet('In')).page).toEqual({ orientation: 'landscape', paperSize: 'A4', scale: 80, printTitleColumns: 'A:B', pageOrder: 'overThenDown', rowBreaks: [] });
      await write(wb, { sheet: 'In', mode: 'existing', page: { printTitleRows: '4:4' } });
      expect((await wb.sheet('In')).page).toEqual({ orientation: 'landscape', paperSize: 'A4', scale: 80, printTitleRows: '4:4', printTitleColumns: 'A:B', pageOrder: 'overThenDown', rowBreaks: [] });
      await write(wb, { sheet: 'In', mode: 'existing', page: { printTitleColumns: 'A:C', pageOrder: 'downThenOver' } });
      expect((await wb.sheet('In')).page).toEqual({ orientation: 'landscape', paperSize: 'A4', scale: 80, printTitleRows: '4:4', printTitleColumns: 'A:C', rowBreaks: [] });
    });

    it('refuses print title columns that are not whole columns of the sheet, and an unknown page order, before anything is written', async () => {
      const wb = await impl.open(BASE);
      await write(wb, { sheet: 'S', mode: 'ensure', cells: [{ at: 'A1', rows: [['x']] }] });
      for (const columns of ['', '4:4', 'A1:B2', 'A', 'C:A', 'A:XFE']) {
        await expect(write(wb, { sheet: 'New', mode: 'ensure' }, { sheet: 'S', mode: 'existing', page: { printTitleColumns: columns } })).rejects.toThrow(/print titles|title columns/i);
      }
      await expect(write(wb, { sheet: 'New', mode: 'ensure' }, { sheet: 'S', mode: 'existing', page: { pageOrder: 'acrossThenDown' as 'overThenDown' } })).rejects.toThrow(/page order/i);
      expect(await wb.sheetNames()).toEqual(['Dữ liệu', 'S']);
      expect((await wb.sheet('S')).page.printTitleColumns).toBeUndefined();
    });

    describe('the page header and footer', () => {
      const header = { center: 'TỔNG HỢP “ĐƠN VỊ” & lớp 5\nĐơn vị tổng hợp: Phòng GD&ĐT' };
      const footer = { left: 'Tổng hợp đơn vị', right: 'Trang {page}/{pages}' };
      const ours = (page?: SheetPlan['page']): SheetPlan => ({ sheet: 'In', mode: 'replace', role: 'consolidation', cells: [{ at: 'A1', rows: [['x']] }], ...(page ? { page } : {}) });

      it('prints them on every page, text and page fields as planned; a plan setting one empties the other', async () => {
        const wb = await impl.open(BASE);
        await write(wb, { sheet: 'In', mode: 'ensure', cells: [{ at: 'A1', rows: [['x']] }], page: { orientation: 'landscape', header, footer } });
        expect((await wb.sheet('In')).page).toEqual({ orientation: 'landscape', header, footer, rowBreaks: [] });
        await write(wb, { sheet: 'In', mode: 'existing', page: { footer: { center: '{page}' } } });
        expect((await wb.sheet('In')).page).toEqual({ orientation: 'landscape', footer: { center: '{page}' }, rowBreaks: [] });
      });

      it('of a sheet of ours go when it is redrawn without them; a plan without them leaves the user’s sheet’s', async () => {
        const wb = await impl.open({ ...BASE, In: [['cũ']], Của: [['u']] }, { In: 'consolidation' });
        await write(wb, ours({ header, footer }), { sheet: 'Của', mode: 'existing', page: { header } });
        expect((await wb.sheet('In')).page).toMatchObject({ header, footer });
        await write(wb, ours({ orientation: 'landscape' }), { sheet: 'Của', mode: 'existing', cells: [{ at: 'B1', rows: [['v']] }] });
        expect((await wb.sheet('In')).page).toEqual({ orientation: 'landscape', rowBreaks: [] });
        await write(wb, ours({ header }));
        await write(wb, ours());
        expect((await wb.sheet('In')).page).not.toHaveProperty('header');
        const user = (await wb.sheet('Của')).page;
        expect([user.header, user.footer]).toEqual([header, undefined]);
      });

      it("refuses a header longer than Excel's 255 characters with its codes, and control characters, before anything is written", async () => {
        const wb = await impl.open(BASE);
        // "&C" and 253 characters: Excel's 255.
        await write(wb, { sheet: 'S', mode: 'ensure', page: { header: { center: 'x'.repeat(253) } } });
        expect((await wb.sheet('S')).page.header).toEqual({ center: 'x'.repeat(253) });
        for (const page of [{ header: { center: 'x'.repeat(254) } }, { footer: { left: '&'.repeat(100), right: '&'.repeat(27) } }, { header: { center: 'a\tb' } }, { footer: { center: '{page}+1' } }]) {
          await expect(write(wb, { sheet: 'New', mode: 'ensure' }, { sheet: 'S', mode: 'existing', page })).rejects.toThrow(/header|footer/);
        }
        expect(await wb.sheetNames()).toEqual(['Dữ liệu', 'S']);
        expect((await wb.sheet('S')).page.footer).toBeUndefined();
      });
    });

    it('writes list validations with quotes intact, and refuses lists Excel cannot hold before writing anything', async () => {
      const wb = await impl.open(BASE);
      await write(wb, {
        sheet: 'S',
        mode: 'ensure',
        validations: [
          { range: 'A1:A2', list: ['Có', 'Không', 'say "hi"'] },
          { range: 'B1', list: { source: "='Danh mục'!$C$4:$C$20" } },
        ],
      });
      expect((await wb.sheet('S')).validations).toEqual({
        A1: ['Có', 'Không', 'say "hi"'],
        A2: ['Có', 'Không', 'say "hi"'],
        B1: { source: "'Danh mục'!$C$4:$C$20" },
      });
      await expect(write(wb, { sheet: 'T', mode: 'ensure', validations: [{ range: 'A1', list: ['a,b'] }] })).rejects.toThrow(/comma/);
      await expect(write(wb, { sheet: 'T', mode: 'ensure', validations: [{ range: 'A1', list: ['x'.repeat(300)] }] })).rejects.toThrow(/255/);
      expect(await wb.sheetNames()).toEqual(['Dữ liệu', 'S']);
    });

    it('a cleared range loses its list validations (as Excel’s Range.clear); the rule’s cells outside it keep theirs', async () => {
      const wb = await impl.open(BASE);
      await write(wb, { sheet: 'S', mode: 'ensure', validations: [{ range: 'A1:A6', list: ['Có', 'Không'] }, { range: 'C1', list: ['x'] }] });
      await write(wb, { sheet: 'S', mode: 'existing', clear: ['A1:B3'], cells: [{ at: 'B1', rows: [['mới']] }] });
      const s = await wb.sheet('S');
      expect(s.validations).toEqual({ A4: ['Có', 'Không'], A5: ['Có', 'Không'], A6: ['Có', 'Không'], C1: ['x'] });
      expect(s.cells).toEqual({ B1: 'mới' });
    });

    it('reports what it could not draw', async () => {
      const wb = await impl.open(BASE);
      const warnings = await write(wb, {
        sheet: 'Biểu đồ',
        mode: 'ensure',
        cells: [{ at: 'A1', rows: [['Kết quả', 'Số'], ['Đạt', 3], ['Chưa đạt', 1]] }],
        charts: [{ type: 'columnClustered', source: 'A1:B3', title: 'Kết quả', position: { from: 'D1', to: 'J15' } }],
      });
      expect(warnings).toEqual(impl.drawsCharts ? [] : [{ code: 'chartsNotDrawn', sheet: 'Biểu đồ', detail: '1' }]);
    });

    it('draws charts alike: kind, title, the cells covered, and a share’s value axis fixed at 0–100%', async () => {
      const wb = await impl.open(BASE);
      const warnings = await write(wb, {
        sheet: 'Biểu đồ',
        mode: 'ensure',
        cells: [{ at: 'A1', rows: [['Chỉ tiêu', 'Tỷ lệ đạt', 'Số đơn vị'], ['2.1', 1, 3], ['2.2', 0.5, 2]] }],
        charts: [
          { type: 'columnClustered', source: 'A1:B3', title: 'Tỷ lệ đạt', position: { from: 'E1', to: 'K15' }, percentAxis: true },
          { type: 'barClustered', source: 'A1:A3', title: 'Số đơn vị', position: { from: 'E17', to: 'K30' } },
          { type: 'pie', source: 'A1:B3', title: 'Cơ cấu', position: { from: 'M1', to: 'R15' } },
        ],
      });
      if (!impl.drawsCharts) {
        expect(warnings).toEqual([{ code: 'chartsNotDrawn', sheet: 'Biểu đồ', detail: '3' }]);
        return;
      }
      expect((await wb.sheet('Biểu đồ')).charts).toEqual([
        { type: 'columnClustered', title: 'Tỷ lệ đạt', from: 'E1', to: 'K15', valueAxis: { minimum: 0, maximum: 1 } },
        { type: 'barClustered', title: 'Số đơn vị', from: 'E17', to: 'K30', valueAxis: null },
        { type: 'pie', title: 'Cơ cấu', from: 'M1', to: 'R15', valueAxis: null },
      ]);
    });

    it('draws an Excel table over a header row, resizes it when drawn again, and refuses an AutoFilter over it', async () => {
      const wb = await impl.open(BASE);
      const members = (rows: number): SheetPlan => ({
        sheet: 'Thành viên',
        mode: 'ensure',
        cells: [{ at: 'A3', rows: [['Họ và tên', 'Có'], ...Array.from({ length: rows }, (_, i) => [`Người ${i + 1}`, 'Có'])] }],
        autoFilter: '',
        tables: [{ name: 'ThanhVien', range: `A3:B${3 + rows}`, columns: ['Họ và tên', 'Có'], style: 'TableStyleLight9' }],
      });
      const drawn = (range: string) => (impl.drawsTables ? [{ name: 'ThanhVien', range }] : []);
      const notDrawn = impl.drawsTables ? [] : [{ code: 'tableNotDrawn', sheet: 'Thành viên', detail: 'ThanhVien' }];
      expect(await write(wb, members(2))).toEqual(notDrawn);
      expect((await wb.sheet('Thành viên')).tables).toEqual(drawn('A3:B5'));
      expect(await write(wb, members(4))).toEqual(notDrawn);
      const s = await wb.sheet('Thành viên');
      expect(s.tables).toEqual(drawn('A3:B7'));
      expect([s.autoFilter, s.cells.A3, s.cells.B7]).toEqual([null, 'Họ và tên', 'Có']);
      await expect(write(wb, { ...members(4), autoFilter: 'A3:B3' })).rejects.toThrow(/AutoFilter/);
      await expect(write(wb, { ...members(4), tables: [{ name: 'ThanhVien', range: 'A3:B7', columns: ['Họ và tên', 'họ và tên'] }] })).rejects.toThrow(/unique/);
    });

    describe('a formula filled down a column', () => {
      // Relative, $-anchored, cross-sheet (quoted name) and range references, as the fill handle moves them.
      const FILL = "=A1*2+$A$1+SUM($A$1:A1)+'Nguồn giá'!A1";
      const SPELLED = [1, 2, 3, 4].map((r) => `=A${r}*2+$A$1+SUM($A$1:A${r})+'Nguồn giá'!A${r}`);
      // A1..A4 = 1..4 and 'Nguồn giá'!A1..A4 = 10..40: 2k + 1 + k(k+1)/2 + 10k.
      const VALUES = [14, 28, 43, 59];
      const plans = (fillResults?: number[]): SheetPlan[] => [
        { sheet: 'Nguồn giá', mode: 'ensure', cells: [{ at: 'A1', rows: [[10], [20], [30], [40]] }] },
        {
          sheet: 'S',
          mode: 'ensure',
          cells: [{ at: 'A1', rows: [[1], [2], [3], [4]] }],
          fills: [
            { range: 'B1:B4', formula: FILL, ...(fillResults ? { results: fillResults } : {}) },
            { range: 'C2:C3', formula: '=IF(B2>30,"lớn","nhỏ")', ...(fillResults ? { results: ['nhỏ', 'lớn'] } : {}) },
            { range: 'D4', formula: '=B4-A$1', ...(fillResults ? { results: [58] } : {}) },
          ],
          styles: [{ range: 'B1:B4', style: { numberFormat: '0.0' } }],
        },
      ];

      it('reads back per row as Excel spells it, keeps the cells’ formats, and recalculates to the same values', async () => {
        const wb = await impl.open(BASE);
        expect(await write(wb, ...plans())).toEqual([]);
        const s = await wb.sheet('S');
        expect(s.cells).toEqual({
          A1: 1, A2: 2, A3: 3, A4: 4,
          B1: SPELLED[0], B2: SPELLED[1], B3: SPELLED[2], B4: SPELLED[3],
          C2: '=IF(B2>30,"lớn","nhỏ")', C3: '=IF(B3>30,"lớn","nhỏ")',
          D4: '=B4-A$1',
        });
        expect(s.formats).toEqual({ B1: '0.0', B2: '0.0', B3: '0.0', B4: '0.0' });
        if (wb.recalculated) {
          expect(await wb.recalculated('S')).toEqual({ B1: VALUES[0], B2: VALUES[1], B3: VALUES[2], B4: VALUES[3], C2: 'nhỏ', C3: 'lớn', D4: 58 });
        }
      });

      it('stores the given results as the cells’ cached values where the host keeps them, and redraws over its own fill', async () => {
        const wb = await impl.open(BASE);
        await write(wb, ...plans(VALUES));
        let s = await wb.sheet('S');
        if (s.results) expect(s.results).toEqual({ B1: 14, B2: 28, B3: 43, B4: 59, C2: 'nhỏ', C3: 'lớn', D4: 58 });
        // Drawn again over a shorter column: the rows left are cleared, the new copies follow the new first cell.
        await write(wb, { sheet: 'S', mode: 'existing', clear: ['B1:D4'], fills: [{ range: 'B1:B2', formula: '=A1+100', results: [101, 102] }] });
        s = await wb.sheet('S');
        expect(s.cells).toEqual({ A1: 1, A2: 2, A3: 3, A4: 4, B1: '=A1+100', B2: '=A2+100' });
        if (s.results) expect(s.results).toEqual({ B1: 101, B2: 102 });
      });

      it('refuses a fill over two columns, over a block of the plan, or with a result per row missing, before writing anything', async () => {
        const wb = await impl.open(BASE);
        const bad = (fill: NonNullable<SheetPlan['fills']>[number]) => write(wb, { sheet: 'Mới', mode: 'ensure' }, { sheet: 'S2', mode: 'ensure', cells: [{ at: 'A1', rows: [[1, 2]] }], fills: [fill] });
        await expect(bad({ range: 'C1:D3', formula: '=A1' })).rejects.toThrow(/one column/);
        await expect(bad({ range: 'B1:B3', formula: '=A1' })).rejects.toThrow(/covers cells/);
        await expect(bad({ range: 'C1:C3', formula: '=A1', results: [1, 2] })).rejects.toThrow(/2 results for 3 rows/);
        await expect(bad({ range: 'C1:C3', formula: 'A1' })).rejects.toThrow(/start with "="/);
        expect(await wb.sheetNames()).toEqual(['Dữ liệu']);
      });
    });

    describe('a conditional format (a formula rule over a range)', () => {
      const FLAG = '=AND(B2<>"",B2<>"Khớp số liệu")';
      const table = (rows: number): SheetPlan => ({
        sheet: 'Bảng',
        mode: 'replace',
        role: 'table',
        cells: [{ at: 'A1', rows: [['Đơn vị', 'Thẩm định'], ...Array.from({ length: rows }, (_, i) => [`ĐV ${i + 1}`, i % 2 ? 'Cần xem lại (1)' : 'Khớp số liệu'])] }],
        styles: [{ range: `B2:B${rows + 1}`, style: { bold: false } }],
        conditionalFormats: [
          { range: `B2:B${rows + 1}`, formula: FLAG, style: { fill: '#FCE4D6', bold: true } },
          { range: `A2:A${rows + 1}`, formula: '=$B2="Cần xem lại (1)"', style: { fontColor: '#C00000' } },
        ],
      });

      it('is drawn with its range, formula (relative to the top-left cell) and format, in the plan’s order of priority; redrawn, the sheet holds the new rules only', async () => {
        const wb = await impl.open(BASE);
        expect(await write(wb, table(3))).toEqual([]);
        expect((await wb.sheet('Bảng')).conditionalFormats).toEqual([
          { range: 'B2:B4', formula: FLAG, fill: '#FCE4D6', bold: true },
          { range: 'A2:A4', formula: '=$B2="Cần xem lại (1)"', fontColor: '#C00000' },
        ]);
        await write(wb, table(5));
        expect((await wb.sheet('Bảng')).conditionalFormats).toEqual([
          { range: 'B2:B6', formula: FLAG, fill: '#FCE4D6', bold: true },
          { range: 'A2:A6', formula: '=$B2="Cần xem lại (1)"', fontColor: '#C00000' },
        ]);
      });

      it('is refused on a sheet not drawn anew (it would pile up at each run), without a format, or with a wrong colour or formula, before writing anything', async () => {
        const wb = await impl.open(BASE);
        const rule = { range: 'A1:A3', formula: '=A1>1', style: { fill: '#FCE4D6' } };
        const bad = (plan: SheetPlan) => write(wb, { sheet: 'Mới', mode: 'ensure' }, plan);
        await expect(bad({ sheet: 'Dữ liệu', mode: 'existing', conditionalFormats: [rule] })).rejects.toThrow(/conditional format.*drawn anew/);
        await expect(bad({ sheet: 'S', mode: 'ensure', conditionalFormats: [rule] })).rejects.toThrow(/conditional format.*drawn anew/);
        await expect(bad({ sheet: 'S', mode: 'replace', role: 'r', conditionalFormats: [{ ...rule, style: {} }] })).rejects.toThrow(/no format/);
        await expect(bad({ sheet: 'S', mode: 'replace', role: 'r', conditionalFormats: [{ ...rule, style: { fill: 'orange' } }] })).rejects.toThrow(/#RRGGBB/);
        await expect(bad({ sheet: 'S', mode: 'replace', role: 'r', conditionalFormats: [{ ...rule, formula: 'A1>1' }] })).rejects.toThrow(/start with "="/);
        expect(await wb.sheetNames()).toEqual(['Dữ liệu']);
      });
    });

    describe('the user’s protection (Review → Protect Workbook, Protect Sheet), honoured before anything is written', () => {
      const LOCKED = { sheets: { 'Tiêu chí': { unlocked: ['B2:C3'] } } };
      const other: SheetPlan = { sheet: 'Dữ liệu', mode: 'existing', cells: [{ at: 'B1', rows: [['không ghi']] }] };

      it('a read says whether the structure is locked (what a step checks before it offers to add sheets)', async () => {
        const locked = async (wb: Subject) => (await wb.workbook.batch(async (s) => s.read([]))).structureLocked;
        expect(await locked(await impl.open(BASE, {}, { structure: true }))).toBe(true);
        expect(await locked(await impl.open({ ...BASE, 'Tiêu chí': [['a']] }, {}, LOCKED))).toBe(false); // a sheet protected: not the structure
      });

      it('with the structure locked, refuses a plan that adds a sheet, naming it, and writes nothing of the batch', async () => {
        const wb = await impl.open({ ...BASE, S: [['cũ']] }, {}, { structure: true });
        const refused = write(wb, other, { sheet: 'Mới', mode: 'ensure', cells: [{ at: 'A1', rows: [['x']] }] });
        await expect(refused).rejects.toMatchObject({ name: 'WorkbookProtectedError', kind: 'structure', sheet: 'Mới' });
        await expect(refused).rejects.toThrow(/“Mới”.*Bảo vệ sổ làm việc/);
        expect(await wb.sheetNames()).toEqual(['Dữ liệu', 'S']);
        expect((await wb.sheet('Dữ liệu')).cells).toEqual({ A1: 'giữ nguyên' });
      });

      it('with the structure locked, redraws its own sheet where it is (no sheet added, deleted or renamed), and writes and formats cells of existing sheets', async () => {
        const wb = await impl.open({ ...BASE, 'Tổng hợp': [['cũ', 'cũ']] }, { 'Tổng hợp': 'summary' }, { structure: true });
        expect(await write(wb, { sheet: 'Tổng hợp', mode: 'replace', role: 'summary', cells: [{ at: 'A1', rows: [['mới']] }] })).toEqual([]);
        expect((await wb.sheet('Tổng hợp')).cells).toEqual({ A1: 'mới' });
        expect(await write(wb, { sheet: 'Dữ liệu', mode: 'ensure', cells: [{ at: 'B1', rows: [['thêm']] }], styles: [{ range: 'B1', style: { numberFormat: '@' } }] })).toEqual([]);
        const s = await wb.sheet('Dữ liệu');
        expect([s.cells, s.formats]).toEqual([{ A1: 'giữ nguyên', B1: 'thêm' }, { B1: '@' }]);
        expect(await wb.sheetNames()).toEqual(['Dữ liệu', 'Tổng hợp']);
      });

      it('on a protected sheet, refuses to write a locked cell, naming the sheet and the cell, and writes nothing of the batch', async () => {
        const wb = await impl.open({ ...BASE, 'Tiêu chí': [['a', 'b']] }, {}, LOCKED);
        const refused = write(wb, other, { sheet: 'Tiêu chí', mode: 'existing', cells: [{ at: 'B2', rows: [['được'], ['được'], ['khóa']] }] });
        await expect(refused).rejects.toMatchObject({ name: 'WorkbookProtectedError', kind: 'cell', sheet: 'Tiêu chí', cell: 'B4' });
        await expect(refused).rejects.toThrow(/“Tiêu chí”.*B4.*Bỏ bảo vệ trang tính/);
        expect((await wb.sheet('Dữ liệu')).cells).toEqual({ A1: 'giữ nguyên' });
        expect((await wb.sheet('Tiêu chí')).cells).toEqual({ A1: 'a', B1: 'b' });
      });

      it('on a protected sheet, writes values, formulas and fills into cells unlocked by their format, as Excel allows', async () => {
        const wb = await impl.open({ ...BASE, 'Tiêu chí': [['a', 'b']] }, {}, LOCKED);
        expect(await write(wb, { sheet: 'Tiêu chí', mode: 'existing', cells: [{ at: 'B2', rows: [['Đạt'], [{ formula: '=1+1', result: 2 }]] }], fills: [{ range: 'C2:C3', formula: '=A1', results: ['a', null] }] })).toEqual([]);
        expect((await wb.sheet('Tiêu chí')).cells).toEqual({ A1: 'a', B1: 'b', B2: 'Đạt', B3: '=1+1', C2: '=A1', C3: '=A2' });
      });

      it('on a protected sheet, refuses formats, layout and a redraw even over unlocked cells', async () => {
        const wb = await impl.open({ ...BASE, 'Tiêu chí': [['a']], 'Tổng hợp': [['cũ']] }, { 'Tổng hợp': 'summary' }, { sheets: { 'Tiêu chí': { unlocked: ['B2'] }, 'Tổng hợp': { unlocked: ['A1'] } } });
        await expect(write(wb, { sheet: 'Tiêu chí', mode: 'existing', cells: [{ at: 'B2', rows: [['Đạt']] }], styles: [{ range: 'B2', style: { bold: true } }] })).rejects.toMatchObject({ kind: 'sheet', sheet: 'Tiêu chí' });
        await expect(write(wb, { sheet: 'Tổng hợp', mode: 'replace', role: 'summary', cells: [{ at: 'A1', rows: [['mới']] }] })).rejects.toMatchObject({ kind: 'sheet', sheet: 'Tổng hợp' });
        expect((await wb.sheet('Tiêu chí')).cells).toEqual({ A1: 'a' });
        expect((await wb.sheet('Tổng hợp')).cells).toEqual({ A1: 'cũ' });
      });

      it('a protected sheet the batch does not write does not stop it', async () => {
        const wb = await impl.open({ ...BASE, 'Tiêu chí': [['a']] }, {}, LOCKED);
        expect(await write(wb, other, { sheet: 'Mới', mode: 'ensure', cells: [{ at: 'A1', rows: [['x']] }] })).toEqual([]);
        expect(await wb.sheetNames()).toEqual(['Dữ liệu', 'Tiêu chí', 'Mới']);
        expect((await wb.sheet('Dữ liệu')).cells).toEqual({ A1: 'giữ nguyên', B1: 'không ghi' });
      });
    });

    it('reports the rows the user hid in the sheets read with their layout, and only in those', async () => {
      const members = Array.from({ length: 12 }, (_, i) => [i + 1, `Người ${i + 1}`, i % 2 ? 'Có' : 'Không']);
      const wb = await impl.open({ ...BASE, S: [['STT', 'Họ và tên', 'Tính vào tổng số'], ...members] }, {}, undefined, { S: [3, 7, 8], 'Dữ liệu': [1] });
      const snap = await wb.workbook.batch((s) => s.read(['S', 'Dữ liệu'], { layout: ['S'] }));
      expect(snap.sheets.get('S')!.hiddenRows).toEqual([3, 7, 8]);
      expect(snap.sheets.get('Dữ liệu')!.hiddenRows).toBeUndefined();
      expect((await wb.workbook.batch((s) => s.read(['S']))).sheets.get('S')!.hiddenRows).toBeUndefined();
    });

    it('says which sheets the user hid and which only a macro shows (very hidden), in tab order; the others are visible', async () => {
      const wb = await impl.open({ ...BASE, 'DS cũ': [['x']], 'Cấu hình': [['y']], S: [[1]] }, {}, undefined, {}, { hiddenSheets: { 'Cấu hình': 'veryHidden', 'DS cũ': 'hidden' } });
      const snap = await wb.workbook.batch((s) => s.read([]));
      expect(snap.sheetNames).toEqual(['Dữ liệu', 'DS cũ', 'Cấu hình', 'S']);
      expect([...(snap.hiddenSheets ?? [])]).toEqual([['DS cũ', 'hidden'], ['Cấu hình', 'veryHidden']]);
      // None hidden: an empty map, not an absent one (absent is a snapshot made by hand).
      expect((await (await impl.open(BASE)).workbook.batch((s) => s.read([]))).hiddenSheets).toEqual(new Map());
    });

    it("'existing' on a missing sheet fails naming it, and nothing is written", async () => {
      const wb = await impl.open(BASE);
      await expect(write(wb, { sheet: 'Mới', mode: 'ensure' }, { sheet: 'Thiếu', mode: 'existing', cells: [{ at: 'A1', rows: [[1]] }] })).rejects.toThrow(/Thiếu/);
      expect(await wb.sheetNames()).toEqual(['Dữ liệu']);
    });

    describe('the ownership mark', () => {
      const summary = (text: string): SheetPlan => ({ sheet: 'Tổng hợp', mode: 'replace', role: 'summary', after: 'Dữ liệu', cells: [{ at: 'A1', rows: [[text]] }] });

      it('redraws a sheet that carries its mark, in place, and keeps the mark', async () => {
        const wb = await impl.open({ ...BASE, 'Tổng hợp': [['cũ', 'cũ']], Khác: [['k']] }, { 'Tổng hợp': 'summary' });
        const warnings = await write(wb, summary('mới'));
        expect(warnings).toEqual([]);
        expect(await wb.sheetNames()).toEqual(['Dữ liệu', 'Tổng hợp', 'Khác']);
        const s = await wb.sheet('Tổng hợp');
        expect([s.cells, s.role]).toEqual([{ A1: 'mới' }, 'summary']);
      });

      it("keeps the user's formulas that point at the sheet it redraws (Excel turns them into #REF! when a sheet is deleted)", async () => {
        const wb = await impl.open({ ...BASE, 'Tổng hợp': [['cũ', 1]], 'Kết quả TH': [['o']] }, { 'Tổng hợp': 'summary', 'Kết quả TH': 'to-trinh' });
        const pointers = ["='Tổng hợp'!B1*2", "=SUM('Tổng hợp'!B1:B3)", "='Kết quả TH'!A1"];
        await write(wb, { sheet: 'Dữ liệu', mode: 'existing', cells: [{ at: 'B1', rows: [pointers.map((formula) => ({ formula }))] }] });
        await write(wb, { ...summary('mới'), cells: [{ at: 'A1', rows: [['mới', 5]] }] }, { sheet: 'Kết quả TH', mode: 'replace', role: 'to-trinh', cells: [{ at: 'A1', rows: [['n']] }] });
        expect((await wb.sheet('Dữ liệu')).cells).toEqual({ A1: 'giữ nguyên', B1: pointers[0], C1: pointers[1], D1: pointers[2] });
        expect((await wb.sheet('Tổng hợp')).cells).toEqual({ A1: 'mới', B1: 5 });
      });

      it.each(['Tổng hợp', 'TỔNG HỢP', 'Tổng hợp'.normalize('NFD')])("never deletes nor writes a user's sheet named %s: ours takes another name, and the user is told", async (name) => {
        const wb = await impl.open({ ...BASE, [name]: [['số liệu của trường', 123]] });
        const warnings = await write(wb, summary('của ĐVHT'));
        expect(warnings).toEqual([{ code: 'sheetTaken', sheet: name, detail: 'Tổng hợp (ĐVHT)' }]);
        expect(await wb.sheetNames()).toEqual(['Dữ liệu', 'Tổng hợp (ĐVHT)', name]);
        const user = await wb.sheet(name);
        expect([user.cells, user.role]).toEqual([{ A1: 'số liệu của trường', B1: 123 }, null]);
        const ours = await wb.sheet('Tổng hợp (ĐVHT)');
        expect([ours.cells, ours.role]).toEqual([{ A1: 'của ĐVHT' }, 'summary']);
        // Next time the same sheet of ours is redrawn: no third sheet, and the user, told once, is not told again.
        expect(await write(wb, summary('lần 2'))).toEqual([]);
        expect(await wb.sheetNames()).toEqual(['Dữ liệu', 'Tổng hợp (ĐVHT)', name]);
        expect((await wb.sheet('Tổng hợp (ĐVHT)')).cells).toEqual({ A1: 'lần 2' });
        expect((await wb.sheet(name)).cells).toEqual({ A1: 'số liệu của trường', B1: 123 });
      });

      it('does not take a sheet marked for another role', async () => {
        const wb = await impl.open({ ...BASE, 'Tờ trình': [['t']] }, { 'Tờ trình': 'bao-cao' });
        await write(wb, { sheet: 'Tờ trình', mode: 'replace', role: 'to-trinh', cells: [{ at: 'A1', rows: [['mới']] }] });
        expect((await wb.sheet('Tờ trình')).cells).toEqual({ A1: 't' });
        expect((await wb.sheet('Tờ trình (ĐVHT)')).role).toBe('to-trinh');
      });

      it('redraws a renamed sheet that carries its mark under its current name: no second sheet', async () => {
        const wb = await impl.open({ ...BASE, 'Kết quả TH': [['cũ']] }, { 'Kết quả TH': 'summary' });
        expect(await write(wb, summary('mới'))).toEqual([]);
        expect(await wb.sheetNames()).toEqual(['Dữ liệu', 'Kết quả TH']);
        const s = await wb.sheet('Kết quả TH');
        expect([s.cells, s.role]).toEqual([{ A1: 'mới' }, 'summary']);
      });

      it.each([
        [['Bản sao', 'Tổng hợp'], 'Tổng hợp'],
        [['Bản A', 'Bản B'], 'Bản A'],
      ])('of two sheets carrying one mark (%j) redraws the usual name, else the first in tab order, never writes the other, and says it is a stale copy', async (pair, chosen) => {
        const wb = await impl.open({ ...BASE, [pair[0]!]: [['một']], [pair[1]!]: [['hai']] }, { [pair[0]!]: 'summary', [pair[1]!]: 'summary' });
        const { after: _after, ...inPlace } = summary('mới');
        const other = pair.find((n) => n !== chosen)!;
        expect(await write(wb, inPlace)).toEqual([{ code: 'sheetCopied', sheet: other, detail: chosen }]);
        expect(await wb.sheetNames()).toEqual(['Dữ liệu', ...pair]);
        for (const [i, name] of pair.entries()) expect((await wb.sheet(name)).cells).toEqual({ A1: name === chosen ? 'mới' : ['một', 'hai'][i] });
      });

      it('reports every marked sheet when marks are asked, a renamed one too', async () => {
        const wb = await impl.open({ ...BASE, 'Kết quả TH': [['o']], Khác: [['k']] }, { 'Kết quả TH': 'summary' });
        const snap = await wb.workbook.batch((s) => s.read(['Dữ liệu'], { marks: ownSheetCandidates('Tổng hợp') }));
        expect([...(snap.roles ?? [])]).toEqual([['Kết quả TH', 'summary']]);
        expect([...snap.sheets.keys()]).toEqual(['Dữ liệu']);
      });

      describe("an 'own' sheet the user edits (the documents' templates)", () => {
        const own = (rows: string[][], adopt = false): SheetPlan => ({ sheet: 'Mẫu văn bản', mode: 'own', role: 'templates', ...(adopt ? { adopt } : {}), cells: [{ at: 'A1', rows }] });

        it('is created under its usual name with its mark, then written in place keeping what the user wrote', async () => {
          const wb = await impl.open(BASE);
          expect(await write(wb, own([['a']]))).toEqual([]);
          await write(wb, { ...own([['b']]), cells: [{ at: 'A2', rows: [['b']] }] });
          const s = await wb.sheet('Mẫu văn bản');
          expect([s.cells, s.role]).toEqual([{ A1: 'a', A2: 'b' }, 'templates']);
        });

        it("never writes a user's sheet of that name: ours takes another name, and the user is told", async () => {
          const wb = await impl.open({ ...BASE, 'Mẫu văn bản': [['của trường']] });
          expect(await write(wb, own([['a']]))).toEqual([{ code: 'sheetTaken', sheet: 'Mẫu văn bản', detail: 'Mẫu văn bản (ĐVHT)' }]);
          expect((await wb.sheet('Mẫu văn bản')).cells).toEqual({ A1: 'của trường' });
          expect((await wb.sheet('Mẫu văn bản')).role).toBeNull();
          expect((await wb.sheet('Mẫu văn bản (ĐVHT)')).role).toBe('templates');
        });

        it('adopts an unmarked sheet of that name when told it is ours (drawn before marks), and finds it renamed later', async () => {
          const wb = await impl.open({ ...BASE, 'Mẫu văn bản': [['cũ']] });
          expect(await write(wb, { ...own([]), adopt: true, cells: [{ at: 'A2', rows: [['mới']] }] })).toEqual([]);
          const s = await wb.sheet('Mẫu văn bản');
          expect([s.cells, s.role]).toEqual([{ A1: 'cũ', A2: 'mới' }, 'templates']);
          expect(await wb.sheetNames()).toEqual(['Dữ liệu', 'Mẫu văn bản']);
        });
      });

      it('reports the marks asked for, without reading those sheets', async () => {
        const wb = await impl.open({ ...BASE, 'Tổng hợp': [['u']], 'Tổng hợp (ĐVHT)': [['o']] }, { 'Tổng hợp (ĐVHT)': 'summary' });
        const snap = await wb.workbook.batch((s) => s.read(['Dữ liệu'], { marks: ownSheetCandidates('Tổng hợp') }));
        expect(snap.roles?.get('Tổng hợp (ĐVHT)')).toBe('summary');
        expect(snap.roles?.has('Tổng hợp')).toBe(false);
        expect([...snap.sheets.keys()]).toEqual(['Dữ liệu']);
      });
    });
  });
}
