/**
 * `dvht init --type` takes a short id (`th`) or a type's label. A clerk types what the type is
 * called (“tieu-hoc”, “mầm non”): refused as before, but the message says which id it likely
 * means, so the next try works; nothing is written.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../src/cli/main';
import { captureText } from '../support/cliOutput';

let dir: string;
beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-type-'))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function refused(type: string, lang: string[] = []): Promise<string> {
  const io = captureText();
  const file = path.join(dir, 'x.xlsx');
  const code = await run(['init', '-o', file, '--preset', 'tt24-co-so-md1', '--unit', 'Trường Kim Đồng', '--type', type, ...lang], io);
  expect(code).toBe(2);
  expect(fs.existsSync(file)).toBe(false);
  return io.stderr;
}

describe('dvht init --type off the list', () => {
  it.each([
    ['tieu-hoc', 'th', 'Trường tiểu học'],
    ['mầm non', 'mn', 'Trường mầm non'],
    ['trung-hoc-co-so', 'thcs', 'Trường THCS'],
    ['ubnd', 'ubnd-xa', 'UBND cấp xã'],
  ])('“%s” names the id it likely means (--type %s)', async (typed, id, label) => {
    const err = await refused(typed);
    expect(err).toContain(`“${typed}”`);
    expect(err).toContain(`--type ${id}`);
    expect(err).toContain(label);
    expect(err).toContain('dvht types');
  });

  it('in English with --lang en', async () => {
    const err = await refused('tieu-hoc', ['--lang', 'en']);
    expect(err).toContain('--type th');
    expect(err).toMatch(/did you mean/i);
  });
});
