/** What every CLI command gets, and the failures it may throw. */
import * as fs from 'fs';
import { t, type Lang } from '../i18n';
import type { ParsedArgs } from './args';
import { ExcelJsWorkbook } from '../workbook/exceljs/excelJsWorkbook';
import { readWorkbookFile } from '../workbook/exceljs/files';

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export const EXIT = { ok: 0, data: 1, usage: 2 } as const;

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

export class CliFailure extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export function need(ctx: CommandContext, name: string): string {
  const v = ctx.args.options.get(name);
  if (typeof v !== 'string' || v.trim() === '') throw new CliFailure(EXIT.usage, t(ctx.lang, 'cli.missingOption', { option: `--${name}` }));
  return v;
}

export function numberOption(ctx: CommandContext, name: string): number | undefined {
  const v = ctx.args.options.get(name);
  return typeof v === 'string' && Number.isFinite(Number(v)) ? Number(v) : undefined;
}

/** Opens an .xlsx for a command, turning read failures into a clear message (exit 1). */
export async function openWorkbook(file: string, lang: Lang): Promise<ExcelJsWorkbook> {
  try {
    await fs.promises.access(file, fs.constants.R_OK);
  } catch (e) {
    throw new CliFailure(EXIT.data, t(lang, 'cli.fileMissing', { file, reason: (e as NodeJS.ErrnoException).code ?? String(e) }));
  }
  try {
    return await readWorkbookFile(file);
  } catch (e) {
    throw new CliFailure(EXIT.data, t(lang, 'cli.notXlsx', { file, reason: describeReadError(e) }));
  }
}

function describeReadError(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  if (/central directory|zip|signature/i.test(msg)) return 'không phải tệp nén .xlsx';
  return msg.split('\n')[0]!.slice(0, 200);
}
