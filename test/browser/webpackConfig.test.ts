/**
 * The build switches of webpack.config.js, without building: where the pages load Office.js
 * from, and the Content-Security-Policy they declare.
 */
import * as path from 'path';

interface PagePlugin {
  userOptions?: { filename?: string; templateParameters?: { csp: string; officeJs: string } };
}

function pages(env: Record<string, string | undefined>, webpackEnv: object = {}) {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the config is CommonJS JavaScript, read with each env
    const make = require(path.join(__dirname, '..', '..', 'webpack.config.js')) as (e: object, a: object) => { plugins: unknown[]; devtool: unknown };
    const config = make(webpackEnv, { mode: 'production' });
    const html = (config.plugins as PagePlugin[]).filter((p) => p.userOptions?.templateParameters);
    return { config, html: html.map((p) => ({ file: p.userOptions!.filename!, ...p.userOptions!.templateParameters! })) };
  } finally {
    process.env = saved;
  }
}

describe('webpack.config.js', () => {
  it('loads the local Office.js copy by default, and allows no origin but the page’s own', () => {
    const { config, html } = pages({ OFFICE_JS: undefined });
    expect(html.map((p) => p.file).sort()).toEqual(['commands.html', 'help.html', 'preview.html', 'taskpane.html']);
    for (const p of html) {
      expect(p.officeJs).toBe('office-js/office.js');
      expect(p.csp).toContain("default-src 'self'");
      expect(p.csp).toContain("script-src 'self';");
      expect(p.csp).not.toMatch(/https?:|unsafe-eval|\*/);
    }
    expect(config.devtool).toBe('source-map'); // eval-based maps would need 'unsafe-eval'
  });

  it('OFFICE_JS=cdn loads Office.js from Microsoft’s CDN and admits only that origin besides its own', () => {
    const { html } = pages({ OFFICE_JS: 'cdn' });
    // The preview and the help page never load Office.js: they keep to their own origin in this build too.
    const own = html.filter((p) => p.file === 'preview.html' || p.file === 'help.html');
    expect(own).toHaveLength(2);
    for (const p of own) {
      expect(p.csp).toContain("script-src 'self';");
      expect(p.csp).not.toMatch(/https?:/);
    }
    for (const p of html.filter((p) => !own.includes(p))) {
      expect(p.officeJs).toBe('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
      expect(p.csp).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
      expect(p.csp.match(/https:\/\/[^\s;]+/g)!.every((o) => o === 'https://appsforoffice.microsoft.com')).toBe(true);
      expect(p.csp).not.toContain('unsafe-eval');
    }
  });

  it('gives each npm start server its own output folder, so two servers in one checkout do not overwrite each other', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- scripts/start.js is CommonJS JavaScript
    const { outputFolder } = require(path.join(__dirname, '..', '..', 'scripts', 'start.js')) as { outputFolder(port: number): string };
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the config is CommonJS JavaScript
    const make = require(path.join(__dirname, '..', '..', 'webpack.config.js')) as (e: object, a: object) => { output: { path: string; clean: boolean } };
    const a = make({ outputPath: outputFolder(3000) }, { mode: 'development' }).output;
    const b = make({ outputPath: outputFolder(3001) }, { mode: 'development' }).output;
    expect(a.path).not.toBe(b.path);
    // Each cleans only its own folder, never the release's build/web.
    expect(a.clean && b.clean).toBe(true);
    expect([a.path, b.path]).not.toContain(path.join(__dirname, '..', '..', 'build', 'web'));
    expect(make({}, { mode: 'production' }).output.path).toBe(path.join(__dirname, '..', '..', 'build', 'web'));
  });
});
