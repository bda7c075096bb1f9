/**
 * Consolidation into a unit's own self-evaluation workbook, on every implementation: refused by
 * the use-case before any file is read (an officer with 2,000 files is told at once), the
 * workbook left as it was, whichever host asked.
 */
import { createSheets } from '../../../src/usecases/createSheets';
import { consolidateFiles, type ReadFiles } from '../../../src/usecases/consolidate';
import { sampleUnit } from '../../../src/usecases/sampleData';
import type { Implementation } from './subject';

export function consolidationIntoUnitWorkbook(impl: Implementation): void {
  it(`${impl.name}: consolidating into a unit's own workbook is refused before any file is read, the workbook unchanged`, async () => {
    const wb = await impl.open({});
    await createSheets(wb.workbook, sampleUnit({ members: 5 }));
    const names = await wb.sheetNames();
    const before = await Promise.all(names.map((n) => wb.sheet(n)));
    const read = jest.fn<ReturnType<ReadFiles>, Parameters<ReadFiles>>(async () => true);
    const progress = jest.fn();
    const files = [
      { label: 'ho-so/truong-a.xlsx', size: 20_000 },
      // Refused from its size without reading: not even that is done.
      { label: 'ho-so/qua-lon.xlsx', size: 10 ** 12 },
    ];
    await expect(consolidateFiles(wb.workbook, files, read, { body: 'UBND xã An Bình', tier: 'cấp xã', onProgress: progress, onWriting: progress })).rejects.toMatchObject({
      name: 'UnitWorkbookTargetError',
      file: wb.workbook.label,
    });
    expect(read).not.toHaveBeenCalled();
    expect(progress).not.toHaveBeenCalled();
    expect(await wb.sheetNames()).toEqual(names);
    expect(await Promise.all(names.map((n) => wb.sheet(n)))).toEqual(before);
  });
}
