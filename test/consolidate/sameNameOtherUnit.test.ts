/**
 * Two files under one unit name and year. A unit that sent its workbook again (most of its members,
 * a figure mended) is one unit: the older evaluation is dropped, as before. Two schools of one name
 * (two “Trường THCS Nguyễn Du” in two communes), or one school's data saved under another's name,
 * are two units: the newer file silently replaced the other, said only “bản đánh giá cũ hơn”. Now
 * both are kept, counted once each, and both flagged naming both files, in the table, the file
 * report, the officer's minutes (kept out until the officer has asked) and the command's output;
 * the records that cross the reading threads (poolParts.ts) give the same result as in-process ones.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Consolidation, readUnitFile, type ConsolidationResult, type FileOutcome } from '../../src/usecases/consolidate';
import { PartReceiver, PartSender } from '../../src/usecases/consolidate/poolParts';
import { isBlockingRemark, remarkFinding } from '../../src/usecases/officerTable';
import { nodeDecode, nodeInflate, nodeRaw } from '../../src/xlsx/inflateNode';
import { run, type Io } from '../../src/cli/main';
import { t } from '../../src/i18n';
import { consolidatedInProcess, edits, unitWorkbook } from './corpus';

jest.setTimeout(180_000);

const AS_OF = new Date(2026, 0, 10);
const NAME = 'Trường THCS Nguyễn Du';
const READ = { inflate: nodeInflate, decode: nodeDecode, raw: nodeRaw, lang: 'vi' as const };

let files: { label: string; bytes: Uint8Array }[];
let result: ConsolidationResult;

beforeAll(async () => {
  const unit = (name: string, seed: number, more: Partial<Parameters<typeof unitWorkbook>[0]> = {}) => unitWorkbook({ name, type: 'Trường THCS', members: 24, seed, ...more });
  files = [
    // Two schools of one name, in two communes: other members, other place.
    { label: 'xa-hoa-binh/nguyen-du.xlsx', bytes: await unit(NAME, 11, { evaluatedAt: new Date(2025, 11, 10), prepare: edits.unitField('place', 'Xã Hòa Bình') }) },
    { label: 'xa-an-phu/nguyen-du.xlsx', bytes: await unit(NAME, 12, { evaluatedAt: new Date(2025, 11, 18), prepare: edits.unitField('place', 'Xã An Phú') }) },
    // One school sent again: its members, one figure mended, evaluated later.
    { label: 'le-loi-ban-dau.xlsx', bytes: await unit('Trường THCS Lê Lợi', 13, { evaluatedAt: new Date(2025, 11, 5) }) },
    { label: 'le-loi-ban-sua.xlsx', bytes: await unit('Trường THCS Lê Lợi', 13, { evaluatedAt: new Date(2025, 11, 15), prepare: edits.member(3, 'discipline', 'Không') }) },
    // Two small units of one name (three members, too few to tell by): told apart by their place.
    { label: 'mn-a.xlsx', bytes: await unit('Trường MN Hoa Sen', 14, { members: 3, evaluatedAt: new Date(2025, 11, 10), prepare: edits.unitField('place', 'Xã Tân Lập') }) },
    { label: 'mn-b.xlsx', bytes: await unit('Trường MN Hoa Sen', 15, { members: 3, evaluatedAt: new Date(2025, 11, 12), prepare: edits.unitField('place', 'Phường Bắc Sơn') }) },
  ];
  ({ result } = await consolidatedInProcess(files, AS_OF));
});

const status = (r: ConsolidationResult, file: string) => r.files.find((f) => f.file === file)!.status;
const flagsOf = (r: ConsolidationResult, file: string) => r.units.find((u) => u.file === file)?.record.flags ?? [];

test('two schools of one name are both kept and counted, each flagged naming both files and what differs', () => {
  expect(['xa-hoa-binh/nguyen-du.xlsx', 'xa-an-phu/nguyen-du.xlsx'].map((f) => status(result, f))).toEqual(['flagged', 'flagged']);
  const said = (file: string) => flagsOf(result, file).filter((f) => f.code === 'sameNameOtherData').map((f) => f.message);
  expect(said('xa-hoa-binh/nguyen-du.xlsx')).toEqual([expect.stringContaining('Tệp “xa-hoa-binh/nguyen-du.xlsx” và tệp “xa-an-phu/nguyen-du.xlsx” cùng tên đơn vị “Trường THCS Nguyễn Du”')]);
  expect(said('xa-an-phu/nguyen-du.xlsx')).toEqual([expect.stringContaining('Tệp “xa-an-phu/nguyen-du.xlsx” và tệp “xa-hoa-binh/nguyen-du.xlsx”')]);
  expect(said('xa-an-phu/nguyen-du.xlsx')[0]).toMatch(/danh sách thành viên khác nhau \(chỉ \d+\/24 họ tên trùng nhau\).*Đã tổng hợp cả hai tệp/);
  // Neither is called an older evaluation of the other.
  expect(result.files.flatMap((f) => f.reasons).filter((r) => r.includes('nguyen-du') && /cũ hơn/.test(r))).toEqual([]);
});

test('a unit that sent its workbook again is still one unit: the older evaluation is dropped as before', () => {
  expect(status(result, 'le-loi-ban-dau.xlsx')).toBe('duplicate');
  expect(result.files.find((f) => f.file === 'le-loi-ban-dau.xlsx')!.reasons.join(' ')).toMatch(/cũ hơn nên không tổng hợp/);
  expect(flagsOf(result, 'le-loi-ban-sua.xlsx').map((f) => f.code)).not.toContain('sameNameOtherData');
});

test('two small units of one name are told apart by “Địa danh”', () => {
  expect(['mn-a.xlsx', 'mn-b.xlsx'].map((f) => status(result, f))).toEqual(['flagged', 'flagged']);
  expect(flagsOf(result, 'mn-b.xlsx').find((f) => f.code === 'sameNameOtherData')!.message).toContain('“Địa danh” khác nhau (“Phường Bắc Sơn” và “Xã Tân Lập”)');
});

test('the counts add up: five units, one duplicate, every kept unit in the pass rates', () => {
  expect(result.summary).toMatchObject({ files: 6, units: 5, duplicates: 1, rejected: 0 });
  expect(result.counts.reduce((n, c) => n + c.count, 0)).toBe(5);
  const rate = result.passRates.find((p) => p.code === '2.1')!;
  expect(rate.evaluated + rate.leftOut).toBe(5);
});

test('the minutes keep both out until the officer has asked, stating the finding without the instructions', () => {
  const remark = flagsOf(result, 'xa-an-phu/nguyen-du.xlsx').find((f) => f.code === 'sameNameOtherData')!.message;
  expect(isBlockingRemark(remark)).toBe(true);
  expect(remarkFinding(remark)).toMatch(/^Một hồ sơ khác cùng tên đơn vị, cùng năm đánh giá nhưng danh sách thành viên khác nhau/);
  expect(remarkFinding(t('en', 'consolidate.flag.sameNameOtherData', { file: 'a.xlsx', other: 'b.xlsx', name: NAME, why: 'x' }))).toBe(t('en', 'officer.finding.sameNameOtherData', { why: 'x' }));
});

test('records that cross the reading threads give the same table as records read in-process', async () => {
  const outcomes = await Promise.all(files.map((f) => readUnitFile(f.bytes, f.label, READ)));
  const consolidate = (list: FileOutcome[]) => {
    const c = new Consolidation({ body: 'UBND xã Hòa Bình', tier: 'cấp xã', lang: 'vi', asOf: AS_OF });
    list.forEach((o, i) => c.add(o, i));
    return c.finish();
  };
  // Two threads, the files dealt out between them, as the pool does.
  const sent = [new PartSender(), new PartSender()];
  const received = [new PartReceiver(), new PartReceiver()];
  const crossed = (await Promise.all(files.map((f) => readUnitFile(f.bytes, f.label, READ)))).map((o, i) => received[i % 2]!.unpack(sent[i % 2]!.pack(o)));
  const view = (r: ConsolidationResult) => ({ summary: r.summary, files: r.files.map((f) => [f.file, f.status, f.reasons]) });
  const inProcess = view(consolidate(outcomes));
  expect(view(consolidate(crossed))).toEqual(inProcess);
  expect(inProcess).toEqual(view(result));
});

/** The command's output (stdout and stderr) for `list`, written under a folder of its own. */
async function commandSays(list: { label: string; bytes: Uint8Array }[]): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-same-name-'));
  try {
    for (const f of list) {
      fs.mkdirSync(path.dirname(path.join(dir, 'ho-so', f.label)), { recursive: true });
      fs.writeFileSync(path.join(dir, 'ho-so', f.label), f.bytes);
    }
    const lines: string[] = [];
    const io: Io = { out: (s) => lines.push(s), err: (s) => lines.push(s) };
    expect(await run(['consolidate', path.join(dir, 'ho-so'), '-o', path.join(dir, 'tong-hop.xlsx'), '--body', 'UBND xã Hòa Bình', '--tier', 'cấp xã'], io)).toBe(0);
    return lines.join('\n');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('the command says it too: both files, and what to check', async () => {
  const text = await commandSays(files);
  // Two pairs (four files): the heading holds for any number of files of one name.
  expect(text).toContain('Cùng tên đơn vị, cùng năm nhưng là số liệu của các đơn vị khác nhau — đã tổng hợp từng tệp, cần hỏi lại (4 tệp):');
  expect(text).toMatch(/- xa-an-phu\/nguyen-du\.xlsx: Tệp “xa-an-phu\/nguyen-du\.xlsx” và tệp “xa-hoa-binh\/nguyen-du\.xlsx” cùng tên đơn vị/);
  expect(text).toMatch(/- xa-hoa-binh\/nguyen-du\.xlsx: Tệp “xa-hoa-binh\/nguyen-du\.xlsx” và tệp “xa-an-phu\/nguyen-du\.xlsx”/);
});

test('three schools of one name: one remark a file, naming the two others and what differs from each', async () => {
  const unit = (seed: number, place: string) => unitWorkbook({ name: 'Trường TH Số 1', type: 'Trường tiểu học', members: 24, seed, evaluatedAt: new Date(2025, 11, 10 + seed - 20), prepare: edits.unitField('place', place) });
  const three = [
    { label: 'a/so-1.xlsx', bytes: await unit(20, 'Xã Tân Lập') },
    { label: 'b/so-1.xlsx', bytes: await unit(21, 'Xã An Phú') },
    { label: 'c/so-1.xlsx', bytes: await unit(22, 'Phường Bắc Sơn') },
  ];
  const { result: r } = await consolidatedInProcess(three, AS_OF);
  expect(r.summary).toMatchObject({ files: 3, units: 3, duplicates: 0 });
  const said = flagsOf(r, 'b/so-1.xlsx').filter((f) => f.code === 'sameNameOtherData').map((f) => f.message);
  expect(said).toHaveLength(1);
  expect(said[0]).toMatch(/^Tệp “b\/so-1\.xlsx” và 2 tệp khác cùng tên đơn vị “Trường TH Số 1”, cùng năm đánh giá nhưng số liệu khác nhau \(với “a\/so-1\.xlsx”: danh sách thành viên khác nhau \(chỉ \d+\/24 họ tên trùng nhau\); với “c\/so-1\.xlsx”: danh sách thành viên khác nhau/);
  expect(isBlockingRemark(said[0]!)).toBe(true);
  expect(remarkFinding(said[0]!)).toBe('2 hồ sơ khác cùng tên đơn vị, cùng năm đánh giá nhưng số liệu khác nhau: chưa xác định được số liệu là của đơn vị nào.');
  // The command's heading says neither “hai” nor “cả hai” of three files.
  const heading = (await commandSays(three)).split('\n').find((l) => l.startsWith('Cùng tên đơn vị'))!;
  expect(heading).toBe('Cùng tên đơn vị, cùng năm nhưng là số liệu của các đơn vị khác nhau — đã tổng hợp từng tệp, cần hỏi lại (3 tệp):');
  expect(heading).not.toMatch(/\bhai\b/);
});
