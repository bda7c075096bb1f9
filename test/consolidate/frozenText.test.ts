/**
 * The consolidated table freezes its STT and unit name columns: its lines above the table (title,
 * receiving body, rule set) must not sit in them cut at their edge (test/sheets/frozenText.test.ts).
 */
import { planConsolidation } from '../../src/usecases/consolidate';
import { cutAtFrozenEdge, shownCells } from '../sheets/planCells';
import { consolidatedInProcess, unitWorkbook } from './corpus';
import { UNITS_HEADER_ROW } from '../../src/usecases/consolidate/layout';

test('the consolidated table’s lines above it are whole on screen, none cut at the frozen name column', async () => {
  const files = [{ label: 'a.xlsx', bytes: await unitWorkbook({ name: 'Trường THCS Nguyễn Du', members: 12 }) }];
  const { result } = await consolidatedInProcess(files, new Date(2026, 0, 10));
  const [units] = planConsolidation(result, 'vi').plans;
  expect(cutAtFrozenEdge(units, UNITS_HEADER_ROW)).toEqual([]);
  const above = shownCells(units).filter((c) => c.row < UNITS_HEADER_ROW).map((c) => String(c.value));
  expect(above.join('\n')).toContain('TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ');
  expect(above.join('\n')).toContain('Đơn vị tổng hợp');
});
