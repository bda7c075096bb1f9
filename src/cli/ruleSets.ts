/** The rule set a command is given: a preset, or one handed out by the consolidating body (its .json, or its starting workbook). */
import * as fs from 'fs';
import type { RuleSet } from '../domain/rules/ruleSet';
import { findPreset, PRESETS } from '../domain/rules/presets';
import { readHandoutFile, readHandoutWorkbook, type ReadHandout } from '../usecases/handout';

type Handout = Extract<ReadHandout, { ok: true }>;
import { t, type Lang } from '../i18n';
import { CliFailure, EXIT, openWorkbook, reading } from './context';
import { isMissing, missingInput, readReason } from './files';

/** A handed-out rule-set file (dvht handout --rules-file); refused (exit 2) when it is not one, or was edited since. */
export function handedOutRules(file: string, lang: Lang): RuleSet {
  return handedOutFile(file, lang).ruleSet;
}

function handedOutFile(file: string, lang: Lang): Handout {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw isMissing(e) ? missingInput(file, lang) : new CliFailure(EXIT.usage, t(lang, 'cli.fileMissing', { file, reason: readReason(e, lang) }));
  }
  const read = readHandoutFile(text, file, lang);
  if (!read.ok) throw new CliFailure(EXIT.usage, read.message);
  return read;
}

/** A handed-out rule set from its .json, or from the starting workbook ("sổ mẫu") that carries it sealed. */
export async function handedOutRulesAnyKind(file: string, lang: Lang): Promise<RuleSet> {
  return (await handedOutAnyKind(file, lang)).ruleSet;
}

/** The same, with the body that handed it out and its tier (init fills them in). */
export async function handedOutAnyKind(file: string, lang: Lang): Promise<Handout> {
  if (!/\.xls[xm]$/i.test(file)) return handedOutFile(file, lang);
  const workbook = await openWorkbook(file, lang, 'read');
  const read = await reading(file, () => readHandoutWorkbook(workbook, lang));
  if (!read.ok) throw new CliFailure(EXIT.usage, read.message);
  return read;
}

/**
 * consolidate --rule-set: a preset's id, or the rule set the body handed out (its .json or its
 * starting workbook), so a province's own thresholds are what the units are checked against.
 */
export async function referenceRuleSet(value: string, lang: Lang): Promise<RuleSet> {
  const preset = findPreset(value);
  if (preset) return preset;
  if (!/\.(json|xls[xm])$/i.test(value) && !fs.existsSync(value)) throw new CliFailure(EXIT.usage, t(lang, 'consolidate.cli.unknownRuleSet', { id: value }));
  return handedOutRulesAnyKind(value, lang);
}

/** The presets, one a line, for a usage message. */
export function presetList(): string {
  return PRESETS.map((p) => `  ${p.id.padEnd(16)} ${p.name}`).join('\n');
}
