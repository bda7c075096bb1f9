/**
 * The CLI's exit codes, failure and output: kept apart from context.ts (which opens
 * workbooks) so that `dvht presets` and `--help` load none of the file machinery.
 */
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
