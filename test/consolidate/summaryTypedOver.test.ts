/**
 * “Tổng hợp” is the page a unit prints, signs and sends: every figure on it is a formula on the
 * data sheets. A clerk who types “Đạt”, a percentage, the outcome or a member count over one of
 * them makes the signed page contradict the unit's data: consolidation says so at that cell, in
 * the file report and the row's “Ghi chú”. An untouched page, a page drawn by an earlier release
 * and a workbook without the sheet are not flagged.
 */
import type * as ExcelJS from 'exceljs';
import { planConsolidation } from '../../src/usecases/consolidate/layout';
import { SHEETS } from '../../src/sheets/names';
import type { Lang } from '../../src/i18n';
import { XlsxPackage } from '../../src/xlsx/package';
import { NODE_XLSX } from '../../src/workbook/xlsx/files';
import { aggregatedAlone, edits, setCachedResult, unitWorkbook, type UnitSpec } from './corpus';

jest.setTimeout(60_000);

const AS_OF = new Date(2025, 11, 28);
const FILE = 'ho-so/chu-van-an.xlsx';

/** A TT24 level-1 school whose data miss some indicators: not recognised. */
const FAILING: UnitSpec = { name: 'Trường THCS Chu Văn An', type: 'Trường THCS', members: 30, rate: 0.8, seed: 6 };

const consolidated = async (spec: UnitSpec, lang: Lang = 'vi') => aggregatedAlone(await unitWorkbook(spec), FILE, AS_OF, lang);

const summaryFlags = (r: Awaited<ReturnType<typeof consolidated>>) => r.units[0]!.record.flags.filter((f) => f.code === 'summaryDiffers');

const summary = (wb: ExcelJS.Workbook) => wb.getWorksheet(SHEETS.summary)!;

/** The summary row whose “Mã” is `code` (an indicator's code, or “Kết luận:”). */
function rowOf(ws: ExcelJS.Worksheet, code: string): number {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === code) return r;
  throw new Error(`no ${code} on ${ws.name}`);
}

/** The cached text of a summary cell (formula or not). */
function shown(ws: ExcelJS.Worksheet, address: string): unknown {
  const v = ws.getCell(address).value as { result?: unknown } | null;
  return v && typeof v === 'object' && 'result' in v ? v.result : v;
}

/** The first indicator the page shows as “Không đạt”, with a share (a “Kết quả thực hiện” percentage). */
function failingShareRow(ws: ExcelJS.Worksheet): number {
  for (let r = 1; r <= ws.rowCount; r++) if (shown(ws, `G${r}`) === 'Không đạt' && typeof shown(ws, `D${r}`) === 'number' && !String(ws.getCell(r, 1).value).startsWith('Tiêu chí')) return r;
  throw new Error('no failing share on the summary');
}

/** Typed over, as Excel keeps what the clerk typed: a constant where the formula was. */
const typeOver = (address: (ws: ExcelJS.Worksheet) => string, value: string | number) => (wb: ExcelJS.Workbook) => {
  summary(wb).getCell(address(summary(wb))).value = value;
};

describe('a summary sheet typed over', () => {
  it('an indicator’s “Tự đánh giá” typed “Đạt” where the data fail it: flagged at its cell, with what the data give', async () => {
    let cell = '';
    const r = await consolidated({ ...FAILING, edit: typeOver((ws) => (cell = `G${failingShareRow(ws)}`), 'Đạt') });
    const flags = summaryFlags(r);
    expect(flags).toHaveLength(1);
    const message = flags[0]!.message;
    expect(message).toMatch(/^Tệp “ho-so\/chu-van-an\.xlsx”, trang “Tổng hợp”/);
    expect(message).toContain(`'Tổng hợp'!${cell}`);
    expect(message).toMatch(/chỉ tiêu \d\.\d+[a-z]?, “Tự đánh giá”\) ghi “Đạt” \(gõ tay thay cho công thức\), số liệu cho “Không đạt”/);
    expect(message).toMatch(/đánh giá lại .*in và ký lại/);
    expect(r.files[0]!.status).toBe('flagged');
    expect(r.files[0]!.reasons).toContain(message);
    // The officer's table says it in the unit's “Ghi chú”, as the CLI and the pane draw it.
    const { plans } = planConsolidation(r);
    const [, headerBlock, before, after] = plans[0].cells!;
    const header = headerBlock!.rows[0]!;
    // The row is drawn in two blocks around “Thẩm định”, which the plan fills down its column.
    const row = [...before!.rows[0]!, null, ...after!.rows[0]!];
    expect(String(row[header.indexOf('Ghi chú')])).toContain(`'Tổng hợp'!${cell}`);
  });

  it('a percentage, the conclusion and the member count typed over: each cell named, the figures the data give beside', async () => {
    const cells: string[] = [];
    const r = await consolidated({
      ...FAILING,
      edit: edits.all(
        typeOver((ws) => (cells[0] = `D${failingShareRow(ws)}`), 0.95),
        typeOver((ws) => (cells[1] = `B${rowOf(ws, 'Kết luận:')}`), 'Đủ điều kiện công nhận “Đơn vị học tập” cấp huyện mức độ 1'),
        typeOver((ws) => {
          for (let r = ws.rowCount; r > 0; r--) if (String(shown(ws, `B${r}`) ?? '').startsWith('Tổng số:')) return (cells[2] = `B${r}`);
          throw new Error('no totals');
        }, 'Tổng số: 30 người; được tính: 30; không tính: 0'),
      ),
    });
    const [flag] = summaryFlags(r);
    for (const c of cells) expect(flag!.message).toContain(`'Tổng hợp'!${c}`);
    expect(flag!.message).toContain('ghi “95,0%”');
    expect(flag!.message).toMatch(/“Kết luận”\) ghi “Đủ điều kiện công nhận “Đơn vị học tập” cấp huyện mức độ 1” \(gõ tay thay cho công thức\), số liệu cho “Chưa đủ điều kiện/);
    expect(flag!.message).toMatch(/ghi “Tổng số: 30 người; được tính: 30; không tính: 0” \(gõ tay thay cho công thức\), số liệu cho “Tổng số: 30 người; được tính: 29; không tính: 1”/);
  });

  it('a cached value that is not the data’s, the formula kept: flagged, not said to be typed', async () => {
    let cell = '';
    const r = await consolidated({ ...FAILING, edit: (wb) => setCachedResult(summary(wb), (cell = `G${failingShareRow(summary(wb))}`), 'Đạt') });
    const [flag] = summaryFlags(r);
    expect(flag!.message).toContain(`'Tổng hợp'!${cell}`);
    expect(flag!.message).not.toContain('gõ tay');
  });

  it('says it in English with --lang en', async () => {
    let cell = '';
    const r = await consolidated({ ...FAILING, edit: typeOver((ws) => (cell = `G${failingShareRow(ws)}`), 'Đạt') }, 'en');
    const [flag] = summaryFlags(r);
    expect(flag!.message).toMatch(/^File “ho-so\/chu-van-an\.xlsx”, sheet “Tổng hợp”/);
    expect(flag!.message).toContain(`'Tổng hợp'!${cell} (indicator`);
    expect(flag!.message).toMatch(/says “Đạt” \(typed in place of its formula\), the data give “Không đạt”/);
  });
});

describe('a summary sheet not typed over', () => {
  it('as the evaluation drew it, passing or failing: nothing flagged', async () => {
    for (const spec of [FAILING, { name: 'Trường THCS Nguyễn Du', type: 'Trường THCS', members: 12 }, { name: 'UBND xã An', type: 'UBND cấp xã', presetId: 'tt22-100', members: 12, rate: 0.85 }]) {
      expect(summaryFlags(await consolidated(spec))).toEqual([]);
    }
  });

  it('a workbook without “Tổng hợp”: nothing flagged', async () => {
    expect(summaryFlags(await consolidated({ ...FAILING, edit: edits.removeSheet(SHEETS.summary) }))).toEqual([]);
  });

  it('as an earlier release drew it (0 for an indicator not applicable, the unit’s mark for a unit fact, no totals line): nothing flagged', async () => {
    const earlier = (wb: ExcelJS.Workbook) => {
      const ws = summary(wb);
      for (let r = 1; r <= ws.rowCount; r++) {
        const code = String(ws.getCell(r, 1).value ?? '');
        const result = shown(ws, `G${r}`);
        // A share that does not apply showed 0 (0%), a point left out 0; a unit fact showed the unit's answer as typed.
        if (result === 'Không áp dụng') setCachedResult(ws, `D${r}`, 0);
        else if (/^\d/.test(code) && typeof shown(ws, `D${r}`) === 'string') setCachedResult(ws, `D${r}`, result === 'Đạt' ? 'Đã thực hiện' : 'x');
        if (String(shown(ws, `B${r}`) ?? '').startsWith('Tổng số:')) ws.getCell(`B${r}`).value = null;
      }
    };
    expect(summaryFlags(await consolidated({ ...FAILING, type: 'UBND cấp xã', edit: earlier }))).toEqual([]);
  });

  it('data changed since the evaluation: the page is the evaluation’s, the stale remark says so; only a cell typed over is named', async () => {
    let cell = '';
    const stale = await consolidated({ ...FAILING, edit: edits.member(0, 'discipline', 'Không') });
    expect(stale.units[0]!.record.flags.map((f) => f.code)).toContain('stale');
    expect(summaryFlags(stale)).toEqual([]);
    const typed = await consolidated({ ...FAILING, edit: edits.all(edits.member(0, 'discipline', 'Không'), typeOver((ws) => (cell = `G${failingShareRow(ws)}`), 'Đạt')) });
    expect(summaryFlags(typed).map((f) => f.message.match(/'Tổng hợp'!\w+/g))).toEqual([[`'Tổng hợp'!${cell}`]]);
  });

  it('the self-assessment typed over on “Tiêu chí”: said there once, not again for the page that shows it', async () => {
    const r = await consolidated({
      ...FAILING,
      edit: (wb) => {
        const ws = summary(wb);
        const row = failingShareRow(ws);
        const code = String(ws.getCell(row, 1).value);
        edits.indicatorResult(code, 'Đạt')(wb);
        // Excel shows the page following its source cell.
        setCachedResult(ws, `G${row}`, 'Đạt');
      },
    });
    expect(r.units[0]!.record.flags.map((f) => f.code)).toContain('disagree');
    expect(summaryFlags(r)).toEqual([]);
  });

  it('a summary part the reader cannot read: the unit is consolidated from its data, its page left unchecked', async () => {
    const pkg = await XlsxPackage.open(await unitWorkbook(FAILING), NODE_XLSX);
    const part = pkg.findSheet(SHEETS.summary)!.path!;
    // A shared string that is not in the table, as row 1.
    const xml = (await pkg.text(part))!;
    pkg.setPart(part, xml.replace(/<row r="1"[ >].*?<\/row>/s, '').replace('<sheetData>', '<sheetData><row r="1"><c r="A1" t="s"><v>999999</v></c></row>'));
    const r = await aggregatedAlone(await pkg.toBytes(NODE_XLSX.deflate), FILE, AS_OF);
    expect(r.files[0]!.status).not.toBe('rejected');
    expect(summaryFlags(r)).toEqual([]);
  });
});
