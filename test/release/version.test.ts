/** One version (package.json) for the CLI and the workbooks it writes; the CHANGELOG has its entry. */
import * as fs from 'fs';
import * as path from 'path';
import { APP_VERSION } from '../../src/version';
import { APP_VERSION as WRITTEN_VERSION } from '../../src/usecases/evaluate';
import { packageVersion } from '../../src/node/packageVersion';
import { run, type Io } from '../../src/cli/main';

const ROOT = path.join(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };

function capture(): Io & { lines: string[] } {
  const lines: string[] = [];
  return { lines, out: (s) => lines.push(s), err: (s) => lines.push(s) };
}

describe('version', () => {
  it('is package.json’s version, in the use-cases that stamp workbooks too', () => {
    expect(APP_VERSION).toBe(pkg.version);
    expect(WRITTEN_VERSION).toBe(pkg.version);
  });

  it('is found from a compiled location deeper in the package', () => {
    expect(packageVersion(path.join(ROOT, 'build', 'node', 'node'))).toBe(pkg.version);
  });

  it('dvht --version and dvht version print it and exit 0', async () => {
    for (const argv of [['--version'], ['version']]) {
      const io = capture();
      expect(await run(argv, io)).toBe(0);
      expect(io.lines).toEqual([pkg.version]);
    }
  });

  it('has a CHANGELOG entry for the current version, in Vietnamese and English', () => {
    const log = fs.readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8');
    const entry = log.split(/^## /m).find((s) => s.startsWith(`[${pkg.version}]`));
    expect(entry).toBeDefined();
    expect(entry).toMatch(/### Thêm mới/);
    // Either separate Vietnamese and English sections (0.1.0) or one bilingual heading (“### Thêm mới / Added”).
    expect(entry).toMatch(/### (Thêm mới \/ )?Added/);
  });
});
