/** The one table `npm run bench` prints: a measure per row, a size per column, target and ✓/✗. */
'use strict';

const MB = 1024 * 1024;
const num = (n) => Math.round(n).toLocaleString('en-US');
const fmt = {
  count: (n) => num(n),
  bytes: (n) => (n >= MB ? `${(n / MB).toFixed(2)} MB` : `${(n / 1024).toFixed(0)} kB`),
  ms: (n) => (n >= 10_000 ? `${(n / 1000).toFixed(1)} s` : n >= 1000 ? `${(n / 1000).toFixed(2)} s` : `${n.toFixed(n < 10 ? 1 : 0)} ms`),
  rate: (n) => `${num(n)}/s`,
  ratio: (n) => `${n.toFixed(2)}×`,
};

/**
 * cells: one per column, each null (not measured), { text } (a reason), or
 * { value, kind, ok?: boolean } where ok undefined means "no target".
 */
function cellText(c) {
  if (c === null || c === undefined) return '—';
  if (c.text) return c.text;
  const s = fmt[c.kind](c.value);
  return c.ok === undefined ? s : `${s} ${c.ok ? '✓' : '✗'}`;
}

function render(header, rows) {
  const lines = [header, ...rows.map((r) => [r.label, ...r.cells.map(cellText), r.target ?? ''])];
  const widths = header.map((_, i) => Math.max(...lines.map((l) => [...String(l[i])].length)));
  const pad = (s, w, right) => (right ? ' '.repeat(w - [...s].length) + s : s + ' '.repeat(w - [...s].length));
  const line = (l) => `| ${l.map((s, i) => pad(String(s), widths[i], i > 0 && i < l.length - 1)).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i > 0 && i < widths.length - 1 ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(lines[0]), rule, ...lines.slice(1).map(line)].join('\n');
}

module.exports = { render, cellText, MB };

if (require.main === module) {
  require('./args').parseOptions(process.argv.slice(2), 'Usage: node scripts/bench/table.js\n  Prints a sample of the bench table (the module renders npm run bench\'s tables).', {});
  process.stdout.write(`${render(['Đo / Measure', 'A', 'Mục tiêu / Target'], [{ label: 'example', cells: [{ value: 1500, kind: 'ms', ok: true }], target: '≤ 2 s' }])}\n`);
}
