/**
 * No network, no leaks: what the production bundle can reach, and what the install pulls in.
 * The browser tests watch requests at run time; this looks at the shipped code itself.
 */
import * as fs from 'fs';
import * as path from 'path';
import { buildPages, ROOT, WEB_ROOT } from '../browser/support/build';

/** The test-only fake of Office.js is built beside the pages but never shipped. */
const TEST_ONLY = new Set(['fake-office.js']);

/**
 * Hosts that appear in the bundle as text, never as a request: XML namespaces in the .xlsx
 * parts ExcelJS writes, and links inside error messages and licence comments.
 */
const TEXT_ONLY_HOSTS = new Set([
  'schemas.openxmlformats.org',
  'schemas.microsoft.com',
  'www.w3.org',
  'purl.org',
  // ISO/IEC 29500 Strict's namespaces: how a strict workbook is recognised (src/xlsx/package.ts), never fetched.
  'purl.oclc.org',
  'react.dev',
  'github.com',
  'raw.github.com',
  'stuk.github.io',
  'feross.org',
  'stuartk.com',
]);

const NETWORK_APIS = ['fetch(', 'XMLHttpRequest', 'sendBeacon', 'WebSocket', 'EventSource', 'RTCPeerConnection'];
/** Whole words, case-sensitive as they are spelled in their SDKs ("Entry" must not match "sentry"). */
const ANALYTICS = [/google-analytics/, /googletagmanager/, /\bgtag\(/, /applicationinsights/i, /\bappInsights\b/, /@sentry\b/, /\bSentry\./, /\bmixpanel\b/i, /segment\.(io|com)/, /\bhotjar\b/i, /clarity\.ms/];

let shipped: Map<string, string>;

beforeAll(async () => {
  await buildPages();
  shipped = new Map();
  for (const name of fs.readdirSync(WEB_ROOT)) {
    if (TEST_ONLY.has(name) || !/\.(js|html)$/.test(name)) continue;
    shipped.set(name, fs.readFileSync(path.join(WEB_ROOT, name), 'utf8'));
  }
}, 600_000);

describe('the production bundle', () => {
  it('has the pages, the pane and the worker', () => {
    expect([...shipped.keys()]).toEqual(expect.arrayContaining(['taskpane.html', 'preview.html', 'taskpane.js', 'preview.js', 'shared.js', 'consolidate.worker.js']));
  });

  it('calls no network API', () => {
    const found = [...shipped].flatMap(([file, text]) => NETWORK_APIS.filter((api) => text.includes(api)).map((api) => `${file}: ${api}`));
    expect(found).toEqual([]);
  });

  it('carries no analytics or telemetry', () => {
    const found = [...shipped].flatMap(([file, text]) => ANALYTICS.filter((re) => re.test(text)).map((re) => `${file}: ${re.source}`));
    expect(found).toEqual([]);
  });

  it('names no remote host except as text (XML namespaces, links in messages)', () => {
    const hosts = new Set<string>();
    for (const text of shipped.values()) for (const m of text.matchAll(/\bhttps?:\/\/([a-z0-9.-]+)/gi)) hosts.add(m[1]!.toLowerCase());
    expect([...hosts].filter((h) => !TEXT_ONLY_HOSTS.has(h) && h !== 'localhost')).toEqual([]);
  });

  it('loads every script of its pages from its own origin', () => {
    for (const page of ['taskpane.html', 'preview.html', 'commands.html']) {
      // The minified pages leave attribute values unquoted.
      const sources = [...shipped.get(page)!.matchAll(/<script[^>]*\ssrc=(?:"([^"]+)"|([^\s>]+))/g)].map((m) => m[1] ?? m[2]!);
      expect(sources.length).toBeGreaterThan(0);
      for (const src of sources) expect(src).not.toMatch(/^(https?:)?\/\//);
    }
  });

  it('keeps ExcelJS out of the pane Excel loads (only the preview reads files itself)', () => {
    expect(shipped.get('taskpane.js')).not.toContain('schemas.openxmlformats.org');
    expect(shipped.get('shared.js')).not.toContain('schemas.openxmlformats.org');
  });
});

describe('dependencies', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
    devDependencies: Record<string, string>;
    overrides: Record<string, string>;
  };
  const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string; resolved?: string }> };
  const versions = (name: string) =>
    Object.entries(lock.packages)
      .filter(([p]) => p === `node_modules/${name}` || p.endsWith(`/node_modules/${name}`))
      .map(([, v]) => v.version!);
  const atLeast = (v: string, min: number[]) => {
    const parts = v.split('.').map(Number);
    for (let i = 0; i < min.length; i++) if (parts[i] !== min[i]) return parts[i]! > min[i]!;
    return true;
  };

  it('are pinned to exact versions', () => {
    const loose = Object.entries({ ...pkg.dependencies, ...pkg.devDependencies }).filter(([, v]) => !/^\d+\.\d+\.\d+$/.test(v));
    expect(loose).toEqual([]);
  });

  it('override the vulnerable uuid and tmp that ExcelJS asks for', () => {
    expect(Object.keys(pkg.overrides)).toEqual(expect.arrayContaining(['uuid', 'tmp']));
    // uuid < 11.1.1 (missing buffer bounds check), tmp < 0.2.4 (symlink write outside tmpdir).
    expect(versions('uuid').length).toBeGreaterThan(0);
    for (const v of versions('uuid')) expect(atLeast(v, [11, 1, 1])).toBe(true);
    expect(versions('tmp').length).toBeGreaterThan(0);
    for (const v of versions('tmp')) expect(atLeast(v, [0, 2, 4])).toBe(true);
  });

  it('install from the registry alone on Linux (no unrs-resolver: its platform bindings are not published there)', () => {
    expect(versions('unrs-resolver')).toEqual([]);
  });

  it('come from the npm registry only', () => {
    const elsewhere = Object.entries(lock.packages).filter(([, v]) => v.resolved !== undefined && !v.resolved.startsWith('https://registry.npmjs.org/'));
    expect(elsewhere).toEqual([]);
  });
});
