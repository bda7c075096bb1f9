/**
 * How the reading threads (CLI) and Web Workers (pane) send records (src/usecases/consolidate/poolParts.ts): the part units of one rule
 * set share crosses once per thread, and every record comes back as the calling thread reads it.
 */
import { PartReceiver, PartSender, type PackedOutcome } from '../../src/usecases/consolidate/poolParts';
import { readUnitFile, type FileOutcome } from '../../src/usecases/consolidate';
import { rejectedFile } from '../../src/usecases/consolidate/readUnit';
import { nodeCrc32, nodeDecode, nodeInflate, nodeRaw } from '../../src/xlsx/inflateNode';
import { unitWorkbook } from './corpus';

const read = async (name: string, presetId: string, seed: number): Promise<FileOutcome> =>
  readUnitFile(await unitWorkbook({ name, presetId, members: 8, seed }), `${name}.xlsx`, { inflate: nodeInflate, decode: nodeDecode, raw: nodeRaw, crc32: nodeCrc32, lang: 'vi' });

/** Across threads a message is a copy. */
const cross = (p: PackedOutcome): PackedOutcome => structuredClone(p);

let outcomes: FileOutcome[];

beforeAll(async () => {
  outcomes = [await read('Trường số 1', 'tt24-tinh-md1', 1), await read('Trường số 2', 'tt24-tinh-md1', 2), await read('Trường tiểu học', 'tt22-100', 3), rejectedFile({ label: 'hong.xlsx', size: 3 }, 'Không mở được tệp')];
}, 60_000);

describe('records across the reading threads', () => {
  it('each comes back as read, key for key (the --json is the same text), rejected files too', () => {
    const sender = new PartSender();
    const receiver = new PartReceiver();
    for (const o of outcomes) {
      const back = receiver.unpack(cross(sender.pack(o)));
      expect(back).toEqual(o);
      expect(JSON.stringify(back)).toBe(JSON.stringify(o));
    }
  });

  it('units of one rule set share its part, sent once; another rule set keeps its own', () => {
    const sender = new PartSender();
    const receiver = new PartReceiver();
    const packed = outcomes.slice(0, 3).map((o) => sender.pack(o));
    expect(packed.map((p) => p.parts?.length ?? 0)).toEqual([1, 0, 1]);
    const [a, b, c] = packed.map((p) => receiver.unpack(cross(p)).unit!);
    expect(b!.ruleSet).toBe(a!.ruleSet);
    expect(b!.receiving.tiers).toBe(a!.receiving.tiers);
    expect(c!.ruleSet).not.toBe(a!.ruleSet);
    expect(c!.ruleSet.id).toBe('tt22-100');
    expect(a!.ruleSet.id).toBe('tt24-tinh-md1');
    expect(c!.indicators.map((i) => i.identity)).toEqual(outcomes[2]!.unit!.indicators.map((i) => i.identity));
    // Each unit's own figures stay its own.
    expect(b!.indicators).toEqual(outcomes[1]!.unit!.indicators);
    expect(b!.indicators).not.toBe(a!.indicators);
  });

  it('a unit whose rule set reads otherwise in any way (a text edited, keys in another order) gets a part of its own', () => {
    const sender = new PartSender();
    const receiver = new PartReceiver();
    const [a, b] = outcomes as [FileOutcome, FileOutcome];
    const edited: FileOutcome = structuredClone(b);
    edited.unit!.indicators[0]!.text += ' (sửa)';
    const reordered: FileOutcome = structuredClone(b);
    const { name, ...rest } = reordered.unit!.ruleSet;
    reordered.unit!.ruleSet = { ...rest, name };
    const packed = [a, edited, reordered, b].map((o) => sender.pack(o));
    expect(packed.map((p) => p.parts?.length ?? 0)).toEqual([1, 1, 1, 0]);
    const back = packed.map((p) => receiver.unpack(cross(p)));
    expect(JSON.stringify(back[1])).toBe(JSON.stringify(edited));
    expect(JSON.stringify(back[2])).toBe(JSON.stringify(reordered));
    expect(back[3]!.unit!.ruleSet).toBe(back[0]!.unit!.ruleSet);
  });

  it('a part never sent is an error, not a record with another rule set', () => {
    const sender = new PartSender();
    sender.pack(outcomes[0]!);
    expect(() => new PartReceiver().unpack(cross(sender.pack(outcomes[1]!)))).toThrow(/never sent/);
  });
});
