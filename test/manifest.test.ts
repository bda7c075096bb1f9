/**
 * @jest-environment jsdom
 *
 * Offline check of manifest.xml (the online validator, `npm run validate:online`, needs
 * Microsoft's service). jsdom's XML parser rejects malformed XML; the rest are the rules
 * Office applies when it loads a manifest, plus ours: the minimum ExcelApi matches the code,
 * every string has a vi-VN override, every icon file exists at its declared size.
 */
import * as fs from 'fs';
import * as path from 'path';
import { MINIMUM_API } from '../src/workbook/office/requirements';

const ROOT = path.join(__dirname, '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS script of scripts/
const { rewriteManifest, DEV_URL } = require('../scripts/manifestUrl.js') as {
  rewriteManifest(xml: string, url: string | undefined): string;
  DEV_URL: string;
};

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function parse(xml: string): Document {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`manifest.xml is not well-formed XML: ${error.textContent}`);
  return doc;
}

/** Elements by local name, whatever their namespace prefix. */
function all(root: Document | Element, name: string): Element[] {
  return Array.from(root.getElementsByTagNameNS('*', name));
}

function one(root: Document | Element, name: string): Element {
  const found = all(root, name);
  if (found.length !== 1) throw new Error(`expected one <${name}>, found ${found.length}`);
  return found[0]!;
}

function children(e: Element): Element[] {
  return Array.from(e.children);
}

/** The direct child of that name (top-level elements share names with nested ones). */
function child(e: Element, name: string): Element {
  const found = children(e).find((x) => x.localName === name);
  if (!found) throw new Error(`no <${name}> in <${e.localName}>`);
  return found;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const buf = fs.readFileSync(file);
  expect(buf.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(buf.toString('ascii', 12, 16)).toBe('IHDR');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** A manifest URL under the dev root → the file the build serves there. */
function localFile(url: string): string {
  expect(url.startsWith(DEV_URL)).toBe(true);
  return path.join(ROOT, url.slice(DEV_URL.length));
}

const source = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const doc = parse(source);
const root = doc.documentElement;

describe('manifest.xml', () => {
  it('is a task pane add-in for Excel with the elements in schema order', () => {
    expect(root.localName).toBe('OfficeApp');
    expect(root.getAttribute('xsi:type')).toBe('TaskPaneApp');
    expect(children(root).map((e) => e.localName)).toEqual([
      'Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl',
      'HighResolutionIconUrl', 'SupportUrl', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions', 'VersionOverrides',
    ]);
    expect(one(root, 'Id').textContent).toMatch(GUID);
    expect(one(root, 'Version').textContent).toMatch(/^\d+(\.\d+){0,3}$/);
    expect(children(root).find((e) => e.localName === 'Hosts')!.children[0]!.getAttribute('Name')).toBe('Workbook');
    expect(one(root, 'Permissions').textContent).toBe('ReadWriteDocument');
    expect(one(child(root, 'DefaultSettings'), 'SourceLocation').getAttribute('DefaultValue')).toBe('https://localhost:3000/taskpane.html');
  });

  it('requires the ExcelApi the code uses unconditionally, and no more', () => {
    const sets = all(child(root, 'Requirements'), 'Set');
    expect(sets.map((s) => [s.getAttribute('Name'), s.getAttribute('MinVersion')])).toEqual([['ExcelApi', MINIMUM_API]]);
  });

  it('puts a "ĐVHT" group with a button opening the pane on the Home tab', () => {
    const tab = one(root, 'OfficeTab');
    expect(tab.getAttribute('id')).toBe('TabHome');
    const group = one(tab, 'Group');
    const label = one(doc, 'ShortStrings');
    const groupLabel = all(label, 'String').find((s) => s.getAttribute('id') === child(group, 'Label').getAttribute('resid'))!;
    expect(groupLabel.getAttribute('DefaultValue')).toBe('ĐVHT');
    const control = one(group, 'Control');
    expect(control.getAttribute('xsi:type')).toBe('Button');
    const action = one(control, 'Action');
    expect(action.getAttribute('xsi:type')).toBe('ShowTaskpane');
    const taskpaneUrl = all(doc, 'Url').find((u) => u.getAttribute('id') === one(action, 'SourceLocation').getAttribute('resid'))!;
    expect(taskpaneUrl.getAttribute('DefaultValue')).toBe('https://localhost:3000/taskpane.html');
  });

  it('has unique ids, and every resid points at a resource of the right kind', () => {
    const ids = all(doc, '*').map((e) => e.getAttribute('id')).filter((id): id is string => id !== null);
    expect(new Set(ids).size).toBe(ids.length);
    const kindOf = new Map<string, string>();
    for (const kind of ['Images', 'Urls', 'ShortStrings', 'LongStrings']) {
      for (const e of children(one(doc, kind))) {
        const id = e.getAttribute('id')!;
        expect(id.length).toBeLessThanOrEqual(32); // schema limit on resource ids
        kindOf.set(id, kind);
      }
    }
    const used = new Set<string>();
    for (const e of all(doc, '*').filter((x) => x.hasAttribute('resid'))) {
      const resid = e.getAttribute('resid')!;
      used.add(resid);
      const expected =
        e.localName === 'Image' ? 'Images'
        : ['SourceLocation', 'FunctionFile', 'LearnMoreUrl'].includes(e.localName) ? 'Urls'
        : e.localName === 'Description' ? 'LongStrings'
        : 'ShortStrings';
      expect({ resid, kind: kindOf.get(resid) }).toEqual({ resid, kind: expected });
    }
    expect([...kindOf.keys()].filter((id) => !used.has(id))).toEqual([]);
  });

  it('sends “support” and “learn more” to the help page (what each step does), not to the preview', () => {
    // SupportUrl: "the URL of a page that provides support information for your add-in".
    const urls = new Map(children(one(doc, 'Urls')).map((e) => [e.getAttribute('id')!, e.getAttribute('DefaultValue')!]));
    const learnMore = urls.get(one(doc, 'LearnMoreUrl').getAttribute('resid')!)!;
    for (const url of [child(root, 'SupportUrl').getAttribute('DefaultValue')!, learnMore]) {
      expect(url).toBe(`${DEV_URL}help.html`);
      expect(fs.existsSync(path.join(ROOT, 'src/hosts/help/help.html'))).toBe(true);
    }
  });

  it('uses https for every URL', () => {
    const urls = [
      ...['IconUrl', 'HighResolutionIconUrl', 'SupportUrl'].map((n) => child(root, n).getAttribute('DefaultValue') ?? ''),
      one(child(root, 'DefaultSettings'), 'SourceLocation').getAttribute('DefaultValue') ?? '',
      ...[...children(one(doc, 'Images')), ...children(one(doc, 'Urls'))].map((e) => e.getAttribute('DefaultValue') ?? ''),
    ];
    expect(urls.length).toBeGreaterThan(8);
    for (const url of urls) expect(url).toMatch(/^https:\/\/[^\s]+$/);
  });

  it('has English defaults and a vi-VN override for every string, within Office length limits', () => {
    expect(one(root, 'DefaultLocale').textContent).toBe('en-US');
    const strings = [
      { e: child(root, 'DisplayName'), max: 125, attr: 'Value' },
      { e: child(root, 'Description'), max: 250, attr: 'Value' },
      ...children(one(doc, 'ShortStrings')).map((e) => ({ e, max: 125, attr: 'Value' })),
      ...children(one(doc, 'LongStrings')).map((e) => ({ e, max: 250, attr: 'Value' })),
    ];
    for (const { e, max, attr } of strings) {
      const english = e.getAttribute('DefaultValue') ?? '';
      expect(english.trim()).not.toBe('');
      expect(english.length).toBeLessThanOrEqual(max);
      const overrides = all(e, 'Override');
      expect({ id: e.getAttribute('id') ?? e.localName, locales: overrides.map((o) => o.getAttribute('Locale')) }).toEqual({
        id: e.getAttribute('id') ?? e.localName,
        locales: ['vi-VN'],
      });
      const vietnamese = overrides[0]!.getAttribute(attr) ?? '';
      expect(vietnamese.trim()).not.toBe('');
      expect(vietnamese.length).toBeLessThanOrEqual(max);
    }
    const displayName = child(root, 'DisplayName');
    expect(one(displayName, 'Override').getAttribute('Value')).toBe('ĐVHT cho Excel');
  });

  it('declares icons that exist in assets/ at their declared sizes', () => {
    const expectSize = (url: string, size: number) => {
      const { width, height } = pngSize(localFile(url));
      expect({ url, width, height }).toEqual({ url, width: size, height: size });
    };
    expectSize(child(root, 'IconUrl').getAttribute('DefaultValue')!, 32);
    expectSize(child(root, 'HighResolutionIconUrl').getAttribute('DefaultValue')!, 64);
    const images = new Map(children(one(doc, 'Images')).map((e) => [e.getAttribute('id')!, e.getAttribute('DefaultValue')!]));
    const uses = all(doc, 'Image').filter((e) => e.hasAttribute('resid'));
    expect(uses.length).toBeGreaterThan(0);
    for (const use of uses) expectSize(images.get(use.getAttribute('resid')!)!, Number(use.getAttribute('size')));
  });

  it('is rewritten for production to the hosting address, keeping every path', () => {
    const prod = rewriteManifest(source, 'https://dvht.example.edu.vn/addin');
    expect(prod).not.toContain('localhost');
    const rewritten = parse(prod);
    expect(one(child(rewritten.documentElement, 'DefaultSettings'), 'SourceLocation').getAttribute('DefaultValue')).toBe('https://dvht.example.edu.vn/addin/taskpane.html');
    expect(prod.split('https://dvht.example.edu.vn/addin/').length).toBe(source.split(DEV_URL).length);
    expect(rewriteManifest(source, undefined)).toBe(source);
    expect(() => rewriteManifest(source, 'http://dvht.example.edu.vn/')).toThrow(/https/);
  });
});
