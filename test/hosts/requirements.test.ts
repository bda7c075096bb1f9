/** One requirement check for the workbook adapter (versions) and the pane's steps (named sets). */
import { parseRequirement, supportsIn } from '../../src/workbook/office/requirements';

/** A host with these sets up to these minor versions (1.x). */
const office = (sets: Record<string, number>) => ({
  context: {
    requirements: {
      isSetSupported: (name: string, version = '1.0') => (sets[name] ?? -1) >= Number(version.split('.')[1]),
    },
  },
});

test('a version alone is an ExcelApi version; a named set is that set', () => {
  expect(parseRequirement('1.9')).toEqual({ set: 'ExcelApi', version: '1.9' });
  expect(parseRequirement('ExcelApi 1.13')).toEqual({ set: 'ExcelApi', version: '1.13' });
  expect(parseRequirement('SharedRuntime:1.1')).toEqual({ set: 'SharedRuntime', version: '1.1' });
  expect(parseRequirement('mới nhất')).toBeNull();
});

test('supported, missing, unknown, and a host that throws', () => {
  const supports = supportsIn(office({ ExcelApi: 9 }));
  expect(supports('1.9')).toBe(true);
  expect(supports('ExcelApi 1.13')).toBe(false);
  expect(supports('mới nhất')).toBe(false);
  const throwing = { context: { requirements: { isSetSupported: (): boolean => { throw new Error('old host'); } } } };
  expect(supportsIn(throwing)('1.4')).toBe(false);
});
