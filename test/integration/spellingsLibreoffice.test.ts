/**
 * Both correct spellings of a title ("Chiến sĩ" / "Chiến sỹ", in either Unicode form) and crosses
 * for "no" are counted alike by the engine and by the workbook's own formulas, recalculated by
 * LibreOffice: what the engine accepts, the sheet counts.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ExcelJsWorkbook } from '../support/exceljs/excelJsWorkbook';
import { createSheets } from '../../src/usecases/createSheets';
import { evaluateWorkbook } from '../../src/usecases/evaluate';
import { sampleUnit } from '../../src/usecases/sampleData';
import { MEMBER_FIELDS } from '../../src/domain/memberFields';
import { SHEETS } from '../../src/sheets/names';
import { COL } from '../../src/sheets/criteriaSheet';
import { convert } from '../support/libreoffice';

const idx = (key: string) => MEMBER_FIELDS.findIndex((f) => f.key === key);

it('sĩ / sỹ and ✗ / ✘ / × count the same in the engine and in the sheet’s formulas', async () => {
  const base = sampleUnit({ presetId: 'tt24-co-so-md1', members: 30, seed: 5 });
  const members = base.members!;
  const typed = ['Chiến sỹ thi đua cơ sở', 'Chiến sỹ thi đua cơ sở'.normalize('NFD'), 'CHIẾN SỸ TIÊN TIẾN', 'Chiến sĩ thi đua cơ sở'.normalize('NFD')];
  typed.forEach((title, i) => (members[i]![idx('emulationTitle')] = title));
  ['✗', '✘', '×'].forEach((no, i) => (members[10 + i]![idx('discipline')] = no));
  const wb = ExcelJsWorkbook.create('spellings.xlsx');
  await createSheets(wb, { ...base, members });
  const result = await evaluateWorkbook(wb, { now: new Date(Date.UTC(2025, 11, 20, 8)) });
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  const report = result.report;
  expect(report.warnings.filter((w) => ['unknownTitle', 'titleSpelling', 'ambiguousYesNo'].includes(w.code))).toEqual([]);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-spell-'));
  try {
    const file = path.join(dir, 'in.xlsx');
    fs.writeFileSync(file, await wb.toBuffer({ formulaResults: false }));
    const lo = await ExcelJsWorkbook.fromBuffer(fs.readFileSync(await convert(file, 'xlsx', path.join(dir, 'out'))), 'lo.xlsx');
    const read = async (name: string) => (await lo.batch((s) => s.read([name]))).sheets.get(name)!.rows;
    const criteria = await read(SHEETS.criteria);
    for (const code of ['2.1', '3.1']) {
      const ind = report.indicators.find((i) => i.code === code)!;
      const row = criteria.find((r) => r[COL.code - 1] === code)!;
      expect({ code, n: row[COL.numerator - 1], d: row[COL.denominator - 1] }).toEqual({ code, n: ind.numerator, d: ind.denominator });
    }
    const rows = await read(SHEETS.members);
    const metCol = rows[3]!.indexOf('Số chỉ tiêu đạt');
    for (const m of report.members) expect({ row: m.row, met: rows[m.row - 1]![metCol] }).toEqual({ row: m.row, met: m.met });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 180_000);
