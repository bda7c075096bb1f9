/**
 * `dvht handout (TONG-HOP.xlsx | --preset ID) -o SO-MAU.xlsx [--rules-file BO.json]`: the
 * officer's chosen rule set (a preset, or the "Tiêu chí" sheet of the officer's workbook as
 * edited), sealed, as the units' starting workbook and as a small file for dvht init --rules.
 */
import * as fs from 'fs';
import * as path from 'path';
import { handoutFile, handoutRuleSet, writeStarterWorkbook } from '../../usecases/handout';
import { bodyTierProblem } from '../../usecases/consolidate';
import { XlsxWorkbook } from '../../workbook/xlsx/xlsxWorkbook';
import { NODE_XLSX } from '../../workbook/xlsx/files';
import { t } from '../../i18n';
import { checkInput, checkOutputKind, CliFailure, EXIT, integerOption, openWorkbook, reportWorkbookWarnings, type Command } from '../context';
import { evaluationYears } from '../../domain/years';
import { prepareWrite, writeTo } from '../files';

export const handout: Command = {
  name: 'handout',
  async run(ctx) {
    const { operands, args, lang, io } = ctx;
    const opt = (name: string) => {
      const v = args.options.get(name);
      return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
    };
    const output = opt('output');
    const presetId = opt('preset');
    const from = operands[0];
    if (!output || (!from && !presetId)) throw new CliFailure(EXIT.usage, t(lang, 'handout.usage'));
    // Written into every unit's workbook, a tier naming none would be warned at each unit later.
    const tierProblem = bodyTierProblem(opt('tier') ?? '', lang, 'handout');
    if (tierProblem) throw new CliFailure(EXIT.usage, tierProblem);
    const rulesFile = opt('rules-file');
    const years = evaluationYears(new Date());
    const year = integerOption(ctx, 'year', years.min, years.max);
    if (from) await checkInput(from, lang);
    // A folder under an output's name is said to be one (prepareWrite), not "a file that exists".
    const target = await prepareWrite(output, lang);
    checkOutputKind(null, output, lang);
    const rulesTarget = rulesFile ? await prepareWrite(rulesFile, lang) : null;
    for (const f of [output, rulesFile]) if (f && fs.existsSync(f)) throw new CliFailure(EXIT.usage, t(lang, 'cli.outputExists', { file: f }));
    const source = presetId ? await handoutRuleSet({ presetId }, lang) : await handoutRuleSet({ workbook: await openWorkbook(from!, lang, 'read') }, lang);
    if (!source.ok) throw new CliFailure(presetId ? EXIT.usage : EXIT.data, source.message);
    const starter = await XlsxWorkbook.create(path.basename(output), NODE_XLSX);
    await writeStarterWorkbook(starter, source.ruleSet, { body: opt('body'), tier: opt('tier'), year });
    await writeTo(target, () => starter.toBytes());
    if (rulesTarget) await writeTo(rulesTarget, new TextEncoder().encode(handoutFile(source.ruleSet, { body: opt('body'), tier: opt('tier') })));
    reportWorkbookWarnings(io, lang, starter);
    for (const w of source.warnings) io.err(w);
    io.out(t(lang, 'handout.done', { name: source.ruleSet.name, id: source.ruleSet.id, file: output, rules: rulesFile ? t(lang, 'handout.rulesFile', { file: rulesFile }) : '' }));
    return EXIT.ok;
  },
};
