/**
 * `dvht officer-documents TONG-HOP.xlsx`: the receiving body's minutes, request and draft
 * decision from the workbook `dvht consolidate` wrote (its table "Tổng hợp đơn vị").
 */
import { generateOfficerDocuments, OFFICER_KINDS } from '../../usecases/officerDocuments';
import { bodyTierProblem } from '../../usecases/consolidate';
import { t } from '../../i18n';
import { sentences } from '../../domain/text';
import { checkInput, checkOutputKind, CliFailure, EXIT, onlyKinds, openWorkbook, reportWorkbookWarnings, type Command } from '../context';
import { prepareWrite, writeTo } from '../files';

export const officerDocuments: Command = {
  name: 'officer-documents',
  async run({ operands, args, lang, io }) {
    const file = operands[0];
    if (!file) throw new CliFailure(EXIT.usage, t(lang, 'officer.usage', { kinds: OFFICER_KINDS.join('|') }));
    const text = (name: string) => {
      const v = args.options.get(name);
      return typeof v === 'string' ? v : undefined;
    };
    const kinds = onlyKinds(args.options.get('only'), OFFICER_KINDS, lang);
    const output = text('output') ?? file;
    const tierProblem = bodyTierProblem(text('tier') ?? '', lang, 'officerDocuments');
    if (tierProblem) throw new CliFailure(EXIT.usage, tierProblem);
    await checkInput(file, lang);
    const target = await prepareWrite(output, lang);
    const workbook = await openWorkbook(file, lang);
    checkOutputKind(workbook, output, lang);
    const result = await generateOfficerDocuments(workbook, { lang, body: text('body'), tier: text('tier'), signer: text('signer'), office: text('office'), ...(kinds ? { kinds } : {}) });
    if (!result.ok) throw new CliFailure(EXIT.data, result.message);
    await writeTo(target, () => workbook.toBytes());
    reportWorkbookWarnings(io, lang, workbook);
    if (args.options.has('json')) {
      io.out(JSON.stringify({ file: output, ...result }, null, 2));
      return EXIT.ok;
    }
    io.out(t(lang, 'officer.done', { count: result.documents.length, file: output, sheets: result.documents.map((d) => `“${d.sheet}”`).join(', '), proposed: result.proposed, notProposed: result.notProposed }));
    if (result.templates.status === 'created') io.out(t(lang, 'documents.templatesCreated', { sheet: result.templates.sheet }));
    const out = result.units.filter((u) => u.why);
    if (out.length) {
      io.out(t(lang, 'officer.notProposed', { count: out.length }));
      for (const u of out) io.out(`  - ${u.name}: ${u.why}`);
    }
    // Proposed units with remarks: the officer reads them before the decision is signed.
    const noted = result.units.filter((u) => !u.why && u.notes.length);
    if (noted.length) {
      io.out(t(lang, 'officer.proposedWithNotes', { count: noted.length }));
      for (const u of noted) io.out(`  - ${u.name}: ${sentences(u.notes)}`);
    }
    for (const w of result.warnings) io.err(w);
    return EXIT.ok;
  },
};
