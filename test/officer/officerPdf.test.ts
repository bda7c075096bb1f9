/**
 * The officer's documents printed by LibreOffice: every page A4 portrait with the NĐ 30
 * heading, and every unit of the batch in the right list of the minutes and of the
 * decision's annex (by level), none of the others.
 */
import { ExcelJsWorkbook } from '../support/exceljs/excelJsWorkbook';
import { generateOfficerDocuments, OFFICER_KINDS, OFFICER_SHEET } from '../../src/usecases/officerDocuments';
import { NATIONAL_MOTTO, NATIONAL_NAME } from '../../src/sheets/documentBlocks';
import { isA4Portrait, printSheets, squeeze, type PdfPage } from '../documents/pdf';
import { BATCH, batchFiles, consolidateInto } from './batch';

jest.setTimeout(240_000);

let pages: PdfPage[];
/** The pages of each document, in OFFICER_KINDS order (each starts with the national heading). */
let docs: string[];
/** The same in reading order: a unit's name wrapped in its table cell stays whole. */
let flows: string[];

beforeAll(async () => {
  const wb = ExcelJsWorkbook.create('tong-hop.xlsx');
  await consolidateInto(wb, await batchFiles());
  const r = await generateOfficerDocuments(wb, { signer: 'Nguyễn Văn Bình' });
  if (!r.ok) throw new Error(r.message);
  pages = await printSheets(wb, OFFICER_KINDS.map((k) => OFFICER_SHEET[k]), process.env.DVHT_KEEP_PDF);
  const split: PdfPage[][] = [];
  for (const p of pages) {
    // The decision's annex has no heading of its own: it belongs to the decision.
    if (squeeze(p.text).includes(squeeze(NATIONAL_NAME)) || split.length === 0) split.push([p]);
    else split.at(-1)!.push(p);
  }
  docs = split.map((d) => squeeze(d.map((p) => p.text).join('\n')));
  flows = split.map((d) => squeeze(d.map((p) => p.flow).join('\n')));
});

const proposedAt = (level: 1 | 2) => BATCH.filter((b) => b.level === level).map((b) => b.spec.name);
const notProposed = BATCH.filter((b) => b.level === null).map((b) => b.spec.name);

it('prints three documents, every page A4 portrait, each with the national heading and its title', () => {
  expect(pages.every(isA4Portrait)).toBe(true);
  expect(docs).toHaveLength(3);
  for (const d of docs) expect(d).toContain(squeeze(NATIONAL_MOTTO));
  expect(docs[0]).toContain(squeeze('BIÊN BẢN Thẩm định hồ sơ đề nghị công nhận “Đơn vị học tập” cấp huyện năm 2025'));
  expect(docs[1]).toContain(squeeze('TỜ TRÌNH Về việc đề nghị công nhận “Đơn vị học tập” cấp huyện năm 2025'));
  expect(docs[1]).toContain(squeeze('Kính gửi: Chủ tịch UBND xã Hòa Bình.'));
  expect(docs[2]).toContain(squeeze('QUYẾT ĐỊNH Về việc công nhận “Đơn vị học tập” cấp huyện năm 2025'));
  // The legal basis is the rule set's, cited by number and date.
  for (const d of docs.slice(1)) expect(d).toContain(squeeze('Thông tư số 24/2023/TT-BGDĐT ngày 11/12/2023'));
});

it('the minutes list every unit of the batch, the proposed ones before the others', () => {
  const [first, rest] = flows[0]!.split(squeeze('2. Đơn vị chưa đủ điều kiện'));
  // The second list ends where the conclusion (which names the body) starts.
  const second = rest?.split(squeeze('Kết luận:'))[0];
  expect(second).toBeDefined();
  for (const name of [...proposedAt(1), ...proposedAt(2)]) expect({ name, first: first!.includes(squeeze(name)), second: second!.includes(squeeze(name)) }).toEqual({ name, first: true, second: false });
  for (const name of notProposed) expect({ name, second: second!.includes(squeeze(name)) }).toEqual({ name, second: true });
  expect(first).toContain(squeeze('đủ điều kiện đề nghị công nhận: 3 đơn vị (mức độ 1: 2 đơn vị; mức độ 2: 1 đơn vị)'));
});

it('the decision\'s list groups the proposed units by level, one row each, and names no other unit', () => {
  const annex = docs[2]!.split(squeeze('DANH SÁCH ĐƠN VỊ ĐẠT “ĐƠN VỊ HỌC TẬP” CẤP HUYỆN NĂM 2025'))[1]!;
  expect(annex).toBeDefined();
  const [one, two] = annex.split(squeeze('II. “Đơn vị học tập” cấp huyện mức độ 2 (1 đơn vị)'));
  expect(one).toContain(squeeze('I. “Đơn vị học tập” cấp huyện mức độ 1 (2 đơn vị)'));
  for (const name of proposedAt(1)) expect({ name, inOne: one!.includes(squeeze(name)), inTwo: two!.includes(squeeze(name)) }).toEqual({ name, inOne: true, inTwo: false });
  for (const name of proposedAt(2)) expect({ name, inTwo: two!.includes(squeeze(name)) }).toEqual({ name, inTwo: true });
  // The deciding UBND, kept out as a unit, names the decision as its issuer: only its lists are looked at for it.
  const lists = one!.slice(one!.indexOf(squeeze('I. “Đơn vị học tập”'))) + two!;
  for (const name of notProposed) expect({ name, inDecision: (name === 'UBND xã Hòa Bình' ? lists : docs[2]!).includes(squeeze(name)) }).toEqual({ name, inDecision: false });
});

it('the minutes end on a page that carries their conclusion with the signatures, never the signatures alone', () => {
  const minutes = pages.slice(0, pages.findIndex((p, i) => i > 0 && squeeze(p.text).includes(squeeze(NATIONAL_NAME))));
  const last = squeeze(minutes.at(-1)!.text);
  expect(last).toContain(squeeze('TỔ TRƯỞNG'));
  expect(last).toContain(squeeze('Nguyễn Văn Bình'));
  expect(last).toContain(squeeze('Kết luận: đề nghị Chủ tịch UBND xã Hòa Bình'));
  expect(last).toContain(squeeze('Biên bản được thông qua'));
});
