/** An eslint-disable comment says why (`-- reason`): a rule is switched off only for a stated reason. */
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : files(p);
    return /\.(tsx?|m?js|cjs)$/.test(e.name) ? [p] : [];
  });
}

test('every eslint-disable comment gives its reason', () => {
  const bare = ['src', 'test', 'scripts']
    .flatMap((d) => files(path.join(ROOT, d)))
    .filter((f) => f !== __filename)
    .flatMap((f) =>
      fs
        .readFileSync(f, 'utf8')
        .split('\n')
        .map((line, i) => ({ at: `${path.relative(ROOT, f)}:${i + 1}`, line }))
        .filter(({ line }) => /eslint-disable/.test(line) && !/eslint-disable\S*\s.*\s--\s+\S/.test(line)),
    )
    .map(({ at }) => at);
  expect(bare).toEqual([]);
});
