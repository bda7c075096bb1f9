/**
 * `xs.map(fn)` for the arrays the readers and the evaluation hand to each other, once per
 * workbook. V8 makes `map`'s result holey when the calling function is optimised and packed
 * when it is not, so code reading such arrays met a new hidden class as soon as their maker was
 * optimised, and was deoptimised and compiled again (≈ 25 times per reading thread). An array
 * built by push is the same kind in every tier.
 */
export function mapped<T, U>(xs: readonly T[], fn: (x: T, i: number) => U): U[] {
  const out: U[] = [];
  for (let i = 0; i < xs.length; i++) out.push(fn(xs[i]!, i));
  return out;
}

/**
 * `xs.find((x) => x.code === code)` without a closure made on each call: the readers and the
 * evaluation run once per workbook, and a closure's optimised code is dropped with it (V8 keeps
 * a function's compiled code only while a closure of it lives), so a Web Worker reading many
 * files compiled each such callback again after every full garbage collection.
 */
export function findByCode<T extends { code: string }>(xs: readonly T[], code: string): T | undefined {
  for (const x of xs) if (x.code === code) return x;
  return undefined;
}

/** `s.trim()` as a callback that is made once. */
export const trimmed = (s: string): string => s.trim();
