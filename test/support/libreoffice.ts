/** LibreOffice headless as an independent spreadsheet engine (recalculation, PDF). */
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export function sofficePath(): string {
  for (const p of ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice', '/opt/homebrew/bin/soffice', '/Applications/LibreOffice.app/Contents/MacOS/soffice']) {
    if (fs.existsSync(p)) return p;
  }
  throw new Error('LibreOffice (soffice) is required for this test: apt-get install -y --no-install-recommends libreoffice-calc-nogui');
}

/**
 * Converts `file` with LibreOffice into `format` (e.g. "xlsx", "pdf"); returns the output path.
 * `locale` (e.g. "vi_VN.UTF-8") is the one its formulas format numbers in (LibreOffice follows LC_ALL).
 */
export function convert(file: string, format: string, outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lo-out-')), locale?: string): Promise<string> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lo-profile-'));
  const args = [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', format, '--outdir', outDir, file];
  return new Promise((resolve, reject) => {
    const env = locale ? { ...process.env, LC_ALL: locale, LANG: locale } : process.env;
    execFile(sofficePath(), args, { timeout: 120_000, env }, (err, _stdout, stderr) => {
      fs.rmSync(profile, { recursive: true, force: true });
      const out = path.join(outDir, path.basename(file).replace(/\.[^.]+$/, '') + '.' + format.split(':')[0]);
      if (err || !fs.existsSync(out)) reject(new Error(`soffice failed: ${err?.message ?? ''} ${stderr}`));
      else resolve(out);
    });
  });
}
