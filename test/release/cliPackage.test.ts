/**
 * The dvht command as `npm pack` makes it: only what the CLI needs, every module it requires is
 * Node's own or a declared dependency, and, unpacked where `npm install -g --prefix` puts it,
 * `dvht --version` and `dvht presets` run from there. It has no runtime dependency (the
 * workbook reader and writer are the project's own), so installing it needs no registry.
 * Needs `npm run build:node`, as `npm test` does.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { builtinModules } from 'module';
import { execFileSync, spawnSync } from 'child_process';

const ROOT = path.join(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  private?: boolean;
  bin: Record<string, string>;
  dependencies?: Record<string, string>;
  engines: { node: string };
};

let tmp: string;
let tgz: string;
let files: string[];

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-pack-'));
  // prepare (build:node) has run already in `npm test`: do not pay for it twice.
  const out = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', tmp], { cwd: ROOT, encoding: 'utf8' });
  const [info] = JSON.parse(out.slice(out.indexOf('['))) as { filename: string; files: { path: string }[] }[];
  tgz = path.join(tmp, info!.filename);
  files = info!.files.map((f) => f.path).sort();
}, 300_000);

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('the packed dvht command', () => {
  it('cannot be published by accident, and declares its command and Node version', () => {
    expect(pkg.private).toBe(true); // npm pack works; npm publish refuses
    expect(pkg.bin).toEqual({ dvht: 'bin/dvht.js' });
    expect(pkg.engines.node).toBe('>=20');
    expect(pkg.dependencies ?? {}).toEqual({});
  });

  it('holds only the compiled CLI, its entry point and the documents', () => {
    expect(path.basename(tgz)).toBe(`${pkg.name}-${pkg.version}.tgz`);
    const outside = files.filter((f) => !f.startsWith('build/node/') && !['bin/dvht.js', 'package.json', 'README.md', 'CHANGELOG.md', 'LICENSE'].includes(f));
    expect(outside).toEqual([]);
    expect(files).toEqual(expect.arrayContaining(['bin/dvht.js', 'build/node/cli/main.js', 'build/node/node/packageVersion.js', 'README.md', 'CHANGELOG.md', 'LICENSE']));
    expect(files.some((f) => f.endsWith('.ts') || f.endsWith('.map'))).toBe(false);
  });

  it('requires nothing but Node modules, its own files and its declared dependencies', () => {
    const builtins = new Set(builtinModules);
    const missing = new Set<string>();
    for (const f of files.filter((f) => f.endsWith('.js'))) {
      const code = fs.readFileSync(path.join(ROOT, f), 'utf8');
      for (const m of code.matchAll(/require\(["']([^"']+)["']\)/g)) {
        const id = m[1]!;
        if (id.startsWith('.') || id.startsWith('node:') || builtins.has(id)) continue;
        const name = id.startsWith('@') ? id.split('/').slice(0, 2).join('/') : id.split('/')[0]!;
        if (!(name in (pkg.dependencies ?? {}))) missing.add(`${f}: ${id}`);
      }
    }
    expect([...missing]).toEqual([]);
  });

  it('runs dvht --version and dvht presets from where npm install -g --prefix puts it', () => {
    const prefix = path.join(tmp, 'prefix');
    const installed = path.join(prefix, 'lib', 'node_modules', pkg.name);
    fs.mkdirSync(installed, { recursive: true });
    execFileSync('tar', ['-xzf', tgz, '-C', installed, '--strip-components=1']);
    fs.mkdirSync(path.join(installed, 'node_modules'));
    for (const dep of Object.keys(pkg.dependencies ?? {})) fs.symlinkSync(path.join(ROOT, 'node_modules', dep), path.join(installed, 'node_modules', dep));
    fs.mkdirSync(path.join(prefix, 'bin'));
    const bin = path.join(prefix, 'bin', 'dvht');
    fs.symlinkSync(path.join('..', 'lib', 'node_modules', pkg.name, pkg.bin.dvht!), bin);

    const elsewhere = fs.mkdtempSync(path.join(tmp, 'cwd-'));
    const run = (...args: string[]) => spawnSync(bin, args, { cwd: elsewhere, encoding: 'utf8', env: { ...process.env, NODE_PATH: '' } });
    const version = run('--version');
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toBe(pkg.version);
    const presets = run('presets');
    expect(presets.status).toBe(0);
    expect(presets.stdout).toMatch(/tt24-co-so-md1/);
    expect(presets.stderr).toBe('');
  });
});
