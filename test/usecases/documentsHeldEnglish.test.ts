/**
 * The documents' refusal of a held level-2 request (“No request letter drawn: …”) read in English
 * gave its whole explanation, what to do included, in Vietnamese: the held outcome was worded in
 * Vietnamese whatever the language. It is now worded in the message's language, also when the
 * pane words the result again in the other one.
 */
import { ExcelJsWorkbook } from '../support/exceljs/excelJsWorkbook';
import { createSheets } from '../../src/usecases/createSheets';
import { evaluateWorkbook } from '../../src/usecases/evaluate';
import { generateDocuments, rewordDocuments } from '../../src/usecases/documents';
import { sampleUnit } from '../../src/usecases/sampleData';

const NOW = new Date(2026, 11, 3, 10, 0, 0);

async function heldLevel2(previous: Date | null): Promise<ExcelJsWorkbook> {
  const created = ExcelJsWorkbook.create('md2.xlsx');
  const sample = sampleUnit({ members: 12, rate: 1, presetId: 'tt24-co-so-md2' });
  await createSheets(created, { ...sample, unit: { ...sample.unit, level: 'Mức độ 2', previousDate: previous, previousLevel: previous ? 'Mức độ 1' : '' } });
  const wb = await ExcelJsWorkbook.fromBuffer(await created.toBuffer(), created.label);
  if (!(await evaluateWorkbook(wb, { now: NOW })).ok) throw new Error('must evaluate');
  return wb;
}

const refusal = (r: Awaited<ReturnType<typeof generateDocuments>>) => (r.ok ? r.warnings : r.problems).find((w) => w.code === 'requestHeld')!;

it.each([
  ['too soon after level 1', new Date(2025, 1, 10), /may not request level 2 yet.*10\/02\/2026/],
  ['without the level-1 date', null, /level 2/i],
])('held (%s): the refusal in English is English, and words again into Vietnamese', async (_case, previous, english) => {
  const wb = await heldLevel2(previous);
  const en = refusal(await generateDocuments(wb, { lang: 'en' }));
  expect(en.message).toMatch(/^No request letter drawn: /);
  expect(en.message).toMatch(english);
  expect(en.message).not.toMatch(/nhưng chưa đề nghị được|Nếu năm nay|chưa ghi/);
  const vi = refusal(rewordDocuments(await generateDocuments(wb, { lang: 'en' }), 'vi'));
  expect(vi.message).toMatch(/^Chưa lập tờ trình: /);
  expect(vi.message).toContain('mức độ 2');
  expect(vi.message).not.toMatch(/may not|level 2/);
});
