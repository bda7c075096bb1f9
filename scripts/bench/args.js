/**
 * Options of every bench script, one way: `--name value` or `--name`, `--help` prints the
 * usage, anything else is refused with exit 2 (a mistyped option must not silently run the
 * full bench).
 */
'use strict';

/**
 * spec: { name: { value: 'LIST' | 'N' | 'DIR' | null (a flag), help } }.
 * Returns a Map of the given options (flags map to true).
 */
function parseOptions(argv, usage, spec) {
  const out = new Map();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') {
      process.stdout.write(`${usage}\n\nOptions:\n${helpLines(spec)}\n  --help              this text\n`);
      process.exit(0);
    }
    const name = a.startsWith('--') ? a.slice(2) : null;
    const s = name !== null ? spec[name] : undefined;
    if (!s) refuse(`unknown option or argument “${a}”`, usage);
    if (s.value) {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) refuse(`--${name} needs a value (${s.value})`, usage);
      out.set(name, v);
    } else out.set(name, true);
  }
  return out;
}

function helpLines(spec) {
  return Object.entries(spec)
    .map(([name, s]) => `  ${`--${name}${s.value ? ` ${s.value}` : ''}`.padEnd(22)}${s.help}`)
    .join('\n');
}

function refuse(message, usage) {
  process.stderr.write(`${message}\n${usage.split('\n')[0]}\n(--help lists the options)\n`);
  process.exit(2);
}

/** "200,2000" → [200, 2000]; refuses anything but positive integers. */
function numbers(text, name) {
  const xs = String(text).split(',').map(Number);
  if (!xs.length || xs.some((x) => !Number.isInteger(x) || x <= 0)) refuse(`--${name}: positive whole numbers, comma-separated`, '');
  return xs;
}

/**
 * For a measuring module run on its own: parses its options (or prints its help) and lets it
 * require the TypeScript sources. Call before the module's own requires.
 */
function standalone(usage, spec = {}) {
  const options = parseOptions(process.argv.slice(2), usage, spec);
  require('./tsHook').register();
  return options;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * The timed Node processes start as on a school's computer: without NODE_EXTRA_CA_CERTS, which
 * makes every Node start read and parse a CA bundle (≈ 50 ms and 0.4 G instructions here for
 * `node -e 0`; the product never opens a network connection). Both sides of every ratio lose it.
 * Returns whether it was set (bench.json records it).
 */
function plainNodeEnv() {
  const had = process.env.NODE_EXTRA_CA_CERTS !== undefined;
  delete process.env.NODE_EXTRA_CA_CERTS;
  return had;
}

module.exports = { parseOptions, numbers, standalone, median, plainNodeEnv };
