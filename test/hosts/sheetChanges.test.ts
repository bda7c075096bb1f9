/**
 * The clerk's edits inside Excel, told to the pane (PaneHost.edits): which change events each
 * requirement set gives, what they cost in syncs (the counting fake of the Excel API), bursts
 * told once, the pane's own writes not told where Excel says who wrote, and the focus everywhere.
 */
import { excelEdits } from '../../src/hosts/excel/sheetChanges';
import { OfficeWorkbook } from '../../src/workbook/office/officeWorkbook';
import { currentFingerprint } from '../../src/usecases/dataFingerprint';
import { createSheets } from '../../src/usecases/createSheets';
import { evaluateWorkbook } from '../../src/usecases/evaluate';
import { sampleUnit } from '../../src/usecases/sampleData';
import { MEMBER_HEADER_ROW } from '../../src/sheets/membersSheet';
import { SHEETS } from '../../src/sheets/names';
import { createFakeExcel } from '../support/fakeExcel';

/** Events arrive after the sync (or the typing) that made them. */
const delivered = () => new Promise((resolve) => setTimeout(resolve, 0));

async function setUp(apiVersion: string) {
  const excel = createFakeExcel({ apiVersion });
  const workbook = new OfficeWorkbook(excel.run, excel.supports);
  await createSheets(workbook, sampleUnit({ members: 30 }));
  excel.reset();
  const focus = new EventTarget();
  /** The burst's end, by hand: the host waits for it before telling. */
  let waiting: (() => void) | null = null;
  const edits = excelEdits({ run: excel.run, supports: excel.supports, focus, later: (tell) => ((waiting = tell), () => (waiting = waiting === tell ? null : waiting)) });
  let told = 0;
  const listen = () => edits.subscribe(() => told++);
  const burstOver = async () => {
    await delivered();
    const tell = waiting;
    waiting = null;
    tell?.();
  };
  await delivered();
  return { excel, workbook, focus, listen, burstOver, told: () => told };
}

const member = `F${MEMBER_HEADER_ROW + 1}`;

test('ExcelApi 1.9+: one handler for every sheet, added in one sync when the pane first listens; a burst of edits is told once', async () => {
  const s = await setUp('1.14');
  expect(s.excel.stats.syncs).toBe(0);
  s.listen();
  s.listen();
  await delivered();
  expect(s.excel.stats.syncs).toBe(1);
  expect(s.excel.changeHandlers()).toBe(1);
  s.excel.type(SHEETS.members, member, 'Không');
  s.excel.type(SHEETS.members, `G${MEMBER_HEADER_ROW + 1}`, 'Có');
  s.excel.type(SHEETS.learners, 'C5', 40);
  await s.burstOver();
  expect(s.told()).toBe(2); // each of the two listeners, once
  // Told, the pane reads the data once: one batch, one sync for a unit's sheets.
  s.excel.reset();
  await currentFingerprint(s.workbook);
  expect(s.excel.stats.syncs).toBe(1);
});

test.each([
  ['1.14', 0],
  // Excel does not say who wrote: told, and the fingerprint then finds nothing changed (test/taskpane/staleHint.test.tsx).
  ['1.13', 1],
])('ExcelApi %s: the pane’s own writes (the evaluation’s) are told %i time(s)', async (version, times) => {
  const s = await setUp(version);
  s.listen();
  await evaluateWorkbook(s.workbook, { lang: 'vi', summary: false });
  await s.burstOver();
  expect(s.told()).toBe(times);
});

test('ExcelApi 1.7–1.8: a handler on each sheet there is when the pane first listens, in two syncs; an edit of one is told', async () => {
  const s = await setUp('1.8');
  expect(s.excel.stats.syncs).toBe(0);
  s.listen();
  s.listen();
  await delivered();
  expect(s.excel.stats.syncs).toBe(2);
  expect(s.excel.changeHandlers()).toBe(s.excel.sheetNames().length);
  s.excel.type(SHEETS.members, member, 'Không');
  await s.burstOver();
  expect(s.told()).toBe(2); // each of the two listeners, once
});

test('ExcelApi 1.7–1.8: a sheet the clerk adds gets its handler and is told; an edit of it is told', async () => {
  const s = await setUp('1.8');
  s.listen();
  await delivered();
  s.excel.addSheet('Ghi chép');
  await s.burstOver();
  expect(s.told()).toBe(1);
  await delivered();
  expect(s.excel.changeHandlers()).toBe(s.excel.sheetNames().length);
  s.excel.type('Ghi chép', 'A1', 'mới');
  await s.burstOver();
  expect(s.told()).toBe(2);
});

test('ExcelApi 1.7–1.8: a sheet the clerk deletes is told, and its handler removed; none is left once nobody listens', async () => {
  const s = await setUp('1.8');
  const off = s.listen();
  await delivered();
  s.excel.deleteSheet(SHEETS.learners);
  await s.burstOver();
  expect(s.told()).toBe(1);
  await delivered();
  expect(s.excel.changeHandlers()).toBe(s.excel.sheetNames().length);
  off();
  await delivered();
  expect(s.excel.liveHandlers()).toBe(0);
});

test('ExcelApi 1.7–1.8: a sheet renamed fires no event there (onNameChanged is ExcelApi 1.17): none is asked for, and the focus tells', async () => {
  const s = await setUp('1.8');
  s.listen();
  await delivered();
  const held = s.excel.liveHandlers();
  expect(held).toBe(s.excel.sheetNames().length + 2); // each sheet's, and the collection's added and deleted
  s.excel.renameSheet(SHEETS.members, 'Thành viên cũ');
  await s.burstOver();
  expect(s.told()).toBe(0);
  s.focus.dispatchEvent(new Event('focus'));
  await s.burstOver();
  expect(s.told()).toBe(1);
});

test('ExcelApi 1.9+: one handler for every sheet (those added later too) and the collection’s deleted, in one sync; a sheet added is not told (it changes no data read)', async () => {
  const s = await setUp('1.14');
  s.listen();
  await delivered();
  expect(s.excel.stats.syncs).toBe(1);
  expect(s.excel.liveHandlers()).toBe(2);
  s.excel.addSheet('Ghi chép');
  await s.burstOver();
  expect(s.told()).toBe(0);
  s.excel.type('Ghi chép', 'A1', 'mới');
  await s.burstOver();
  expect(s.told()).toBe(1);
});

test('ExcelApi 1.9+: a sheet the clerk deletes is told without waiting for the focus', async () => {
  const s = await setUp('1.14');
  s.listen();
  await delivered();
  s.excel.deleteSheet(SHEETS.learners);
  await s.burstOver();
  expect(s.told()).toBe(1);
});

test('ExcelApi 1.17+: a sheet renamed is told too (onNameChanged), in the same one sync; before 1.17 only the focus tells', async () => {
  const s = await setUp('1.17');
  s.listen();
  await delivered();
  expect(s.excel.stats.syncs).toBe(1);
  expect(s.excel.liveHandlers()).toBe(3);
  s.excel.renameSheet(SHEETS.members, 'Thành viên cũ');
  await s.burstOver();
  expect(s.told()).toBe(1);

  const older = await setUp('1.16');
  older.listen();
  await delivered();
  older.excel.renameSheet(SHEETS.members, 'Thành viên cũ');
  await older.burstOver();
  expect(older.told()).toBe(0);
});

test('older than 1.7: no handler and no sync, quietly; the pane getting the focus back tells', async () => {
  const s = await setUp('1.6');
  s.listen();
  await delivered();
  expect(s.excel.stats.syncs).toBe(0);
  expect(s.excel.changeHandlers()).toBe(0);
  s.focus.dispatchEvent(new Event('focus'));
  await s.burstOver();
  expect(s.told()).toBe(1);
});

test('a host that refuses the handler: nothing thrown, the focus still tells', async () => {
  const focus = new EventTarget();
  const edits = excelEdits({ run: () => Promise.reject(new Error('RichApi.Error: ApiNotFound')), supports: () => true, focus, later: (tell) => (tell(), () => undefined) });
  let told = 0;
  expect(() => edits.subscribe(() => told++)).not.toThrow();
  await delivered(); // a rejection left unhandled would fail the test (test/support/failOnUnhandledRejection.ts)
  focus.dispatchEvent(new Event('focus'));
  expect(told).toBe(1);
});

test.each(['1.14', '1.8'])('ExcelApi %s: the last listener gone (the evaluation’s step unmounted), Excel holds no handler of the pane; nothing is told', async (version) => {
  const s = await setUp(version);
  const off = [s.listen(), s.listen()];
  await delivered();
  expect(s.excel.liveHandlers()).toBeGreaterThan(0);
  off[0]!();
  await delivered();
  expect(s.excel.liveHandlers()).toBeGreaterThan(0); // one still listens
  off[1]!();
  await delivered();
  expect(s.excel.liveHandlers()).toBe(0);
  s.excel.type(SHEETS.members, member, 'Không');
  s.focus.dispatchEvent(new Event('focus'));
  await s.burstOver();
  expect(s.told()).toBe(0);
});

test.each(['1.14', '1.8'])('ExcelApi %s: a listener replaced in the same turn (a new evaluation replacing the old) keeps the handlers, never doubled, and costs no sync', async (version) => {
  const s = await setUp(version);
  const handlers = async () => (await delivered(), s.excel.liveHandlers());
  let off = s.listen();
  const held = await handlers();
  s.excel.reset();
  for (let i = 0; i < 3; i++) {
    off();
    off = s.listen();
  }
  expect(await handlers()).toBe(held);
  expect(s.excel.stats.syncs).toBe(0);
  // Gone and back later (the step shown anew): added again, once.
  off();
  expect(await handlers()).toBe(0);
  s.listen();
  expect(await handlers()).toBe(held);
  s.excel.type(SHEETS.members, member, 'Không');
  await s.burstOver();
  expect(s.told()).toBe(1);
});

test('a listener gone while its handler is still being added: the handler is removed once added', async () => {
  const s = await setUp('1.14');
  const off = s.listen();
  off(); // before the adding sync has answered
  await delivered();
  await delivered();
  expect(s.excel.liveHandlers()).toBe(0);
});

test('ExcelApi 1.7–1.8: a context whose removal fails does not keep the other contexts’ handlers in Excel', async () => {
  const s = await setUp('1.8');
  // The first context (the sheets' handlers) refuses its removal; the sheet added later has its own context.
  let first: unknown = null;
  const run = ((...args: unknown[]) => {
    if (args.length === 1) return s.excel.run(args[0] as never);
    if (first === null) first = args[0];
    return args[0] === first ? Promise.reject(new Error('RichApi.Error: GeneralException')) : s.excel.run(args[0] as never, args[1] as never);
  }) as typeof s.excel.run;
  const edits = excelEdits({ run, supports: s.excel.supports, later: (tell) => (tell(), () => undefined) });
  const off = edits.subscribe(() => undefined);
  await delivered();
  s.excel.addSheet('Ghi chép');
  await delivered();
  await delivered();
  const held = s.excel.liveHandlers();
  off();
  await delivered();
  await delivered();
  // Only the refused context's handlers stay (one per sheet there was, and the collection's two).
  expect(s.excel.liveHandlers()).toBe(held - 1);
});
