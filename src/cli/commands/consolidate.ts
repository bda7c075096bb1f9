/**
 * `dvht consolidate FILES_OR_FOLDERS... -o OUT.xlsx [--json] [--rule-set ID|RULES.json|STARTER.xlsx] [--body ..]
 * [--tier ..] [--max-size MB]`: many unit workbooks → one checked table. Files are read on
 * worker threads (both cores); this thread keeps only the per-unit records, has the file
 * writer draw each unit's row as its record arrives, and writes the output once, after the
 * whole batch. Exit 0 when every file was consolidated, 1 when some
 * were rejected (the output is still written), 2 on usage errors.
 */
import * as fs from 'fs';
import * as path from 'path';
import { t, type Lang } from '../../i18n';
import { bodyTierProblem, consolidateFiles, filesToRead, isUnitWorkbookTargetError, summaryText, type ConsolidationResult, type ReceivedFile } from '../../usecases/consolidate';
import { fileLabel, readAhead } from '../consolidatePool';
import { takeReaders } from '../readerThreads';
import { serialToDate } from '../../usecases/consolidate/dates';
import { formatDate } from '../../i18n/format';
import { XlsxWorkbook } from '../../workbook/xlsx/xlsxWorkbook';
import { NODE_XLSX } from '../../workbook/xlsx/files';
import { checkOutputKind, CliFailure, EXIT, openWorkbook, reading, type Command, reportWorkbookWarnings } from '../context';
import { prepareWrite, writeTo } from '../files';
import { referenceRuleSet } from '../ruleSets';

/** What a folder contributes to be read: spreadsheet-like files (the wrong kinds get a reason, not silence). */
const SPREADSHEET = /\.(xlsx|xlsm|xltx|xltm|xlsb|xls|csv|ods)$/i;
/** A dossier sent zipped: its workbooks are not read, the officer unpacks it. */
const ARCHIVE = /\.(zip|rar|7z|gz|tgz|tar|bz2|xz)$/i;

interface FoundFile {
  path: string;
  size: number;
  /** As the table and the file report show it: its path in the folder given, or its name. */
  label: string;
  /** Found in a folder and not read, with the reason. */
  skipped?: string;
}

export const consolidate: Command = {
  name: 'consolidate',
  async run({ operands, args, lang, io }) {
    const usage = (message: string) => new CliFailure(EXIT.usage, `${message}\n${t(lang, 'consolidate.cli.usage')}`);
    const output = args.options.get('output');
    if (typeof output !== 'string' || output.trim() === '') throw usage(t(lang, 'cli.missingOption', { option: t(lang, 'cli.placeholder.output') }));
    if (operands.length === 0) throw usage(t(lang, 'cli.missingOption', { option: t(lang, 'cli.placeholder.inputs') }));
    const ruleSetId = args.options.get('rule-set');
    const ruleSet = typeof ruleSetId === 'string' ? await referenceRuleSet(ruleSetId, lang) : null;
    const maxSize = args.options.get('max-size');
    const maxMb = typeof maxSize === 'string' ? Number(maxSize) : undefined;
    if (maxSize !== undefined && !(typeof maxMb === 'number' && Number.isFinite(maxMb) && maxMb > 0)) throw usage(t(lang, 'consolidate.cli.badMaxSize'));
    const text = (name: string) => {
      const v = args.options.get(name);
      return typeof v === 'string' ? v.trim() : '';
    };
    const tierProblem = bodyTierProblem(text('tier'), lang, 'consolidate');
    if (tierProblem) throw usage(tierProblem);

    // The reading threads (started by the process entry, else now): their start-up overlaps listing the files and opening the output.
    const readers = takeReaders();
    let workbook: XlsxWorkbook;
    let result: ConsolidationResult;
    try {
      // A new table's name is refused before a file is read; an officer's workbook once it is open (its kind).
      const existing = fs.existsSync(output);
      if (!existing) checkOutputKind(null, output, lang);
      const files = collectFiles(operands, path.resolve(output), lang);
      if (files.every((f) => f.skipped !== undefined)) throw usage(t(lang, 'consolidate.cli.noFiles', { paths: operands.join(', ') }));
      const limits = maxMb ? { maxFileBytes: Math.round(maxMb * 1024 * 1024) } : {};
      const received: ReceivedFile[] = files.map((f) => ({ label: f.label, size: f.size, ...(f.skipped !== undefined ? { skipped: f.skipped } : {}) }));
      const labelOf = new Map(files.map((f, i) => [f.path, received[i]!.label]));
      // Reading starts now; checking the output and opening it overlap the first files.
      const read = readAhead(
        files.map((f) => f.path),
        filesToRead(received, limits),
        // Each file's label as worked out above, not a second path.relative per file.
        { lang, limits, readers, ruleSet, label: (f) => labelOf.get(f) ?? fileLabel(f) },
      );
      const target = await prepareWrite(output, lang);
      // Into an existing workbook only our two sheets are redrawn; the officer's own sheets stay.
      workbook = existing ? await openWorkbook(output, lang) : await XlsxWorkbook.create(path.basename(output), NODE_XLSX);
      if (existing) checkOutputKind(workbook, output, lang);
      const progress = process.stderr.isTTY && !args.options.has('json');
      // Each unit's own damage is its rejection (readUnit): what escapes is the output's, named alone.
      // An unexpected fault is not the output's: it may come of any unit taken in.
      result = (await reading(output, () => consolidateFiles(
        workbook,
        received,
        read,
        {
          body: text('body'),
          tier: text('tier'),
          ruleSet,
          lang,
          limits,
          onProgress: ({ done, total }) => {
            if (progress && (done % 25 === 0 || done === total)) process.stderr.write(`\r${t(lang, 'consolidate.pane.progress', { done, total })}`);
          },
          onWriting: () => {
            if (progress) process.stderr.write('\n');
          },
          // The unit rows are drawn while the other files are read, not after the last one.
          drawRows: () => workbook.drawRowsAhead(),
        },
      ).catch((e: unknown) => {
        // A unit's own workbook, refused by the use-case before it reads a file: said with the file as given.
        throw isUnitWorkbookTargetError(e) ? usage(t(lang, 'consolidate.cli.outputIsUnitWorkbook', { file: output })) : e;
      }), 'damage'))!; // the CLI never cancels
      await reading(output, () => writeTo(target, () => workbook.toBytes()));
    } finally {
      for (const w of readers) void w.terminate(); // ended with the batch already; here on any failure
    }
    reportWorkbookWarnings(io, lang, workbook);

    const s = result.summary;
    if (args.options.has('json')) io.out(JSON.stringify(toJson(result, output), null, 2));
    else {
      io.out(t(lang, 'consolidate.cli.done', { units: s.units, summary: summaryText(s, lang), file: output }));
      for (const [status, key] of [['skipped', 'consolidate.cli.skipped'], ['rejected', 'consolidate.cli.rejected']] as const) {
        const listed = result.files.filter((f) => f.status === status);
        if (!listed.length) continue;
        io.err(t(lang, key, { count: listed.length }));
        for (const f of listed.slice(0, 50)) io.err(`  - ${f.file}: ${f.reasons.join(' ')}`);
        if (listed.length > 50) io.err(t(lang, 'cli.moreWarnings', { count: listed.length - 50 }));
      }
      // Units under one name (two or more files), each kept: the officer asks before any is proposed.
      const sameName = result.units.flatMap((u) => u.record.flags.filter((f) => f.code === 'sameNameOtherData').map((f) => `  - ${u.file}: ${f.message}`));
      if (sameName.length) {
        io.err(t(lang, 'consolidate.cli.sameName', { count: result.units.filter((u) => u.record.flags.some((f) => f.code === 'sameNameOtherData')).length }));
        for (const line of sameName.slice(0, 50)) io.err(line);
        if (sameName.length > 50) io.err(t(lang, 'cli.moreWarnings', { count: sameName.length - 50 }));
      }
    }
    return s.rejected > 0 ? EXIT.data : EXIT.ok;
  },
};

/**
 * Operands in order; folders walked recursively in name order; the output itself left out. Each
 * file is labelled by its path in the folder given ("xa-a/u2.xlsx"), a file given outright by its name.
 */
function collectFiles(operands: string[], outputAbs: string, lang: Lang): FoundFile[] {
  const out: FoundFile[] = [];
  const seen = new Set<string>();
  const labels = new Set<string>();
  const add = (f: string, label: string, abs = path.resolve(f), skipped?: string) => {
    if (abs === outputAbs || seen.has(abs)) return;
    seen.add(abs);
    // Two folders given may hold the same names: the later one then shows where it was found.
    if (labels.has(label)) label = fileLabel(f);
    labels.add(label);
    out.push({ path: f, size: sizeOf(f), label, ...(skipped !== undefined ? { skipped } : {}) });
  };
  // A folder's absolute path is worked out once: an entry's name holds no separator, so it is joined as it is.
  const walk = (dir: string, prefix: string, absDir = path.resolve(dir)) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.name.startsWith('.') || e.name.startsWith('~$')) continue; // hidden files, Excel lock files
      const p = path.join(dir, e.name);
      const abs = absDir.endsWith(path.sep) ? absDir + e.name : absDir + path.sep + e.name; // a root folder ends with one
      if (e.isDirectory()) walk(p, `${prefix}${e.name}/`, abs);
      else if (!e.isFile()) continue;
      else if (SPREADSHEET.test(e.name)) add(p, prefix + e.name, abs);
      else add(p, prefix + e.name, abs, t(lang, ARCHIVE.test(e.name) ? 'consolidate.reason.archive' : 'consolidate.reason.notWorkbook'));
    }
  };
  for (const op of operands) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(op);
    } catch {
      throw new CliFailure(EXIT.usage, t(lang, 'consolidate.cli.notFound', { path: op }));
    }
    if (stat.isDirectory()) walk(op, '');
    // Named outright, the output would be read and overwritten in one run (in a folder it is just left out).
    else if (path.resolve(op) === outputAbs) throw new CliFailure(EXIT.usage, t(lang, 'consolidate.cli.outputIsInput', { file: op }));
    else add(op, path.basename(op));
  }
  return out;
}

/** 0 when it cannot be read now: the reader then says why. */
function sizeOf(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

function toJson(r: ConsolidationResult, output: string) {
  return {
    output,
    body: r.body,
    tier: r.tier,
    ruleSet: r.ruleSet,
    asOf: formatDate(r.asOf),
    summary: r.summary,
    counts: r.counts,
    passRates: r.passRates,
    criteria: r.criteria,
    units: r.units.map(({ record: u, file }) => ({
      file,
      name: u.name,
      type: u.type,
      year: u.year,
      levelRequested: u.levelRequested,
      ruleSet: { id: u.ruleSet.id, name: u.ruleSet.name },
      countedMembers: u.countedMembers,
      listedMembers: u.listedMembers,
      indicators: u.indicators.map(({ code, value, required, status }) => ({ code, value, required, status })),
      criteria: u.criteria.map(({ code, status }) => ({ code, status })),
      bases: u.bases,
      outcome: u.outcome,
      recorded: { outcome: u.recorded.outcome, score: u.recorded.score, rating: u.recorded.rating, evaluatedAt: u.recorded.evaluatedAt === null ? null : serialToDate(u.recorded.evaluatedAt).toISOString() },
      previousDate: u.previousDate === null ? null : formatDate(serialToDate(u.previousDate)),
      flags: u.flags,
    })),
    files: r.files,
  };
}
