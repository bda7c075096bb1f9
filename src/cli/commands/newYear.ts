/**
 * `dvht new-year TRUONG.xlsx -o TRUONG-2026.xlsx`: next year's workbook, written as a new
 * file through the file writer; the old file is only read.
 */
import * as fs from 'fs';
import * as path from 'path';
import { startNewYear } from '../../usecases/newYear';
import { t, type Lang } from '../../i18n';
import { checkInput, checkOutputKind, CliFailure, EXIT, openWorkbook, reportBlocked, reportWorkbookWarnings, type Command } from '../context';
import { prepareWrite, writeTo } from '../files';

export const newYear: Command = {
  name: 'new-year',
  async run({ operands, args, lang, io }) {
    const file = operands[0];
    const output = args.options.get('output');
    if (!file || typeof output !== 'string' || output.trim() === '') throw new CliFailure(EXIT.usage, t(lang, 'newYear.usage'));
    if (path.resolve(output) === path.resolve(file)) {
      const ext = path.extname(file);
      throw new CliFailure(EXIT.usage, t(lang, 'newYear.sameFile', { file, suggestion: `${file.slice(0, file.length - ext.length)}-nam-sau${ext || '.xlsx'}` }));
    }
    await checkInput(file, lang);
    // A folder under that name is said to be one (prepareWrite), not "a file that exists".
    const target = await prepareWrite(output, lang);
    if (fs.existsSync(output)) throw new CliFailure(EXIT.usage, t(lang, 'cli.outputExists', { file: output }));
    const workbook = await openWorkbook(file, lang);
    checkOutputKind(workbook, output, lang);
    const json = args.options.has('json');
    const result = await startNewYear(workbook, { lang });
    if (!result.ok) return reportBlocked(io, json, file, t(lang, 'newYear.cannot', { file }), result.problems);
    await writeTo(target, () => workbook.toBytes());
    reportWorkbookWarnings(io, lang, workbook);
    if (json) io.out(JSON.stringify({ file: output, source: file, ...result }, null, 2));
    else {
      io.out(t(lang, 'newYear.done', { file: output, source: file, unit: result.unit, year: result.year, members: result.members, columns: clearedColumns(lang, result.clearedMemberColumns) }));
      const docs = result.lastYearDocuments;
      if (docs.length) io.out(t(lang, 'newYear.lastYearDocuments', { sheets: docs.map((d) => `“${d}”`).join(', '), previous: result.year - 1, year: result.year }));
    }
    return EXIT.ok;
  },
};

/** The member columns cleared, as a clause; none (no members yet): nothing to add. */
function clearedColumns(lang: Lang, columns: string[]): string {
  return columns.length ? t(lang, 'newYear.clearedColumns', { columns: columns.map((c) => `“${c}”`).join(', ') }) : '';
}
