/**
 * `dvht rule-set TRUONG.xlsx (--preset MÃ | --rules BỘ.json|SỔ-MẪU.xlsx) [-o RA.xlsx]`: the
 * unit's workbook switched to another rule set, written in place (atomically) or to -o, as evaluate does.
 */
import { findPreset } from '../../domain/rules/presets';
import type { RuleSet } from '../../domain/rules/ruleSet';
import { droppedText, lostEditText, lostEditsText, movedText, switchRuleSet } from '../../usecases/ruleSetSwitch';
import { t } from '../../i18n';
import { checkInput, checkOutputKind, CliFailure, EXIT, openWorkbook, reading, reportBlocked, reportWorkbookWarnings, type Command, type CommandContext } from '../context';
import { prepareWrite, writeTo } from '../files';
import { handedOutRulesAnyKind, presetList } from '../ruleSets';

async function chosenRuleSet({ args, lang }: CommandContext): Promise<RuleSet> {
  const preset = args.options.get('preset');
  const rules = args.options.get('rules');
  // One source, named with its value: anything else is a wrong use, answered with what is available.
  if ((preset === undefined) === (rules === undefined) || preset === true || rules === true) throw new CliFailure(EXIT.usage, t(lang, 'ruleSetSwitch.usage', { presets: presetList() }));
  if (typeof rules === 'string') return handedOutRulesAnyKind(rules, lang);
  const found = findPreset(preset as string);
  if (!found) throw new CliFailure(EXIT.usage, t(lang, 'ruleSetSwitch.unknownPreset', { id: preset as string, presets: presetList() }));
  return found;
}

export const ruleSet: Command = {
  name: 'rule-set',
  async run(ctx) {
    const { operands, args, lang, io } = ctx;
    const file = operands[0];
    if (!file) throw new CliFailure(EXIT.usage, t(lang, 'ruleSetSwitch.usage', { presets: presetList() }));
    const outOpt = args.options.get('output');
    const output = typeof outOpt === 'string' ? outOpt : file;
    await checkInput(file, lang);
    const rs = await chosenRuleSet(ctx);
    const target = await prepareWrite(output, lang);
    const workbook = await openWorkbook(file, lang);
    checkOutputKind(workbook, output, lang);
    const json = args.options.has('json');
    const result = await reading(file, () => switchRuleSet(workbook, rs, { lang }));
    if (!result.ok) return reportBlocked(io, json, file, t(lang, 'ruleSetSwitch.cannot', { file }), result.problems);
    if (result.unchanged && output === file) {
      io.out(json ? JSON.stringify({ file: output, source: file, ...result }, null, 2) : t(lang, 'ruleSetSwitch.unchanged', { file, name: result.to.name, sheet: result.sheet }));
      return EXIT.ok;
    }
    // Serialised before the disk is touched: on failure the original stays.
    await reading(file, () => writeTo(target, () => workbook.toBytes()));
    reportWorkbookWarnings(io, lang, workbook);
    if (json) {
      io.out(JSON.stringify({ file: output, source: file, ...result, dropped: result.dropped.map((d) => ({ ...d, message: droppedText(lang, d) })), lostEdits: result.lostEdits?.map((e) => ({ ...e, message: lostEditText(lang, e) })) ?? null }, null, 2));
      return EXIT.ok;
    }
    io.out(t(lang, 'ruleSetSwitch.done', { file: output, from: result.from.name, to: result.to.name, sheet: result.sheet, kept: result.kept.length }));
    const lost = lostEditsText(lang, result);
    if (lost) io.err(lost);
    const moved = movedText(lang, result.moved);
    if (moved) io.out(moved);
    if (result.level) io.out(t(lang, 'ruleSetSwitch.level', { level: result.level }));
    if (result.dropped.length) io.err(t(lang, 'ruleSetSwitch.dropped', { count: result.dropped.length, items: result.dropped.map((d) => droppedText(lang, d)).join('; ') }));
    io.out(t(lang, result.resultsCleared ? 'ruleSetSwitch.resultsCleared' : 'ruleSetSwitch.evaluateNext'));
    if (result.staleDocuments.length) io.out(t(lang, 'ruleSetSwitch.staleDocuments', { sheets: result.staleDocuments.map((d) => `“${d}”`).join(', ') }));
    return EXIT.ok;
  },
};
