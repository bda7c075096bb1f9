/**
 * `dvht --help` lists every option a command takes (its spec in src/cli/commands) and every
 * option the README documents for it, in Vietnamese and in English: an option a clerk reads
 * about in one place must be found in the other.
 */
import * as fs from 'fs';
import * as path from 'path';
import { run } from '../../src/cli/main';
import { COMMANDS } from '../../src/cli/commands';
import { captureText } from '../support/cliOutput';

async function help(lang: 'vi' | 'en'): Promise<string> {
  const io = captureText();
  expect(await run(['--help', '--lang', lang], io)).toBe(0);
  return io.stdout;
}

/** A command's usage in the help: its line(s) from "  dvht NAME" to the next command's. */
function usageOf(text: string, command: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let inside = false;
  for (const line of lines) {
    const m = /^ {2}dvht ([a-z-]+)/.exec(line);
    if (m) inside = m[1] === command;
    else if (!/^ {2}\s/.test(line)) inside = false;
    if (inside) out.push(line);
  }
  return out.join('\n');
}

/** The options the README's command block shows for each command (“npx dvht NAME …”). */
function readmeOptions(): Map<string, Set<string>> {
  const readme = fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
  const options = new Map<string, Set<string>>();
  for (const line of readme.split('\n')) {
    const m = /^npx dvht ([a-z-]+)\b(.*?)(?:#.*)?$/.exec(line);
    if (!m) continue;
    const set = options.get(m[1]!) ?? new Set<string>();
    for (const o of m[2]!.matchAll(/(?<=\s|\[|\()(--[a-z][a-z-]*|-o)\b/g)) set.add(o[1]!);
    options.set(m[1]!, set);
  }
  return options;
}

const flag = (option: string) => (option === 'output' ? '-o' : `--${option}`);

describe.each(['vi', 'en'] as const)('dvht --help --lang %s', (lang) => {
  it('lists every option each command takes', async () => {
    const text = await help(lang);
    const missing = COMMANDS.flatMap((c) => c.options.filter((o) => !new RegExp(`(^|[\\s\\[(])${flag(o)}\\b`).test(usageOf(text, c.name))).map((o) => `${c.name} ${flag(o)}`));
    expect(missing).toEqual([]);
  });

  it('lists every option the README documents', async () => {
    const text = await help(lang);
    const documented = readmeOptions();
    expect(documented.get('import')).toContain('--clear-blanks');
    const missing = [...documented].flatMap(([command, options]) => [...options].filter((o) => o !== '--help' && o !== '--lang' && !usageOf(text, command).includes(o)).map((o) => `${command} ${o}`));
    expect(missing).toEqual([]);
  });
});

it('dvht import --help shows the import help in full (each option said), not the list of every command', async () => {
  for (const lang of ['vi', 'en'] as const) {
    const io = captureText();
    expect(await run(['import', '--help', '--lang', lang], io)).toBe(0);
    expect(io.stdout).toContain('--clear-blanks:');
    expect(io.stdout).toContain('--add:');
    expect(io.stdout).not.toContain('dvht consolidate');
  }
});
