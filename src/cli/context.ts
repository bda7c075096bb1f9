/** What every CLI command gets, and the failures it may throw. */
import * as fs from 'fs';
import * as path from 'path';
import { t, type Lang } from '../i18n';
import type { ParsedArgs } from './args';
import { XlsxWorkbook } from '../workbook/xlsx/xlsxWorkbook';
import { NODE_XLSX } from '../workbook/xlsx/files';
import { PREFLIGHT_LIMITS, preflightXlsx, XlsxError, type XlsxFailure } from '../xlsx';
import { nodeCrc32, nodeDecode, nodeInflate, nodeRaw } from '../xlsx/inflateNode';
import type { PartSource } from '../xlsx/package';
import { xlsxReason } from '../usecases/xlsxReason';
import { takeWorkbookWarnings } from '../usecases/workbookWarnings';
import type { Workbook } from '../workbook/port';

import { CliFailure, DamagedWhileReading, EXIT, metWhileHandling, type Io } from './exit';
import { isMissing, missingInput, readReason } from './files';
import { foldKey } from '../domain/text';

export { CliFailure, EXIT, type Io };

export interface CommandContext {
  args: ParsedArgs;
  /** Positionals after the command name. */
  operands: string[];
  lang: Lang;
  io: Io;
}

export interface Command {
  name: string;
  run(ctx: CommandContext): Promise<number>;
}

/** On stderr, after a write: what the workbook could not do as planned (none: nothing printed). */
export function reportWorkbookWarnings(io: Io, lang: Lang, workbook: Workbook): void {
  const lines = takeWorkbookWarnings(workbook, lang);
  if (lines.length === 0) return;
  io.err(t(lang, 'workbook.warnings', { count: lines.length }));
  for (const line of lines) io.err(`  - ${line}`);
}

/**
 * A use-case that cannot run on this file (missing sheets, data to fix first): every problem
 * with its sheet and cell, as JSON or one per line after `headline`. Exit 1.
 */
export function reportBlocked(io: Io, json: boolean, file: string, headline: string, problems: { sheet: string | null; cell: string | null; message: string }[]): number {
  if (json) io.out(JSON.stringify({ file, ok: false, errors: problems.map(({ sheet, cell, message }) => ({ sheet, cell, message })) }, null, 2));
  else {
    io.err(headline);
    for (const p of problems) io.err(`  - ${p.message}`);
  }
  return EXIT.data;
}

export function need(ctx: CommandContext, name: string): string {
  const v = ctx.args.options.get(name);
  if (typeof v !== 'string' || v.trim() === '') throw new CliFailure(EXIT.usage, t(ctx.lang, 'cli.missingOption', { option: `--${name}` }));
  return v;
}

/** A whole-number option within [min, max]; undefined when not given; anything else is refused (exit 2). */
export function integerOption(ctx: CommandContext, name: string, min: number, max: number): number | undefined {
  const v = ctx.args.options.get(name);
  if (v === undefined) return undefined;
  const n = typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : NaN;
  if (n >= min && n <= max) return n;
  const expected = t(ctx.lang, 'cli.expected.integer', { min: formatCount(min, ctx.lang), max: formatCount(max, ctx.lang) });
  throw new CliFailure(EXIT.usage, t(ctx.lang, 'cli.badValue', { option: `--${name}`, value: String(v), expected }));
}

/** "có"/"không" (or yes/no, 1/0, true/false) as a boolean; undefined when not given. */
export function yesNoOption(ctx: CommandContext, name: string): boolean | undefined {
  const v = ctx.args.options.get(name);
  if (v === undefined) return undefined;
  const key = typeof v === 'string' ? foldKey(v) : '';
  if (YES.includes(key)) return true;
  if (NO.includes(key)) return false;
  throw new CliFailure(EXIT.usage, t(ctx.lang, 'cli.badValue', { option: `--${name}`, value: String(v), expected: t(ctx.lang, 'cli.expected.yesNo') }));
}

const YES = ['co', 'yes', 'y', '1', 'true'];
const NO = ['khong', 'no', 'n', '0', 'false'];

const formatCount = (n: number, lang: Lang) => (n >= 10000 ? n.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-US') : String(n));

/**
 * The input file of a command, checked before anything else runs, said in words rather than
 * as a system code: one that is missing was misnamed (exit 2); a folder or unreadable, exit 1.
 * Its size.
 */
export async function checkInput(file: string, lang: Lang): Promise<number> {
  let st: fs.Stats;
  try {
    st = await fs.promises.stat(file);
  } catch (e) {
    throw isMissing(e) ? missingInput(file, lang) : new CliFailure(EXIT.data, t(lang, 'cli.fileMissing', { file, reason: readReason(e, lang) }));
  }
  if (st.isDirectory()) throw new CliFailure(EXIT.data, t(lang, 'cli.inputIsFolder', { file }));
  try {
    await fs.promises.access(file, fs.constants.R_OK);
  } catch {
    throw new CliFailure(EXIT.data, t(lang, 'cli.inputUnreadable', { file }));
  }
  return st.size;
}

/**
 * Opens an .xlsx for a command, turning read failures into a clear message (exit 1). The
 * bytes pass the preflight first (every part, bounded), then the package keeps them. A
 * workbook the command will write into (`use`) must be one it can save: not a strict one, nor
 * a signed one (the change would void the signature).
 */
export async function openWorkbook(file: string, lang: Lang, use: 'write' | 'read' = 'write'): Promise<XlsxWorkbook> {
  const size = await checkInput(file, lang);
  const refuse = (e: XlsxError, bytes: number) => {
    const reason = xlsxReason(e, bytes, undefined, lang, 'own', file);
    // Not a workbook at all keeps the CLI's wording; a workbook refused for safety says so.
    if (NOT_XLSX.has(e.kind)) return new CliFailure(EXIT.data, t(lang, 'cli.notXlsx', { file, reason: reason.replace(/\.$/, '') }));
    return new CliFailure(EXIT.data, t(lang, 'xlsx.refused', { file, reason }));
  };
  // Not even read into memory when too large.
  if (size > PREFLIGHT_LIMITS.maxFileBytes) throw refuse(new XlsxError('tooLarge', String(size)), size);
  const bytes = await fs.promises.readFile(file);
  // The preflight inflates and checks every XML part once; the workbook reuses those texts.
  const texts = new Map<string, string>();
  const sources = new Map<string, PartSource>();
  try {
    await preflightXlsx(bytes, { inflate: nodeInflate, decode: nodeDecode, crc32: nodeCrc32, keep: texts, raw: nodeRaw, keepSources: sources });
  } catch (e) {
    if (e instanceof XlsxError) throw refuse(e, bytes.length);
    throw e;
  }
  let workbook: XlsxWorkbook;
  try {
    workbook = await XlsxWorkbook.open(bytes, path.basename(file), { ...NODE_XLSX, texts, sources });
  } catch (e) {
    if (e instanceof XlsxError) throw refuse(e, bytes.length);
    // Past the preflight, anything else is a fault of ours, not the file's: the last resort says so (main.ts), naming this file.
    metWhileHandling(e, file);
    throw e;
  }
  const unwritable = use === 'write' ? workbook.unwritable : null;
  if (unwritable) throw new CliFailure(EXIT.data, t(lang, 'xlsx.refusedWrite', { file, reason: xlsxReason(new XlsxError(unwritable), bytes.length, undefined, lang, 'own', file) }));
  return workbook;
}

/**
 * `work` reads (or rewrites) the workbook opened from `file`: a damage found only now, in a part
 * the opening let through, names that file alone, not every file the command was given; so does
 * an unexpected fault, unless `only` is 'damage' (work that takes in other files too, whose fault
 * may be any of theirs).
 */
export async function reading<T>(file: string, work: () => Promise<T>, only?: 'damage'): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof XlsxError) throw new DamagedWhileReading(file, e);
    if (only !== 'damage') metWhileHandling(e, file);
    throw e;
  }
}

// A workbook damaged in transit is a workbook: it is refused (“Không mở tệp …: Tệp bị hỏng …”), not called no Excel file.
const NOT_XLSX = new Set<XlsxFailure>(['empty', 'notSpreadsheet', 'csv', 'text', 'html', 'xmlSpreadsheet', 'legacyXls', 'ods', 'notXlsx', 'wordDocument', 'zippedWorkbooks', 'unsupportedCompression']);

/** The extension Excel requires for each workbook content type: it refuses to open a file whose name disagrees. */
const EXTENSION_OF: Readonly<Record<string, string>> = {
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml': '.xlsx',
  'application/vnd.ms-excel.sheet.macroEnabled.main+xml': '.xlsm',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml': '.xltx',
  'application/vnd.ms-excel.template.macroEnabled.main+xml': '.xltm',
};

/** Extensions that name a file's kind: a suggestion replaces them; any other dot is part of the name ("kết quả v1.2"). */
const KIND_EXTENSIONS = new Set(['.xls', '.xlsb', '.xlt', '.csv', '.tsv', '.txt', '.ods', '.xml', '.json', '.htm', '.html', '.pdf', '.doc', '.docx', '.zip', ...Object.values(EXTENSION_OF)]);

/**
 * Refuses (exit 2, before any write) an output Excel would not open as the workbook written:
 * named .xls, .csv or without an extension, or with another Excel kind than the workbook's
 * (macros saved as .xlsx, a plain workbook as .xlsm). `workbook` null: a new workbook, .xlsx.
 * `fix`: what to write instead; import writes into its --into and has no -o, so renaming it.
 */
export function checkOutputKind(workbook: XlsxWorkbook | null, output: string, lang: Lang, fix: 'output' | 'rename' = 'output'): void {
  const known = Object.values(EXTENSION_OF);
  // A workbook of no kind Excel names still goes out as one of its workbooks.
  const wanted = workbook ? EXTENSION_OF[workbook.pkg.workbookContentType ?? ''] : '.xlsx';
  const ext = path.extname(output).toLowerCase();
  if (ext === wanted || (!wanted && known.includes(ext))) return;
  const stem = KIND_EXTENSIONS.has(ext) ? output.slice(0, -ext.length) : output;
  const suggestion = stem + (wanted ?? '.xlsx');
  const how = fix === 'rename' ? t(lang, 'cli.outputRename', { suggestion: path.basename(suggestion) }) : t(lang, 'cli.outputUse', { suggestion });
  const key = wanted && known.includes(ext) ? 'cli.outputKind' : 'cli.outputName';
  throw new CliFailure(EXIT.usage, t(lang, key, { file: output, wanted: wanted ?? '.xlsx', how }));
}

/** `--only bao-cao` or `--only to-trinh,bien-ban` out of `all`; undefined means every one. */
export function onlyKinds<K extends string>(value: string | true | undefined, all: readonly K[], lang: Lang): K[] | undefined {
  if (value === undefined) return undefined;
  const names = value === true ? [''] : value.split(',').map((s) => s.trim());
  const bad = names.find((n) => !(all as readonly string[]).includes(n));
  if (bad !== undefined) throw new CliFailure(EXIT.usage, t(lang, 'documents.unknownKind', { kind: bad, kinds: all.join(', ') }));
  return names as K[];
}
