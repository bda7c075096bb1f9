/**
 * Switching a workbook's rule set redraws "Tiêu chí": the unit's own edits of its preset
 * (a requirement raised, a condition widened, an indicator added) are named one by one — code,
 * what the unit had and what the new set brings — never dropped silently.
 */
import { ExcelJsWorkbook } from '../support/exceljs/excelJsWorkbook';
import { createSheets } from '../../src/usecases/createSheets';
import { lostEditText, switchRuleSet } from '../../src/usecases/ruleSetSwitch';
import { sampleUnit } from '../../src/usecases/sampleData';
import { findPreset } from '../../src/domain/rules/presets';
import { COL } from '../../src/sheets/criteriaSheet';
import { SHEETS } from '../../src/sheets/names';

async function edited(edit: (row: (code: string) => number, ws: import('exceljs').Worksheet) => void): Promise<ExcelJsWorkbook> {
  const made = ExcelJsWorkbook.create('truong.xlsx');
  await createSheets(made, sampleUnit({ members: 12 }));
  const wb = await ExcelJsWorkbook.fromBuffer(await made.toBuffer(), made.label);
  const ws = wb.workbook.getWorksheet(SHEETS.criteria)!;
  const row = (code: string) => {
    for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, COL.code).value === code) return r;
    throw new Error(`no row ${code}`);
  };
  edit(row, ws);
  return wb;
}

describe('the unit’s edits of its preset, on switching', () => {
  it('are listed with the indicator’s code, the edited value and the new set’s', async () => {
    const wb = await edited((row, ws) => {
      ws.getCell(row('2.1'), COL.threshold).value = 0.95;
      ws.getCell(row('3.1'), COL.condition).value = '[Danh hiệu thi đua] thuộc {Lao động tiên tiến; Chiến sĩ thi đua cơ sở; Giáo viên giỏi}';
    });
    const r = await switchRuleSet(wb, findPreset('tt24-co-so-md2')!, { dryRun: true });
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join(' '));
    expect(r.lostEdits).toEqual([
      { kind: 'threshold', code: '2.1', edited: 0.95, next: 0.9 },
      { kind: 'condition', code: '3.1', edited: '[Danh hiệu thi đua] thuộc {Lao động tiên tiến; Chiến sĩ thi đua cơ sở; Giáo viên giỏi}', next: expect.stringContaining('Lao động tiên tiến') },
    ]);
    const said = r.lostEdits!.map((e) => lostEditText('vi', e));
    expect(said[0]).toBe('chỉ tiêu 2.1: yêu cầu 95% → 90%');
    expect(said[1]).toContain('chỉ tiêu 3.1: điều kiện “[Danh hiệu thi đua] thuộc {Lao động tiên tiến; Chiến sĩ thi đua cơ sở; Giáo viên giỏi}”');
    expect(lostEditText('en', r.lostEdits![0]!)).toBe('indicator 2.1: requirement 95% → 90%');
  });

  it('an edit the new set makes too is not lost; an unedited preset loses nothing', async () => {
    // Level 2 asks 95% for 3.2a: the unit that raised it at level 1 keeps what it wanted.
    const wb = await edited((row, ws) => void (ws.getCell(row('3.2a'), COL.threshold).value = 0.95));
    const r = await switchRuleSet(wb, findPreset('tt24-co-so-md2')!, { dryRun: true });
    expect(r.ok && r.lostEdits).toEqual([]);
    const plain = await edited(() => undefined);
    const p = await switchRuleSet(plain, findPreset('tt24-tinh-md1')!, { dryRun: true });
    expect(p.ok && p.lostEdits).toEqual([]);
  });

  it('an indicator the unit added, or deleted, is named too', async () => {
    const wb = await edited((row, ws) => {
      const r = row('2.4');
      ws.getCell(r, COL.code).value = '2.5';
      ws.getCell(r - 1, COL.code).value = null;
      ws.getCell(r - 1, COL.text).value = null;
    });
    const r = await switchRuleSet(wb, findPreset('tt24-co-so-md2')!, { dryRun: true });
    expect(r.ok && r.lostEdits!.map((e) => [e.kind, e.code])).toEqual([
      ['missing', '2.3'],
      ['missing', '2.4'],
      ['extra', '2.5'],
    ]);
  });
});
