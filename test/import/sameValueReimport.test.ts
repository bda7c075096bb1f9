/**
 * A re-import changes only what means something else: a name in capitals or with other spaces
 * matches its member and keeps the sheet's spelling; a date of birth held as text ("12/03/1980")
 * that the list gives as a date becomes a real date without being listed as a change.
 */
import { unitWorkbook, roundTrip } from './messySheets';
import { applyImport, previewImport } from '../../src/usecases/import/importMembers';
import { SHEETS } from '../../src/sheets/names';
import { dateToSerial } from '../../src/workbook/plan';
import type { CellValue } from '../../src/domain/values';
import type { SourceData } from '../../src/usecases/import/importMembers';

const NOW = new Date(2025, 11, 20);
const LAN = dateToSerial(new Date(1980, 2, 12), false);

function list(people: [string, CellValue][]): SourceData {
  const rows = people.map(([name, born], i) => [i + 1, name, born, 'x']);
  return { name: 'DS', rows: [['DANH SÁCH'], ['STT', 'Họ và tên', 'Ngày sinh', 'Tham gia CĐS'], ...rows], date1904: false };
}

async function members(wb: Awaited<ReturnType<typeof unitWorkbook>>): Promise<CellValue[][]> {
  return (await wb.batch((s) => s.read([SHEETS.members]))).sheets.get(SHEETS.members)!.rows;
}

describe('a re-import of the same people', () => {
  it('keeps the sheet’s spelling of a name the list writes in capitals, and lists no change', async () => {
    const wb = await roundTrip(await unitWorkbook());
    await applyImport(wb, { sheet: 'DS', data: list([['Nguyễn Thị Lan', LAN], ['Trần Văn Bình', null]]) }, { now: NOW });
    const again = await roundTrip(wb);
    const next = list([['NGUYỄN  THỊ LAN', LAN], ['Trần Văn Bình'.normalize('NFD'), null]]);
    const p = await previewImport(again, { sheet: 'DS', data: next }, { now: NOW });
    expect(p.diff.updated).toEqual([]);
    expect(p.diff.unchanged.map((e) => e.name)).toHaveLength(2);
    await applyImport(again, { sheet: 'DS', data: next }, { now: NOW });
    const rows = await members(await roundTrip(again));
    expect(rows.flat()).toContain('Nguyễn Thị Lan');
    expect(rows.flat()).not.toContain('NGUYỄN  THỊ LAN');
  });

  it('writes a date over the same date held as text without listing a change', async () => {
    const wb = await roundTrip(await unitWorkbook());
    await applyImport(wb, { sheet: 'DS', data: list([['Nguyễn Thị Lan', '12/03/1980']]) }, { now: NOW });
    const again = await roundTrip(wb);
    expect((await members(again)).flat()).toContain('12/03/1980');
    const next = list([['Nguyễn Thị Lan', LAN]]);
    const p = await previewImport(again, { sheet: 'DS', data: next }, { now: NOW });
    expect(p.diff.updated.flatMap((e) => e.changes.map((c) => `${c.header}: ${c.before} → ${c.after}`))).toEqual([]);
    await applyImport(again, { sheet: 'DS', data: next }, { now: NOW });
    const rows = await members(await roundTrip(again));
    expect(rows.flat()).toContain(LAN);
    expect(rows.flat()).not.toContain('12/03/1980');
  });

  it('still lists a real change of a date', async () => {
    const wb = await roundTrip(await unitWorkbook());
    await applyImport(wb, { sheet: 'DS', data: list([['Nguyễn Thị Lan', '12/03/1980']]) }, { now: NOW });
    const p = await previewImport(await roundTrip(wb), { sheet: 'DS', data: list([['Nguyễn Thị Lan', dateToSerial(new Date(1980, 2, 13), false)]]) }, { now: NOW });
    expect(p.diff.updated.flatMap((e) => e.changes.map((c) => `${c.header}: ${c.before} → ${c.after}`))).toEqual(['Ngày sinh: 12/03/1980 → 13/03/1980']);
  });
});
