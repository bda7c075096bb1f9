/** A small argument parser: positionals, `--flag`, `--key value`, `-o value`. */
import { editDistance } from '../domain/text';

export interface ParsedArgs {
  positionals: string[];
  options: Map<string, string | true>;
}

const WITH_VALUE = new Set(['o', 'output', 'preset', 'unit', 'type', 'year', 'public', 'lang', 'members', 'seed', 'only', 'sheet', 'into', 'mapping', 'rule-set', 'body', 'tier', 'max-size', 'signer', 'office', 'rules', 'rules-file']);
const ALIASES: Record<string, string> = { o: 'output', h: 'help' };
const OPTION = /^--?([A-Za-z][\w-]*)(?:=(.*))?$/;

/** An option given without its value; `option` is as typed ("-o", "--unit"). */
export class UsageError extends Error {
  constructor(readonly option: string) {
    super(option);
  }
}

export function parseArgs(argv: string[]): ParsedArgs {
  const positionals: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    const m = OPTION.exec(a);
    if (!m) {
      positionals.push(a);
      continue;
    }
    const raw = m[1]!;
    const name = ALIASES[raw] ?? raw;
    if (m[2] !== undefined) options.set(name, m[2]);
    else if (WITH_VALUE.has(raw) || WITH_VALUE.has(name)) {
      // `--unit --type thcs`: the value was forgotten; taking "--type" as the name would blame --type.
      const v = argv[++i];
      if (v === undefined || OPTION.test(v)) throw new UsageError(a.replace(/=.*$/, ''));
      options.set(name, v);
    } else options.set(name, true);
  }
  return { positionals, options };
}

/** Options every command takes. */
export const GLOBAL_OPTIONS: readonly string[] = ['lang', 'help', 'version'];

/** The option among `known` that `typed` most likely meant (one or two letters off), if any. */
export function closestOption(typed: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const k of known) {
    const d = editDistance(typed, k);
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  return best;
}

