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
