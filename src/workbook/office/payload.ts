/**
 * Request sizes. Excel on the web rejects a request or response above 5 MB, so every
 * `context.sync` is kept under a budget with room to spare for the protocol's own framing.
 */

/**
 * What one request (or its response) may carry before we sync and start another: 2.8 MB,
 * 30% under 4 MB, because our estimate counts only the JSON of values and formulas while
 * Office.js adds its own framing on top (see the Excel rows of `npm run bench`).
 */
export const REQUEST_BUDGET = 2_800_000;

/**
 * Rows read blind by the first round trip: as many as fit one budget at 400 bytes a row (a
 * member row with every column filled, notes included, is about half that), so a sheet of
 * 5,000 members and more is read in one go and a heavier one still stays under the limit.
 */
export const FIRST_READ_ROWS = Math.floor(REQUEST_BUDGET / 400);

/** UTF-8 bytes of a JSON value: Vietnamese diacritics take 2–3 bytes, so length alone lies. */
export function jsonBytes(value: unknown): number {
  const s = JSON.stringify(value);
  return s === undefined ? 0 : utf8Length(s);
}

export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4; // surrogate pair: one 4-byte code point
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * Queues work against one request budget: `reserve` syncs first when the next piece would
 * push the pending request over the budget. Small batches therefore never sync early.
 */
export class RequestBudget {
  private pending = 0;

  constructor(
    private readonly sync: () => Promise<void>,
    readonly budget: number = REQUEST_BUDGET,
  ) {}

  /** Room left in the current request. */
  get room(): number {
    return this.budget - this.pending;
  }

  async reserve(bytes: number): Promise<void> {
    if (this.pending > 0 && this.pending + bytes > this.budget) await this.flush();
    this.pending += bytes;
  }

  async flush(): Promise<void> {
    await this.sync();
    this.pending = 0;
  }
}
