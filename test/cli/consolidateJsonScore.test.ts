/**
 * `dvht consolidate --json` says of a TT22 unit (100-point score) what its table row says: the
 * score and rating the unit recorded beside the recomputed ones, so a script reading the JSON
 * sees a typed-over score as the officer does.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run, type Io } from '../../src/cli/main';
import { edits, unitWorkbook } from '../consolidate/corpus';

jest.setTimeout(120_000);

interface UnitJson {
  name: string;
  outcome: { score: number | null; rating: string | null };
  recorded: { outcome: string; score: number | string | null; rating: string | null };
}

function capture(): Io & { json(): { units: UnitJson[] } } {
  const stdout: string[] = [];
  return { out: (s) => stdout.push(s), err: () => undefined, json: () => JSON.parse(stdout.join('\n')) };
}

let dir: string;
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it('a TT22 unit: recorded score and rating beside the recomputed ones; a TT24 unit: neither recorded', async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-consolidate-json-'));
  // 1.3 and 3.2 not met: 80 points, Khá; the unit typed 90 over its score.
  const typedOver = await unitWorkbook({
    name: 'Trường TH Bình An', type: 'Trường tiểu học', presetId: 'tt22-100', seed: 3,
    answers: { '1.3': 'Không đạt', '3.2': 'Không đạt' }, edit: edits.result('score', 90),
  });
  const tt24 = await unitWorkbook({ name: 'Trường THCS Nguyễn Du', type: 'Trường THCS', members: 20, seed: 1 });
  fs.writeFileSync(path.join(dir, 'b.xlsx'), typedOver);
  fs.writeFileSync(path.join(dir, 'd.xlsx'), tt24);
  const io = capture();
  await run(['consolidate', path.join(dir, 'b.xlsx'), path.join(dir, 'd.xlsx'), '-o', path.join(dir, 'th.xlsx'), '--json'], io);
  const byName = new Map(io.json().units.map((u) => [u.name, u]));
  const b = byName.get('Trường TH Bình An')!;
  expect([b.outcome.score, b.outcome.rating]).toEqual([80, 'Khá']);
  expect([b.recorded.score, b.recorded.rating]).toEqual([90, 'Khá']);
  const d = byName.get('Trường THCS Nguyễn Du')!;
  expect([d.recorded.score, d.recorded.rating]).toEqual([null, null]);
});
