/** `dvht evaluate`: evaluate a unit workbook and write the results back (atomically). */
import { evaluateWorkbook } from '../../usecases/evaluate';
import { t } from '../../i18n';
import { groupedUnmet } from '../../i18n/outcome';
import { checkInput, checkOutputKind, CliFailure, EXIT, openWorkbook, reportBlocked, reportWorkbookWarnings, type Command } from '../context';
import { prepareWrite, writeTo } from '../files';

export const evaluate: Command = {
  name: 'evaluate',
  async run({ operands, args, lang, io }) {
    const file = operands[0];
    if (!file) throw new CliFailure(EXIT.usage, t(lang, 'cli.missingOption', { option: t(lang, 'cli.placeholder.file') }));
    const outOpt = args.options.get('output');
    const output = typeof outOpt === 'string' ? outOpt : file;
    // A missing or unreadable input is said so first, not as a place that cannot be written.
    await checkInput(file, lang);
    const target = await prepareWrite(output, lang);
    const workbook = await openWorkbook(file, lang);
    checkOutputKind(workbook, output, lang);
    const result = await evaluateWorkbook(workbook, { lang });
    const json = args.options.has('json');
    if (!result.ok) return reportBlocked(io, json, file, t(lang, 'cli.cannotEvaluate', { file }), result.problems);
    // Serialised before the disk is touched: on failure the original stays.
    await writeTo(target, () => workbook.toBytes());
    reportWorkbookWarnings(io, lang, workbook);
    const r = result.report;
    if (json) {
      io.out(
        JSON.stringify(
          {
            unit: r.unit,
            ruleSet: r.ruleSet,
            indicators: r.indicators.map(({ code, criterion, required, value, numerator, denominator, status }) => ({ code, criterion, required, value, numerator, denominator, status })),
            criteria: r.criteria.map(({ code, status }) => ({ code, status })),
            outcome: r.outcome,
            countedMembers: r.countedMembers,
            members: r.members.map(({ row, name, met, applicable, score }) => ({ row, name, met, applicable, score })),
            warnings: r.warnings.map(({ sheet, cell, message }) => ({ sheet, cell, message })),
          },
          null,
          2,
        ),
      );
    } else {
      io.out(t(lang, 'cli.evaluated', { unit: r.unit || t(lang, 'cli.unnamedUnit'), members: r.countedMembers, ruleSet: r.ruleSet.name, outcome: r.outcome.text, file: output }));
      // What keeps the unit out, each with its figure: what to mend, without opening the workbook.
      const unmet = groupedUnmet(result.evaluation.indicators, lang);
      if (unmet.length) io.out(t(lang, 'cli.evaluatedUnmet', { list: unmet.join('; ') }));
      if (r.warnings.length) {
        io.err(t(lang, 'cli.warnings', { count: r.warnings.length }));
        for (const w of r.warnings.slice(0, 20)) io.err(`  - ${w.message}`);
        if (r.warnings.length > 20) io.err(t(lang, 'cli.moreWarnings', { count: r.warnings.length - 20 }));
      }
    }
    // Results are written either way; exit 1 says an outcome could not be reached yet.
    return r.outcome.status === 'not_evaluable' ? EXIT.data : EXIT.ok;
  },
};
