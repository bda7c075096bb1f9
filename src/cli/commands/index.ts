/** Every `dvht` command. A new command is one file here and one line below. */
import type { Command } from '../context';
import { presets, types } from './info';
import { init } from './init';
import { evaluate } from './evaluate';
import { documents } from './documents';
import { importCommand } from './import';
import { consolidate } from './consolidate';
import { officerDocuments } from './officerDocuments';
import { newYear } from './newYear';
import { handout } from './handout';

export const COMMANDS: Command[] = [presets, types, init, evaluate, documents, importCommand, consolidate, officerDocuments, newYear, handout];
