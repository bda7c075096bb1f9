/**
 * Every `dvht` command. A new command is one file here and one line below. Each is loaded
 * only when run, so `dvht presets` and `--help` do not pay for the workbook reader and writer.
 */
import type { Command } from '../context';

/* eslint-disable @typescript-eslint/no-require-imports -- loaded on demand: start-up of the light commands stays near a bare Node start */
export const COMMANDS: { name: string; load(): Command }[] = [
  { name: 'presets', load: () => (require('./info') as typeof import('./info')).presets },
  { name: 'types', load: () => (require('./info') as typeof import('./info')).types },
  { name: 'init', load: () => (require('./init') as typeof import('./init')).init },
  { name: 'evaluate', load: () => (require('./evaluate') as typeof import('./evaluate')).evaluate },
  { name: 'documents', load: () => (require('./documents') as typeof import('./documents')).documents },
  { name: 'import', load: () => (require('./import') as typeof import('./import')).importCommand },
  { name: 'consolidate', load: () => (require('./consolidate') as typeof import('./consolidate')).consolidate },
  { name: 'officer-documents', load: () => (require('./officerDocuments') as typeof import('./officerDocuments')).officerDocuments },
  { name: 'new-year', load: () => (require('./newYear') as typeof import('./newYear')).newYear },
  { name: 'handout', load: () => (require('./handout') as typeof import('./handout')).handout },
];
/* eslint-enable @typescript-eslint/no-require-imports */
