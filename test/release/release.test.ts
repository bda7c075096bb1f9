/**
 * `npm run release -- --url …` built once for a test address: what a province hosts (manifest
 * URLs, Office.js from the CDN, CSPs, no development address, the installation guide, the
 * service worker's file list), a zip that is the same bytes every time, and, in Chromium, the
 * preview still opening and evaluating the sample after its server is gone, then offering the
 * next release when one is hosted.
 */
import * as fs from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import type { Browser } from 'playwright-core';
import { launch, openSession } from '../browser/support/browser';
import { serveBuild } from '../browser/support/server';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the release scripts are CommonJS JavaScript
const { release } = require('../../scripts/release.js') as {
  release(o: { url: string; out: string; pack?: boolean }): Promise<{ web: string; zip: string }>;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the release scripts are CommonJS JavaScript
const { zipFolder, listFiles } = require('../../scripts/release/zip.js') as {
  zipFolder(dir: string, root: string): Buffer;
  listFiles(dir: string): string[];
};

const ROOT = path.join(__dirname, '..', '..');
const OUT = path.join(ROOT, 'test-output', 'release');
const URL_ = 'https://so-gd.example.vn/dvht/';
const CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const { name: PACKAGE, version: VERSION } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };

let web: string;
let zip: string;
const read = (f: string) => fs.readFileSync(path.join(web, f), 'utf8');
const csp = (html: string) => /http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(html)?.[1];

beforeAll(async () => {
  ({ web, zip } = await release({ url: 'https://so-gd.example.vn/dvht', out: OUT, pack: false }));
}, 900_000);

describe('npm run release', () => {
  it('rewrites every manifest URL to the hosting address', () => {
    const manifest = read('manifest.xml');
    const urls = [...manifest.matchAll(/DefaultValue="(https?:[^"]+)"/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThan(5);
    expect(urls.filter((u) => !u.startsWith(URL_))).toEqual([]);
    expect(manifest).toContain(`<SourceLocation DefaultValue="${URL_}taskpane.html"/>`);
    expect(manifest).toContain(`<Version>${VERSION}.0</Version>`);
    // Every file the manifest names is in the release.
    for (const u of urls) expect(fs.existsSync(path.join(web, u.slice(URL_.length)))).toBe(true);
  });

  it('says in the released manifest what it is: the version and the address, no development notes', () => {
    const manifest = read('manifest.xml');
    const comments = [...manifest.matchAll(/<!--([\s\S]*?)-->/g)].map((m) => m[1]!);
    expect(comments.join('\n')).not.toMatch(/npm start|Development|localhost/);
    expect(comments.join('\n')).toContain(VERSION);
    expect(comments.join('\n')).toContain(URL_);
  });

  it('serves every page from the hosting folder: each script, style, icon and link a page names is in the release, by a relative path', () => {
    for (const page of listFiles(web).filter((f) => f.endsWith('.html'))) {
      const refs = [...read(page).matchAll(/\s(?:src|href)="?([^"\s>]+)/g)].map((m) => m[1]!).filter((u) => !u.startsWith(CDN) && !u.startsWith('#'));
      expect(refs.length).toBeGreaterThan(0);
      // A path from the server's root (/…) would leave https://HOST/PATH/ for https://HOST/.
      expect({ page, absolute: refs.filter((u) => /^(\/|[a-z]+:)/i.test(u) && !u.startsWith(URL_)) }).toEqual({ page, absolute: [] });
      for (const u of refs) expect({ page, u, exists: fs.existsSync(path.join(web, u.startsWith(URL_) ? u.slice(URL_.length) : u.split(/[?#]/)[0]!)) }).toEqual({ page, u, exists: true });
    }
  });

  it('names the scripts by their content, so that a school never runs a new page with an older cached script', () => {
    const scripts = listFiles(web).filter((f) => f.endsWith('.js'));
    // sw.js is found by its name (browsers check it on every visit); the worker is started by its name;
    // legacy-webview.js is copied as it is, for web views older than the bundles (web.config has them revalidated).
    const fixed = ['consolidate.worker.js', 'legacy-webview.js', 'sw.js'];
    expect(scripts.filter((f) => !fixed.includes(f) && !/\.[0-9a-f]{8}\.js$/.test(f))).toEqual([]);
    expect(scripts.filter((f) => /^excel-files\.[0-9a-f]{8}\.js$/.test(f))).toHaveLength(1); // the chunk loaded on demand too
    for (const page of ['taskpane.html', 'preview.html', 'help.html', 'commands.html']) {
      const own = [...read(page).matchAll(/<script[^>]* src="?([^"\s>]+)/g)].map((m) => m[1]!).filter((u) => !u.startsWith(CDN) && !fixed.includes(u));
      expect(own.length).toBeGreaterThan(0);
      for (const u of own) expect(u).toMatch(/^[a-z.-]+\.[0-9a-f]{8}\.js$/);
    }
  });

  it('holds a web.config for IIS that serves the web app manifest (IIS answers 404 for an extension it does not know) and has every file revalidated', () => {
    const config = read('web.config');
    const tags = (name: string) => [...config.matchAll(new RegExp(`<${name}\\s([^>]*)/>`, 'g'))].map((m) => Object.fromEntries([...m[1]!.matchAll(/(\w+)="([^"]*)"/g)].map((a) => [a[1], a[2]])));
    expect(tags('mimeMap')).toContainEqual({ fileExtension: '.webmanifest', mimeType: 'application/manifest+json' });
    // Removed first: a server that already maps it would otherwise refuse the whole folder (error 500.19).
    expect(tags('remove')).toContainEqual({ fileExtension: '.webmanifest' });
    expect(config.indexOf('<remove fileExtension=".webmanifest"')).toBeLessThan(config.indexOf('<mimeMap fileExtension=".webmanifest"'));
    // Every file asked again each time (an unchanged one costs a 304), so that an update reaches every school at once.
    expect(tags('clientCache')).toContainEqual({ cacheControlMode: 'DisableCache' });
    expect(config).not.toMatch(/X-Frame-Options|frame-ancestors/); // Excel on the web shows the pane in a frame
  });

  it('loads Office.js from Microsoft’s CDN in the pages Excel opens, and ships no copy of it', () => {
    for (const page of ['taskpane.html', 'commands.html']) expect(read(page)).toContain(`<script src=${CDN}></script>`);
    expect(fs.existsSync(path.join(web, 'office-js'))).toBe(false);
    expect(read('preview.html')).not.toContain('office.js');
  });

  it('gives every page a CSP of its own origin (and the CDN only where Office.js is loaded)', () => {
    // Every page the build makes (the help page too, once it is one), and at least these.
    const pages = listFiles(web).filter((f) => f.endsWith('.html'));
    expect(pages).toEqual(expect.arrayContaining(['HUONG-DAN-CAI-DAT.html', 'commands.html', 'preview.html', 'taskpane.html']));
    for (const page of pages) {
      const html = read(page);
      const policy = csp(html);
      expect(policy).toContain("default-src 'self'");
      expect(policy).toContain("object-src 'none'");
      expect(policy).not.toMatch(/unsafe-eval|\*/);
      const origins = policy!.match(/https?:\/\/[^\s;]+/g) ?? [];
      if (html.includes(`<script src=${CDN}>`)) expect(new Set(origins)).toEqual(new Set(['https://appsforoffice.microsoft.com']));
      else expect(origins).toEqual([]);
    }
  });

  it('has no page, script or manifest that refers to this machine', () => {
    const local = listFiles(web).filter((f) => /\.(html|xml|webmanifest|json)$|^sw\.js$/.test(f) && /localhost|127\.0\.0\.1/.test(read(f)));
    expect(local).toEqual([]);
    expect(listFiles(web).filter((f) => f.endsWith('.map'))).toEqual([]);
  });

  it('holds the installation guide: three routes and the preview’s address, Vietnamese first', () => {
    const guide = read('HUONG-DAN-CAI-DAT.html');
    expect(guide).toContain(`${URL_}manifest.xml`);
    expect(guide).toContain(`${URL_}preview.html`);
    for (const route of ['Integrated apps', 'Trusted Add-in Catalogs', 'Upload My Add-in']) expect(guide).toContain(route);
    expect(guide.indexOf('Cách 1')).toBeLessThan(guide.indexOf('Route 1'));
    expect(guide).toContain(VERSION);
    // Which Excel runs the pane: Office 2016/2019 volume-licensed opens add-ins in Internet Explorer (docs/hosting.md).
    expect(guide).not.toContain('Cần Excel 2019 trở lên');
    expect(guide.match(/WebView2/g)?.length).toBeGreaterThanOrEqual(2); // Vietnamese and English
    expect(guide).toMatch(/mua theo số lượng/);
  });

  it('builds the version from package.json into the pages', () => {
    const scripts = listFiles(web).filter((f) => f.endsWith('.js')).map(read).join('\n');
    expect(scripts).toContain(JSON.stringify(VERSION));
    expect(scripts).not.toContain('packageVersion'); // the Node reader stays out of the browser build
  });

  it('lets the service worker keep every page and asset the preview needs, and the app be installed', () => {
    const sw = read('sw.js');
    const precache = JSON.parse(JSON.parse(/JSON\.parse\(("(?:[^"\\]|\\.)*")\)/.exec(sw)![1]!) as string) as { build: string; files: string[] };
    expect(precache.build).toMatch(/^[0-9a-f]{16}$/);
    const expected = listFiles(web).filter((f) => !/\.LICENSE\.txt$|^manifest\.xml$|^sw\.js$|^web\.config$/.test(f));
    expect(precache.files).toEqual(expected);
    expect(read('preview.html')).toContain('<link rel=manifest href=app.webmanifest>');
    const app = JSON.parse(read('app.webmanifest')) as { start_url: string; display: string; icons: { src: string; sizes: string }[] };
    expect(app.start_url).toBe('preview.html');
    expect(app.display).toBe('standalone');
    expect(app.icons.some((i) => parseInt(i.sizes, 10) >= 144)).toBe(true);
    for (const icon of app.icons) expect(fs.existsSync(path.join(web, icon.src))).toBe(true);
  });

  it('zips the folder reproducibly: sorted entries, fixed times, relative paths, same bytes each time', async () => {
    const again = zipFolder(web, `${PACKAGE}-${VERSION}`);
    expect(Buffer.compare(fs.readFileSync(zip), again)).toBe(0);
    expect(path.basename(zip)).toBe(`${PACKAGE}-${VERSION}-web.zip`);
    const archive = await JSZip.loadAsync(again);
    const names = Object.values(archive.files).map((f) => f.name);
    expect(names).toEqual(listFiles(web).map((f) => `${PACKAGE}-${VERSION}/${f}`));
    for (const f of Object.values(archive.files)) expect(f.date.getUTCFullYear()).toBeLessThanOrEqual(1980);
    const guide = await archive.file(`${PACKAGE}-${VERSION}/HUONG-DAN-CAI-DAT.html`)!.async('string');
    expect(guide).toBe(read('HUONG-DAN-CAI-DAT.html'));
  });
});

describe('the released preview offline (Chromium)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('works after its server is gone, and offers the next release when one is hosted', async () => {
    // A copy, so that a "next release" can be hosted by changing its sw.js.
    // Served under a path, as a province hosts it (https://HOST/dvht/): nothing may be asked for outside it.
    const served = path.join(OUT, 'served');
    const site = path.join(served, 'dvht');
    fs.rmSync(served, { recursive: true, force: true });
    fs.cpSync(web, site, { recursive: true });
    let server = await serveBuild(served);
    const port = Number(new URL(server.origin).port);
    const session = await openSession(browser, 'release preview offline');
    const { page } = session;
    const requested: string[] = [];
    session.context.on('request', (r) => requested.push(r.url()));
    try {
      const status = page.locator('#dvht-offline-status');
      await page.goto(`${server.origin}/dvht/preview.html`);
      await status.filter({ hasText: `Đã sẵn sàng dùng ngoại tuyến · phiên bản ${VERSION}` }).waitFor({ timeout: 120_000 });
      await session.shot('ready offline');

      await server.close();
      await expect(fetch(`${server.origin}/dvht/preview.html`)).rejects.toThrow();
      await page.reload();
      await page.getByRole('button', { name: 'Dữ liệu mẫu' }).click();
      await page.getByText(/Đã tạo sổ mẫu/).waitFor();
      const pane = page.getByRole('region', { name: 'Ngăn ĐVHT' });
      await pane.getByRole('button', { name: 'Tạo các trang' }).click();
      // In its bar (a MessageBar is a group); the status region says it too, for screen readers.
      await pane.getByRole('group').getByText('Đã chuẩn bị sổ đánh giá').waitFor();
      await pane.getByRole('tab', { name: /Đánh giá/ }).click();
      await pane.getByRole('button', { name: 'Đánh giá', exact: true }).click();
      await pane.getByTestId('outcome').waitFor({ timeout: 60_000 });
      expect(await pane.getByTestId('outcome').innerText()).toMatch(/điều kiện công nhận/);
      await expect(status.getAttribute('data-state')).resolves.toBe('ready');
      await session.shot('evaluated offline');

      // The next release at the same address: a different sw.js is found, installed and offered.
      const sw = fs.readFileSync(path.join(site, 'sw.js'), 'utf8');
      const next = sw.replace(/\\"build\\":\\"[0-9a-f]{16}\\"/, '\\"build\\":\\"0000000000000000\\"');
      expect(next).not.toBe(sw);
      fs.writeFileSync(path.join(site, 'sw.js'), next);
      server = await serveBuild(served, port);
      await page.reload();
      await status.filter({ hasText: 'Đã có phiên bản mới' }).waitFor({ timeout: 120_000 });
      await session.shot('update offered');
      await status.getByRole('button', { name: 'Cập nhật' }).click();
      await status.filter({ hasText: 'Đã sẵn sàng dùng ngoại tuyến' }).waitFor({ timeout: 60_000 });
      await expect(page.evaluate(() => caches.keys())).resolves.toEqual(['dvht-0000000000000000']);

      expect(session.outside).toEqual([]);
      expect(requested.filter((u) => !u.startsWith(`${server.origin}/dvht/`) && !/^(data|blob):/.test(u))).toEqual([]);
      expect(requested.some((u) => /\/dvht\/shared\.[0-9a-f]{8}\.js$/.test(u))).toBe(true);
      expect(session.errors.filter((e) => !/ERR_CONNECTION_REFUSED|Failed to load resource/.test(e))).toEqual([]);
    } finally {
      await session.close();
      await server.close();
    }
  }, 600_000);

  it('tells a school whose Excel opens add-ins in Internet Explorer or the old Edge (Office 2016/2019) to use the preview, instead of a blank pane', async () => {
    const served = path.join(OUT, 'served-pane');
    fs.rmSync(served, { recursive: true, force: true });
    fs.cpSync(web, path.join(served, 'dvht'), { recursive: true });
    const server = await serveBuild(served);
    const agents = {
      // Office 2019 volume-licensed: Trident (IE 11's web view).
      trident: 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko',
      // Office 2016/2019 retail without WebView2: EdgeHTML.
      edgeHtml: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19045',
      webView2: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0',
    };
    try {
      for (const [name, userAgent] of Object.entries(agents)) {
        const context = await browser.newContext({ userAgent, locale: 'vi-VN' });
        // Office.js is Microsoft's to serve; here it is simply absent.
        await context.route(/appsforoffice\.microsoft\.com/, (route) => route.abort());
        try {
          const page = await context.newPage();
          await page.goto(`${server.origin}/dvht/taskpane.html`);
          const notice = page.getByRole('alert').filter({ hasText: 'trình duyệt cũ' });
          if (name === 'webView2') {
            await page.getByText('Không tải được Office.js').waitFor(); // the pane's own start, as before
            await expect(notice.count()).resolves.toBe(0);
            continue;
          }
          await notice.waitFor();
          const text = await notice.innerText();
          expect(text).toContain(`${server.origin}/dvht/preview.html`);
          expect(text).toMatch(/Office 2016/);
          expect(text.indexOf('trình duyệt cũ')).toBeLessThan(text.indexOf('old browser')); // Vietnamese first, English under it
          await expect(notice.getByRole('link', { name: `${server.origin}/dvht/preview.html` }).getAttribute('target')).resolves.toBe('_blank');
        } finally {
          await context.close();
        }
      }
    } finally {
      await server.close();
    }
  }, 120_000);
});
