/** `dvht init`: a new structured workbook for one unit. */
import * as fs from 'fs';
import * as path from 'path';
import { findPreset } from '../../domain/rules/presets';
import { nearestUnitType, UNIT_TYPES, UNIT_TYPE_IDS } from '../../domain/unitTypes';
import { foldKey } from '../../domain/text';
import { XlsxWorkbook } from '../../workbook/xlsx/xlsxWorkbook';
import { NODE_XLSX } from '../../workbook/xlsx/files';
import { createSheets } from '../../usecases/createSheets';
import { sampleUnit } from '../../usecases/sampleData';
import { receiverFields } from '../../usecases/handout';
import { t, type Lang } from '../../i18n';
import { checkOutputKind, CliFailure, EXIT, integerOption, need, type Command, reportWorkbookWarnings, yesNoOption } from '../context';
import { evaluationYears } from '../../domain/years';
import { prepareWrite, writeTo } from '../files';
import { handedOutAnyKind } from '../ruleSets';

function resolveType(input: string, lang: Lang): string {
  const byId = UNIT_TYPE_IDS[input.toLowerCase()];
  if (byId) return byId;
  const byLabel = UNIT_TYPES.find((x) => foldKey(x) === foldKey(input));
  if (byLabel) return byLabel;
  // Not guessed: the id it likely means is named, for the next try.
  const label = nearestUnitType(input, UNIT_TYPES)!;
  const id = Object.keys(UNIT_TYPE_IDS).find((k) => UNIT_TYPE_IDS[k] === label)!;
  throw new CliFailure(EXIT.usage, t(lang, 'cli.unknownType', { type: input, id, label }));
}

/** Sample data is for trying the add-in and for the benchmark (20,000); beyond this it is a mistake. */
const MAX_SAMPLE_MEMBERS = 50000;

export const init: Command = {
  name: 'init',
  async run(ctx) {
    const { lang, io, args } = ctx;
    const output = need(ctx, 'output');
    // A rule set handed out by the consolidating body (its .json or its starting workbook), or a preset.
    const rulesFile = args.options.get('rules');
    const handout = typeof rulesFile === 'string' ? await handedOutAnyKind(rulesFile, lang) : null;
    const ruleSet = handout ? handout.ruleSet : findPreset(need(ctx, 'preset'));
    if (!ruleSet) throw new CliFailure(EXIT.usage, t(lang, 'cli.unknownPreset', { id: need(ctx, 'preset') }));
    const name = need(ctx, 'unit');
    const type = resolveType(need(ctx, 'type'), lang);
    const years = evaluationYears(new Date());
    const year = integerOption(ctx, 'year', years.min, years.max) ?? new Date().getFullYear();
    // Most units are public; businesses and other organisations are not.
    const isPublic = yesNoOption(ctx, 'public') ?? !['Doanh nghiệp', 'Tổ chức khác'].includes(type);
    const sampleOnly = ['members', 'seed'].find((o) => args.options.has(o) && !args.options.has('sample'));
    if (sampleOnly) throw new CliFailure(EXIT.usage, t(lang, 'cli.sampleOnly', { option: `--${sampleOnly}` }));
    const members = integerOption(ctx, 'members', 0, MAX_SAMPLE_MEMBERS);
    const seed = integerOption(ctx, 'seed', 0, 2 ** 31 - 1);
    if (fs.existsSync(output)) throw new CliFailure(EXIT.usage, t(lang, 'cli.outputExists', { file: output }));
    const target = await prepareWrite(output, lang);
    checkOutputKind(null, output, lang);

    const workbook = await XlsxWorkbook.create(path.basename(output), NODE_XLSX);
    // A handed-out rule set ("tt24-co-so-md1@…") takes the sample data of the preset it came from; its members, classes and head are the type's.
    const samplePreset = [ruleSet.id, ruleSet.id.split('@')[0]!].find((id) => findPreset(id));
    const sample = args.options.has('sample') ? sampleUnit({ presetId: samplePreset, members, seed, type, year, name }) : null;
    await createSheets(workbook, {
      ruleSet,
      // The body that handed the rule set out is where the dossier goes, over the sample's made-up one.
      unit: { ...(sample?.unit ?? {}), name, type, isPublic, year, ...receiverFields(handout?.receiver) },
      ...(sample ? { members: sample.members, learners: sample.learners, answers: sample.answers } : {}),
    });
    await writeTo(target, () => workbook.toBytes());
    reportWorkbookWarnings(io, lang, workbook);
    io.out(t(lang, 'cli.created', { file: output, ruleSet: ruleSet.name, unit: name }));
    return EXIT.ok;
  },
};
