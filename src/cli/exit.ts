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
