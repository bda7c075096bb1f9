/**
 * `dvht`: the product on .xlsx files from a terminal. Only calls use-cases; all words come
 * from the i18n catalogue. Exit codes: 0 success, 1 data cannot be evaluated (or any other
 * failure, said in words), 2 usage. Never 70, never a stack trace.
 */
import { t, type Lang } from '../i18n';
import { closestOption, GLOBAL_OPTIONS, parseArgs, UsageError, type ParsedArgs } from './args';
import { CliFailure, DamagedWhileReading, EXIT, fileAtFault, type Io } from './exit';
import { COMMANDS, type CommandSpec } from './commands';
import { APP_VERSION } from '../version';
import { errorReason } from './files';
import { XlsxError } from '../xlsx/errors';
import { keepFreedMemory } from './freedMemory';

export { EXIT };
export type { Io };

const consoleIo: Io = {
  out: (s) => process.stdout.write(s + '\n'),
  err: (s) => process.stderr.write(s + '\n'),
};

/** `beforeCommand`: the process entry's hook, called with the command's name before it runs. */
export async function run(argv: string[], io: Io = consoleIo, beforeCommand: (name: string) => void = () => {}): Promise<number> {
  let lang: Lang = 'vi';
  let args: ParsedArgs | undefined;
  try {
    args = parseArgs(argv);
    lang = args.options.get('lang') === 'en' ? 'en' : 'vi';
    const asked = args.options.get('lang');
    if (asked !== undefined && asked !== 'vi' && asked !== 'en') throw new CliFailure(EXIT.usage, t(lang, 'cli.unknownLang', { lang: String(asked) }));
    const [name, ...operands] = args.positionals;
    // The version the written workbooks record ("Phiên bản"), from package.json.
    if (args.options.has('version') || name === 'version') {
      io.out(APP_VERSION);
      return EXIT.ok;
    }
    if (args.options.has('help') || name === 'help' || name === undefined) {
      io.out(t(lang, COMMANDS.find((c) => c.name === name)?.help ?? 'cli.help'));
      return name === undefined && !args.options.has('help') ? EXIT.usage : EXIT.ok;
    }
    const command = COMMANDS.find((c) => c.name === name);
    if (!command) throw new CliFailure(EXIT.usage, t(lang, 'cli.unknownCommand', { command: name }));
    checkArguments(command, args, operands, lang);
    beforeCommand(command.name);
    return await command.load().run({ args, operands, lang, io });
  } catch (e) {
    if (e instanceof CliFailure) {
      io.err(e.message);
      return e.code;
    }
    if (e instanceof UsageError) {
      io.err(t(lang, 'cli.missingValue', { option: e.option }));
      return EXIT.usage;
    }
    if (e instanceof DamagedWhileReading) {
      io.err(damaged(e.error, args, lang, [e.file]));
      return EXIT.data;
    }
    io.err(e instanceof XlsxError ? damaged(e, args, lang) : (protectedWorkbook(e, lang) ?? unexpected(e, args, lang)));
    return EXIT.data;
  }
}

/**
 * Refuses what the command would not use, before anything runs: an option it does not take
 * (`--ouput`) or a file name too many (`evaluate in.xlsx out.xlsx`, which once overwrote
 * in.xlsx while out.xlsx went unnoticed).
 */
function checkArguments(command: CommandSpec, args: ParsedArgs, operands: string[], lang: Lang): void {
  for (const option of args.options.keys()) {
    if (GLOBAL_OPTIONS.includes(option) || command.options.includes(option)) continue;
    const meant = closestOption(option, command.options);
    const hint = meant ? t(lang, 'cli.optionMeant', { option: `--${meant}` }) : '';
    throw new CliFailure(EXIT.usage, t(lang, 'cli.unknownOption', { command: command.name, option: `--${option}`, hint }));
  }
  if (operands.length > command.operands) {
    const extra = operands[command.operands]!;
    // The file the command writes, named without its option: say which option (import writes into --into).
    const key = command.options.includes('output') ? 'cli.extraOperandOutput' : command.options.includes('into') ? 'cli.extraOperandInto' : 'cli.extraOperand';
    throw new CliFailure(EXIT.usage, t(lang, key, { command: command.name, operand: extra }));
  }
}

/**
 * A part the preflight let through but a reader refused later (a sheet's relationships cut
 * off): the file's damage, worded as the refusal at opening is, not as a fault of the command.
 * `files`: the one whose reading failed, when the command knows it (context.ts `reading`).
 */
function damaged(e: XlsxError, args: ParsedArgs | undefined, lang: Lang, files?: string[]): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on this path only: the light commands start near a bare Node start
  const { xlsxReason } = require('../usecases/xlsxReason') as typeof import('../usecases/xlsxReason');
  // A part that lost its root element, found only now, is a broken part of a workbook, not a zip that is no workbook.
  const broken = e.kind === 'notXlsx' ? new XlsxError('brokenPart', e.detail, { cause: e }) : e.kind === 'truncated' ? new XlsxError('corrupt', e.detail, { cause: e }) : e;
  const reason = xlsxReason(broken, 0, undefined, lang, 'own');
  // Only the files the command reads: an output it only writes is not the damaged one.
  const command = COMMANDS.find((c) => c.name === args?.positionals[0]);
  const read = files ?? namedFiles(e, args).filter((f) => f !== args?.options.get('output') || command?.readsOutput);
  return t(lang, 'cli.damagedPart', { command: command?.name ?? 'dvht', files: shownFiles(read), reason });
}

/**
 * A batch the user's protection refused (workbook/protection.ts): input the command cannot write
 * into, said as it is in the user's language; null for any other error.
 */
function protectedWorkbook(e: unknown, lang: Lang): string | null {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on this path only, as above
  const { isWorkbookProtectedError, protectedText } = require('../workbook/protection') as typeof import('../workbook/protection');
  return isWorkbookProtectedError(e) ? protectedText(lang, e) : null;
}

/** The files a command was given (operands, --into, -o), and the one a system error names. */
function namedFiles(e: unknown, args: ParsedArgs | undefined): string[] {
  const named = [...(args?.positionals.slice(1) ?? []), args?.options.get('into'), args?.options.get('output'), (e as NodeJS.ErrnoException | undefined)?.path];
  return [...new Set(named.filter((f): f is string => typeof f === 'string' && f !== ''))];
}

function shownFiles(files: string[]): string {
  return files.slice(0, 3).map((f) => `“${f}”`).join(', ') + (files.length > 3 ? ' …' : '');
}

/**
 * The last resort for an error no command foresaw: which file, why, what to do. The file the
 * command was working on (context.ts), the one a system error names, or the only one given;
 * among several, none: naming them all sent users to re-save files that were fine.
 */
function unexpected(e: unknown, args: ParsedArgs | undefined, lang: Lang): string {
  const command = args?.positionals[0] ?? 'dvht';
  const given = namedFiles(e, args);
  const systemPath = (e as NodeJS.ErrnoException | undefined)?.path;
  const file = fileAtFault(e) ?? (typeof systemPath === 'string' && systemPath !== '' ? systemPath : given.length === 1 ? given[0] : undefined);
  const reason = errorReason(e, lang);
  if (file !== undefined) return t(lang, 'cli.unexpected', { command, files: shownFiles([file]), reason });
  return t(lang, given.length ? 'cli.unexpectedFileUnknown' : 'cli.unexpectedNoFile', { command, reason });
}

/** The process entry (bin/dvht.js): even an error outside `run` ends as words and exit 1. */
export function main(argv: string[]): void {
  const lang: Lang = argv.some((a, i) => a === '--lang=en' || (a === '--lang' && argv[i + 1] === 'en')) ? 'en' : 'vi';
  const lastResort = (e: unknown) => {
    process.stderr.write(t(lang, 'cli.unexpectedNoFile', { command: argv[0] ?? 'dvht', reason: errorReason(e, lang) }) + '\n');
    process.exit(EXIT.data);
  };
  process.on('uncaughtException', lastResort);
  process.on('unhandledRejection', lastResort);
  // A reader that went away (`| head`) wants no more: not an error of ours.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => (e.code === 'EPIPE' ? process.exit(process.exitCode ?? EXIT.ok) : lastResort(e)));
  run(argv, consoleIo, prepareCommand).then(exitWhenWritten, lastResort);
}

/** What the process entry does once it knows the command, before the command's code loads (the bench's child does it too). */
export function prepareCommand(command: string): void {
  // V8's flags first: they are the process's, its reading threads' too.
  tuneJit(command);
  keepFreedMemory();
  // Consolidation's reading threads start now: their start-up overlaps loading the command (readerThreads.ts is light).
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only for this command
  if (command === 'consolidate') (require('./readerThreads') as typeof import('./readerThreads')).startReadersEarly();
}

/** Commands on one workbook, over in about a second (not consolidate, whose workers run for long). */
const ONE_WORKBOOK = new Set(['init', 'evaluate', 'documents', 'import', 'officer-documents', 'handout', 'new-year']);

/**
 * A command on one workbook is over in about a second: V8's inlining then costs more compile
 * time (on its background threads) than the inlined code gives back. Without it, evaluate of
 * 5,000 members takes about a quarter less CPU for the same main-thread time, documents a fifth
 * (measured 2026-12-03). Consolidation compiles the reader and the engine once in each reading
 * thread: with a third of V8's inlining budget (920 → 300 bytecodes), 2,000 workbooks took
 * ≈ 11% less CPU and ≈ 10% less wall time (6 alternating pairs, 2026-12-04), the compile
 * jobs' saving ahead of the slightly slower code well past 2,000 files; no inlining at all
 * did 2% worse than that. A one-workbook command also keeps V8's young generation at its
 * first size (otherwise it doubles as it fills, up to two halves of 16 MB): every page it grows
 * into is a fresh page the system must map, ≈ 13 µs each on the machine measured (a
 * paravirtualised guest), while a small young generation is reused and stays in cache.
 * Evaluate of 5,000 members: 23,700 → 18,100 page faults, CPU −12%; init and documents of
 * 5,000 members −19% and −14% wall (4–6 alternating pairs, 2026-12-04). Process-wide, so set
 * before the command's code is hot, and only by the process entry.
 */
export function tuneJit(command: string): void {
  const flags = ONE_WORKBOOK.has(command)
    ? '--no-turbo-inlining --semi-space-growth-factor=1'
    : command === 'consolidate'
      ? '--max-inlined-bytecode-size-cumulative=300'
      : null;
  if (!flags) return;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- node:v8 costs 2 ms of start-up: loaded only here
  (require('node:v8') as typeof import('node:v8')).setFlagsFromString(flags);
}

/** process.exit drops what a pipe has not taken yet (a long --json): exit once both streams are written. */
function exitWhenWritten(code: number): void {
  process.exitCode = code;
  let pending = 2;
  const done = () => {
    if (--pending === 0) process.exit(code);
  };
  process.stdout.write('', done);
  process.stderr.write('', done);
}

if (require.main === module) main(process.argv.slice(2));
