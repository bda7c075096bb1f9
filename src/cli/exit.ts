/**
 * The CLI's exit codes, failure and output: kept apart from context.ts (which opens
 * workbooks) so that `dvht presets` and `--help` load none of the file machinery.
 */
import type { XlsxError } from '../xlsx/errors';

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export const EXIT = { ok: 0, data: 1, usage: 2 } as const;

export class CliFailure extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A workbook found damaged while a command read or rewrote it, past the checks at opening
 * (context.ts `reading`): `file` is the one at fault, named alone; main.ts words it.
 */
export class DamagedWhileReading extends Error {
  constructor(
    readonly file: string,
    readonly error: XlsxError,
  ) {
    super(error.message);
  }
}

/** The file each unexpected error was met on (context.ts), for main.ts's last resort. */
const metOn = new WeakMap<object, string>();

/** `e` escaped work on `file`: the innermost call says it, an outer one does not rename it. */
export function metWhileHandling(e: unknown, file: string): void {
  if (typeof e === 'object' && e !== null && !metOn.has(e)) metOn.set(e, file);
}

/** The file `e` was met on, when a command said (else the last resort cannot tell among several). */
export function fileAtFault(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null ? metOn.get(e) : undefined;
}
