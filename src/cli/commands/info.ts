/** `dvht presets` and `dvht types`: what the other commands accept. */
import { PRESETS } from '../../domain/rules/presets';
import { UNIT_TYPE_IDS } from '../../domain/unitTypes';
import type { Command } from '../context';
import { EXIT } from '../exit';

export const presets: Command = {
  name: 'presets',
  async run({ io }) {
    for (const p of PRESETS) io.out(`${p.id.padEnd(16)} ${p.name}`);
    return EXIT.ok;
  },
};

export const types: Command = {
  name: 'types',
  async run({ io }) {
    for (const [id, label] of Object.entries(UNIT_TYPE_IDS)) io.out(`${id.padEnd(14)} ${label}`);
    return EXIT.ok;
  },
};
