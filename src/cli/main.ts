/**
 * `dvht`: the product on .xlsx files from a terminal. Only calls use-cases; all words come
 * from the i18n catalogue. Exit codes: 0 success, 1 data cannot be evaluated, 2 usage.
 */
import { t, type Lang } from '../i18n';
import { parseArgs, UsageError } from './args';
import { CliFailure, EXIT, type Io } from './context';
import { COMMANDS } from './commands';
import { APP_VERSION } from '../version';

export { EXIT };
export type { Io };

const consoleIo: Io = {
  out: (s) => process.stdout.write(s + '\n'),
  err: (s) => process.stderr.write(s + '\n'),
};

export async function run(argv: string[], io: Io = consoleIo): Promise<number> {
  let lang: Lang = 'vi';
  try {
    const args = parseArgs(argv);
    lang = args.options.get('lang') === 'en' ? 'en' : 'vi';
    const [name, ...operands] = args.positionals;
    // The version the written workbooks record ("Phiên bản"), from package.json.
    if (args.options.has('version') || name === 'version') {
      io.out(APP_VERSION);
      return EXIT.ok;
    }
    if (args.options.has('help') || name === 'help' || name === undefined) {
      io.out(t(lang, 'cli.help'));
      return name === undefined && !args.options.has('help') ? EXIT.usage : EXIT.ok;
    }
    const command = COMMANDS.find((c) => c.name === name);
    if (!command) throw new CliFailure(EXIT.usage, t(lang, 'cli.unknownCommand', { command: name }));
    return await command.run({ args, operands, lang, io });
  } catch (e) {
    if (e instanceof CliFailure) {
      io.err(e.message);
      return e.code;
    }
    if (e instanceof UsageError) {
      io.err(t(lang, 'cli.missingOption', { option: e.message }));
      return EXIT.usage;
    }
    throw e;
  }
}

if (require.main === module) {
  run(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
      process.exit(70);
    },
  );
}
