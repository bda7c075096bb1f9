/** `dvht documents`: generate the dossier's printable documents into the workbook. */
import { DOCUMENT_KINDS, generateDocuments } from '../../usecases/documents';
import { t } from '../../i18n';
import { checkInput, checkOutputKind, CliFailure, EXIT, onlyKinds, openWorkbook, reportBlocked, reportWorkbookWarnings, type Command } from '../context';
import { prepareWrite, writeTo } from '../files';
import { formatMeasured } from '../../i18n/format';

export const documents: Command = {
  name: 'documents',
  async run({ operands, args, lang, io }) {
    const file = operands[0];
    if (!file) throw new CliFailure(EXIT.usage, t(lang, 'documents.usage', { kinds: DOCUMENT_KINDS.join('|') }));
    const kinds = onlyKinds(args.options.get('only'), DOCUMENT_KINDS, lang);
    const outOpt = args.options.get('output');
    const output = typeof outOpt === 'string' ? outOpt : file;
    const json = args.options.has('json');
    await checkInput(file, lang);
    const target = await prepareWrite(output, lang);
    const workbook = await openWorkbook(file, lang);
    checkOutputKind(workbook, output, lang);
    const result = await generateDocuments(workbook, { lang, ...(kinds ? { kinds } : {}) });
    if (!result.ok) return reportBlocked(io, json, file, t(lang, 'documents.cannotGenerate', { file }), result.problems);
    // Serialised before the disk is touched: on failure the original file stays as it was.
    await writeTo(target, () => workbook.toBytes());
    reportWorkbookWarnings(io, lang, workbook);
    const f = result.figures;
    if (json) {
      io.out(
        JSON.stringify(
          {
            file: output,
            ok: true,
            unit: result.unit,
            documents: result.documents,
            templates: result.templates,
            outcome: f.outcome,
            countedMembers: f.countedMembers,
            indicators: f.indicators.map((i) => ({ code: i.code, status: i.status, value: i.value, percent: i.value === null ? null : formatMeasured({ value: i.value, required: i.required, status: i.status }) })),
            warnings: result.warnings,
          },
          null,
          2,
        ),
      );
      return EXIT.ok;
    }
    io.out(t(lang, 'documents.generated', { count: result.documents.length, unit: result.unit, sheets: result.documents.map((d) => `“${d.sheet}”`).join(', '), file: output }));
    if (result.templates.status === 'created') io.out(t(lang, 'documents.templatesCreated', { sheet: result.templates.sheet }));
    if (result.templates.status === 'added') io.out(t(lang, 'documents.templatesAdded', { count: result.templates.added, sheet: result.templates.sheet }));
    const kept = result.documents.reduce((a, d) => a + d.kept, 0);
    if (kept) io.out(t(lang, 'documents.kept', { count: kept }));
    if (result.warnings.length) {
      io.err(t(lang, 'cli.warnings', { count: result.warnings.length }));
      for (const w of result.warnings.slice(0, 20)) io.err(`  - ${w.message}`);
      if (result.warnings.length > 20) io.err(t(lang, 'cli.moreWarnings', { count: result.warnings.length - 20 }));
    }
    return EXIT.ok;
  },
};
