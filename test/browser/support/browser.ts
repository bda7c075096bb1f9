/**
 * Chromium (Debian's /usr/bin/chromium) driven by playwright-core, with what every browser
 * test checks: no request leaves localhost, no CSP violation, no uncaught error; screenshots
 * of each step in a folder named after the test.
 */
import * as fs from 'fs';
import * as path from 'path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ROOT } from './build';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/** localhost, 127.0.0.1, and data:/blob: URLs made by the page itself. */
export function isLocal(url: string): boolean {
  const u = new URL(url);
  if (u.protocol === 'data:') return true;
  if (u.protocol === 'blob:') return isLocal(url.slice('blob:'.length));
  return (u.protocol === 'http:' || u.protocol === 'https:') && (u.hostname === 'localhost' || u.hostname === '127.0.0.1');
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Requests to anywhere but this machine. */
  outside: string[];
  /** CSP violations, uncaught errors, console errors. */
  errors: string[];
  shot(step: string): Promise<string>;
  close(): Promise<void>;
}

function slug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .replace(/[^a-z0-9]+/gi, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
}

/** `locale`: the browser's language (a school office's Chrome is often English). */
export async function openSession(browser: Browser, testName: string, viewport = { width: 1400, height: 860 }, locale = 'vi-VN'): Promise<Session> {
  const context = await browser.newContext({ locale, viewport, acceptDownloads: true });
  const page = await context.newPage();
  // BROWSER_CPU_THROTTLE=6: Chromium's CPU six times slower, as on a loaded CI machine (to hunt timing flakes).
  const throttle = Number(process.env.BROWSER_CPU_THROTTLE ?? '');
  if (throttle > 1) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: throttle });
  const outside: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => {
    if (!isLocal(r.url())) outside.push(r.url());
  });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('dialog', (d) => void d.accept());
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  const dir = path.join(ROOT, 'test-output', 'screenshots', slug(testName));
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  let n = 0;
  return {
    context,
    page,
    outside,
    errors,
    async shot(step) {
      const file = path.join(dir, `${String(++n).padStart(2, '0')}-${slug(step)}.png`);
      await page.screenshot({ path: file });
      console.log(`screenshot: ${path.relative(ROOT, file)}`);
      return file;
    },
    close: () => context.close(),
  };
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core from the test server (same origin, so the page's CSP admits it). */
export async function seriousViolations(page: Page, origin: string): Promise<{ id: string; impact: string | null; help: string; targets: string[] }[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ url: `${origin}/__test/axe.min.js` });
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: object, options: object): Promise<{ violations: unknown[] }> } }).axe;
    // Fluent's focus manager (Tabster) puts aria-hidden <i tabindex=0 data-tabster-dummy>
    // sentinels around focus scopes; they hand focus on at once and are never read out.
    return (await axe.run({ exclude: [['[data-tabster-dummy]']] }, { resultTypes: ['violations'] })).violations;
  })) as AxeViolation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
}

/**
 * Presses Tab (only Tab) until the focused element's text or label matches, then returns.
 * Fails when a full round of the page does not reach it: the control is not keyboard-reachable.
 */
export async function tabTo(page: Page, name: RegExp, limit = 150): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const label = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      // Focus on the page itself (a Tab before the app has drawn, or past its last control) is no control:
      // the body's text holds every label on the page.
      if (!el || el === document.body) return '';
      return `${el.getAttribute('aria-label') ?? ''} ${el.innerText ?? ''}`.trim();
    });
    if (name.test(label)) return;
  }
  throw new Error(`Tab never reached a control named ${name}`);
}

export interface BrowserTestContext {
  /** Origin of the served production build. */
  readonly origin: string;
  readonly browser: Browser;
  /** The current test's session; opening one through `open` makes it the checked one. */
  session: Session;
  open(testName: string, viewport?: { width: number; height: number }, locale?: string): Promise<Session>;
}

/**
 * Registers the shared lifecycle of a browser test file: build the pages once, serve them,
 * launch Chromium, and after every test fail on a request outside localhost or a page error.
 */
export function useBrowserPages(): BrowserTestContext {
  // Imported here so that support/browser.ts stays usable without a build.
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded lazily, see above */
  const { buildPages } = require('./build') as typeof import('./build');
  const { serveBuild } = require('./server') as typeof import('./server');
  /* eslint-enable @typescript-eslint/no-require-imports */
  let server: Awaited<ReturnType<typeof serveBuild>> | undefined;
  let browser: Browser | undefined;
  const ctx: BrowserTestContext = {
    get origin() {
      return server!.origin;
    },
    get browser() {
      return browser!;
    },
    session: undefined as unknown as Session,
    async open(testName, viewport, locale) {
      ctx.session = await openSession(browser!, testName, viewport, locale);
      return ctx.session;
    },
  };
  jest.setTimeout(300_000);
  beforeAll(async () => {
    await buildPages();
    server = await serveBuild();
    browser = await launch();
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  afterEach(async () => {
    const { outside, errors } = ctx.session;
    await ctx.session.close();
    expect({ outside, errors }).toEqual({ outside: [], errors: [] });
  });
  return ctx;
}
