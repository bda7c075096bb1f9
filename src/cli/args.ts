/** A small argument parser: positionals, `--flag`, `--key value`, `-o value`. */
export interface ParsedArgs {
  positionals: string[];
  options: Map<string, string | true>;
}

const WITH_VALUE = new Set(['o', 'output', 'preset', 'unit', 'type', 'year', 'public', 'lang', 'members', 'seed', 'only', 'sheet', 'into', 'mapping', 'rule-set', 'body', 'tier', 'max-size', 'signer', 'rules', 'rules-file']);
const ALIASES: Record<string, string> = { o: 'output', h: 'help' };

export class UsageError extends Error {}

export function parseArgs(argv: string[]): ParsedArgs {
  const positionals: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    const m = /^--?([A-Za-z][\w-]*)(?:=(.*))?$/.exec(a);
    if (!m) {
      positionals.push(a);
      continue;
    }
    const raw = m[1]!;
    const name = ALIASES[raw] ?? raw;
    if (m[2] !== undefined) options.set(name, m[2]);
    else if (WITH_VALUE.has(raw) || WITH_VALUE.has(name)) {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`--${name}`);
      options.set(name, v);
    } else options.set(name, true);
  }
  return { positionals, options };
}
