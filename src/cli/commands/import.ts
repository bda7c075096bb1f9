/**
 * `dvht import SOURCE.xlsx --sheet NAME --into FILE.xlsx`: a school's own staff list into
 * the members sheet of a unit workbook. The source file is only read; FILE.xlsx is
 * replaced atomically, and only when the import went through.
 */
import * as fs from 'fs';
import * as path from 'path';
import { columnLetter } from '../../workbook/a1';
import { applyImport, cellChanges, previewImport, readSourceSheet, sheetContents, type ImportOptions, type ImportPreview, type ImportSource } from '../../usecases/import/importMembers';
import { changeLine, keptSummary, shownValue, targetLabel } from '../../usecases/import/wording';
import { choiceFromJson } from '../../usecases/import/mapping';
import { targetHeader } from '../../usecases/import/targets';
import type { XlsxWorkbook } from '../../workbook/xlsx/xlsxWorkbook';
import { t, type Lang } from '../../i18n';
import { checkInput, checkOutputKind, CliFailure, EXIT, need, openWorkbook, reading, type Command, type CommandContext, reportWorkbookWarnings } from '../context';
import { isMissing, missingInput, prepareWrite, readReason, writeTo } from '../files';
import { chooseSheet, quotedSheets, type SourceTab } from '../sourceSheet';

const SHOWN = 20;

async function readMappingFile(file: string, lang: Lang): Promise<unknown> {
  try {
    return JSON.parse(await fs.promises.readFile(file, 'utf8'));
  } catch (e) {
    if (isMissing(e)) throw missingInput(file, lang);
    throw new CliFailure(EXIT.usage, t(lang, 'import.cli.badMappingFile', { file, reason: e instanceof SyntaxError ? t(lang, 'import.cli.mappingNotJson') : readReason(e, lang) }));
  }
}

function fieldName(target: string | null, lang: Lang): string {
  return target ? targetLabel(lang, target) : t(lang, 'import.field.none');
}

/** At most SHOWN lines, then how many more (--json has them all). */
function listed(print: (line: string) => void, lines: string[], lang: Lang): void {
  for (const m of lines.slice(0, SHOWN)) print(`  - ${m}`);
  if (lines.length > SHOWN) print(t(lang, 'import.cli.more', { count: lines.length - SHOWN }));
}

function printText(ctx: CommandContext, p: ImportPreview, file: string, dryRun: boolean, cdht: boolean): void {
  const { io, lang } = ctx;
  if (p.header) {
    io.out(t(lang, 'import.cli.mappingTitle', { rows: p.header.top === p.header.bottom ? p.header.top : `${p.header.top}–${p.header.bottom}` }));
    for (const c of p.columns) io.out(t(lang, 'import.cli.mappingLine', { column: columnLetter(c.col), header: c.header, field: fieldName(c.target, lang) }));
  }
  const d = p.diff;
  if (cdht) io.out(t(lang, 'import.cli.cdhtSummary', { sheet: p.sourceSheet, file, updated: d.updated.length, unchanged: d.unchanged.length, unmatched: d.unmatched.length }));
  else {
    const counts = { rows: p.rows.length, sheet: p.sourceSheet, file, added: d.added.length, updated: d.updated.length, unchanged: d.unchanged.length, removed: d.removed.length };
    io.out(t(lang, dryRun ? 'import.cli.summaryDry' : 'import.cli.summary', counts));
    // A second sheet (the contract workers') would mark everyone of the first: say how to only add.
    if (d.removed.length) io.out(`${t(lang, 'import.cli.removedNote')} ${t(lang, 'import.cli.addHow', { sheet: p.sourceSheet })}`);
  }
  const changes = cellChanges(d);
  if (changes.length) {
    io.out(t(lang, 'import.cli.changes', { count: changes.length }));
    listed(io.out, changes.map((c) => changeLine(lang, c)), lang);
  }
  if (d.kept.length) io.out(`${keptSummary(lang, d.kept, SHOWN)} ${t(lang, 'import.cli.keptHow')}`);
  if (p.skipped.length) io.out(t(lang, 'import.cli.skipped', { count: p.skipped.length }));
  const list = (title: 'import.cli.issues' | 'import.cli.notices', messages: string[]) => {
    if (!messages.length) return;
    io.err(t(lang, title, { count: messages.length }));
    listed(io.err, messages, lang);
  };
  list('import.cli.issues', p.issues.map((i) => i.message));
  list('import.cli.notices', p.notices.map((n) => n.message));
}

function asJson(p: ImportPreview, applied: boolean, file: string) {
  const entry = ({ name, sourceRow, memberRow, changes, alreadyMarked }: ImportPreview['diff']['added'][number]) => ({ name, sourceRow, memberRow, changes, ...(alreadyMarked ? { alreadyMarked } : {}) });
  return {
    file,
    sheet: p.sourceSheet,
    ok: p.ok,
    applied,
    blocking: p.blocking.map(({ code, sheet, cell, message }) => ({ code, sheet, cell, message })),
    header: p.header,
    mappingSource: p.mappingSource,
    columns: p.columns.map((c) => ({ column: columnLetter(c.col), header: c.header, target: c.target, field: c.target ? targetHeader(c.target) : null, origin: c.origin, hidden: c.hidden, impliedTitle: c.impliedTitle })),
    mapping: p.mapping,
    rows: p.rows.map(({ row, name, id, values, hidden }) => ({ row, name, id, values: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, shownValue(v)])), hidden })),
    skipped: p.skipped,
    issues: p.issues.map(({ sheet, cell, target, reason, found, header, message }) => ({ sheet, cell, field: targetHeader(target), reason, found, column: header, message })),
    notices: p.notices.map(({ code, sheet, cell, message }) => ({ code, sheet, cell, message })),
    diff: {
      added: p.diff.added.map(entry),
      updated: p.diff.updated.map(entry),
      unchanged: p.diff.unchanged.map(entry),
      removed: p.diff.removed.map(entry),
      unmatched: p.diff.unmatched.map(entry),
      kept: p.diff.kept,
    },
  };
}

/** The source's sheet --sheet names (see sourceSheet.ts), or its only visible one with data, said on the way (not into --json). */
function pickSheet(ctx: CommandContext, asked: string | undefined, sheets: SourceTab[], file: string): string {
  const { lang, io, args } = ctx;
  const choice = chooseSheet(asked, sheets);
  const marks = { hidden: t(lang, 'import.cli.hiddenMark'), empty: t(lang, 'import.cli.emptyMark') };
  if ('sheet' in choice) {
    if (choice.only && !args.options.has('json')) {
      if (!choice.others) io.out(t(lang, 'import.cli.onlySheet', { file, sheet: choice.sheet }));
      else io.out(t(lang, 'import.cli.onlyVisibleSheet', { file, sheet: choice.sheet, others: quotedSheets(choice.others, marks) }));
    }
    return choice.sheet;
  }
  const listed = quotedSheets(choice.sheets, marks);
  if (choice.problem === 'notGiven') throw new CliFailure(EXIT.usage, t(lang, 'import.cli.whichSheet', { file, sheets: listed, example: choice.example }));
  if (choice.problem === 'ambiguous') throw new CliFailure(EXIT.data, t(lang, 'import.cli.sheetAmbiguous', { sheet: asked ?? '', sheets: listed }));
  throw new CliFailure(EXIT.data, t(lang, 'import.block.noSourceSheet', { sheet: asked ?? '', sheets: listed }));
}

/** The source's tabs as the clerk sees them; without --sheet and with several visible, what those hold. */
async function sourceTabs(from: XlsxWorkbook, asked: string | undefined, file: string): Promise<SourceTab[]> {
  const tabs: SourceTab[] = from.pkg.sheets.map(({ name, state }) => ({ name, state }));
  const visible = tabs.filter((s) => s.state === 'visible');
  if (asked !== undefined || visible.length < 2) return tabs;
  const holds = await reading(file, () => sheetContents(from, visible.map((s) => s.name)));
  return tabs.map((s) => ({ ...s, ...(holds.has(s.name) ? { holds: holds.get(s.name) } : {}) }));
}

export const importCommand: Command = {
  name: 'import',
  async run(ctx) {
    const { operands, args, lang, io } = ctx;
    const sourceFile = operands[0];
    if (!sourceFile) throw new CliFailure(EXIT.usage, t(lang, 'cli.missingOption', { option: t(lang, 'cli.placeholder.source') }) + '\n' + t(lang, 'import.cli.help'));
    const sheetOpt = args.options.get('sheet');
    const asked = typeof sheetOpt === 'string' && sheetOpt.trim() !== '' ? sheetOpt : undefined;
    const into = need(ctx, 'into');
    const mappingOpt = args.options.get('mapping');
    const json = args.options.has('json');
    const dryRun = args.options.has('dry-run');
    const cdht = args.options.has('cdht-only');
    const mappingJson = typeof mappingOpt === 'string' && mappingOpt !== 'auto' ? await readMappingFile(mappingOpt, lang) : null;

    await checkInput(sourceFile, lang);
    await checkInput(into, lang);
    const file = dryRun ? null : await prepareWrite(into, lang);
    const target = await openWorkbook(into, lang, dryRun ? 'read' : 'write');
    if (!dryRun) checkOutputKind(target, into, lang, 'rename');
    const sameFile = path.resolve(sourceFile) === path.resolve(into);
    const from = sameFile ? target : await openWorkbook(sourceFile, lang, 'read');
    const sheet = pickSheet(ctx, asked, await sourceTabs(from, asked, sourceFile), sourceFile);
    let source: ImportSource = { sheet };
    if (!sameFile) {
      const read = await reading(sourceFile, () => readSourceSheet(from, sheet));
      if (!read.data) throw new CliFailure(EXIT.data, t(lang, 'import.block.noSourceSheet', { sheet, sheets: quotedSheets(read.sheetNames) }));
      source = { sheet, data: read.data, label: sourceFile };
    }
    const options: ImportOptions = { lang, mode: cdht ? 'cdht' : 'members', clearBlanks: args.options.has('clear-blanks'), markRemoved: !args.options.has('add') };
    // The source is read by now: what fails from here on is the workbook imported into.
    let preview = await reading(into, () => previewImport(target, source, options));
    if (mappingJson !== null && preview.header) {
      const { choice, errors } = choiceFromJson(mappingJson, preview.columns);
      if (errors.length) throw new CliFailure(EXIT.usage, errors.map((e) => t(lang, 'import.cli.badMappingEntry', { file: String(mappingOpt), key: e.key, value: e.value })).join('\n'));
      options.choice = choice;
      preview = await reading(into, () => previewImport(target, source, options));
    }
    if (!preview.ok) {
      const noMembers = preview.blocking.some((b) => b.code === 'import.block.noMembersSheet');
      if (json) io.out(JSON.stringify(asJson(preview, false, into), null, 2));
      else {
        io.err(t(lang, 'import.cli.cannotImport', { sheet, file: sourceFile }));
        for (const b of preview.blocking) io.err(`  - ${noMembers && b.code === 'import.block.noMembersSheet' ? t(lang, 'import.cli.runInit', { file: into }) : b.message}`);
      }
      return EXIT.data;
    }
    let applied = false;
    if (!dryRun) {
      const result = await reading(into, () => applyImport(target, source, options));
      applied = result.applied;
      if (!applied) return EXIT.data;
      await reading(into, () => writeTo(file!, () => target.toBytes()));
      reportWorkbookWarnings(io, lang, target);
    }
    if (json) io.out(JSON.stringify(asJson(preview, applied, into), null, 2));
    else printText(ctx, preview, into, dryRun, cdht);
    return EXIT.ok;
  },
};
