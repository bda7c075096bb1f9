/**
 * Every `dvht` command. A new command is one file here and one line below. Each is loaded
 * only when run, so `dvht presets` and `--help` do not pay for the workbook reader and writer.
 */
import type { Command } from '../context';

export interface CommandSpec {
  name: string;
  /** The options it takes besides GLOBAL_OPTIONS (as parsed: "-o" is "output"); any other is refused. */
  options: readonly string[];
  /** How many file names may follow the command; more are refused (a stray name must not go unnoticed). */
  operands: number;
  /** It reads the workbook named by -o when there is one (consolidation writes into an officer's workbook). */
  readsOutput?: true;
  /** Its own help, in full, for `dvht NAME --help` (otherwise the list of every command). */
  help?: 'import.cli.help';
  load(): Command;
}

/* eslint-disable @typescript-eslint/no-require-imports -- loaded on demand: start-up of the light commands stays near a bare Node start */
export const COMMANDS: CommandSpec[] = [
  { name: 'presets', options: [], operands: 0, load: () => (require('./info') as typeof import('./info')).presets },
  { name: 'types', options: [], operands: 0, load: () => (require('./info') as typeof import('./info')).types },
  { name: 'init', options: ['output', 'preset', 'rules', 'unit', 'type', 'year', 'public', 'sample', 'members', 'seed'], operands: 0, load: () => (require('./init') as typeof import('./init')).init },
  { name: 'evaluate', options: ['output', 'json'], operands: 1, load: () => (require('./evaluate') as typeof import('./evaluate')).evaluate },
  { name: 'documents', options: ['only', 'output', 'json'], operands: 1, load: () => (require('./documents') as typeof import('./documents')).documents },
  { name: 'import', options: ['sheet', 'into', 'mapping', 'cdht-only', 'dry-run', 'clear-blanks', 'add', 'json'], operands: 1, help: 'import.cli.help', load: () => (require('./import') as typeof import('./import')).importCommand },
  { name: 'consolidate', options: ['output', 'rule-set', 'body', 'tier', 'max-size', 'json'], operands: Infinity, readsOutput: true, load: () => (require('./consolidate') as typeof import('./consolidate')).consolidate },
  { name: 'officer-documents', options: ['only', 'body', 'tier', 'signer', 'office', 'output', 'json'], operands: 1, load: () => (require('./officerDocuments') as typeof import('./officerDocuments')).officerDocuments },
  { name: 'new-year', options: ['output', 'json'], operands: 1, load: () => (require('./newYear') as typeof import('./newYear')).newYear },
  { name: 'rule-set', options: ['preset', 'rules', 'output', 'json'], operands: 1, load: () => (require('./ruleSet') as typeof import('./ruleSet')).ruleSet },
  { name: 'handout', options: ['preset', 'output', 'rules-file', 'body', 'tier', 'year'], operands: 1, load: () => (require('./handout') as typeof import('./handout')).handout },
];
/* eslint-enable @typescript-eslint/no-require-imports */
