/**
 * The preflight's walk of each XML part reads tags without attributes itself (most of a
 * sheet's) and hands every other tag to scanTag: it refuses exactly what the walk made of
 * scanTag alone refuses (DTD, depth, rows, cells, an unterminated tag, a sheet left unclosed, a close tag
 * misnamed in a part the add-in reads, sheets included), with the same reason, a broken part named.
 */
import fc from 'fast-check';
import { preflightXlsx, PREFLIGHT_LIMITS, XlsxError, type PreflightLimits } from '../../src/xlsx';
import { namingPart } from '../../src/xlsx/errors';
import { named, newTagSpan, scanTag } from '../../src/xlsx/xml';
import { nodeInflate, nodeRaw } from '../../src/xlsx/inflateNode';
import { makeZip } from '../consolidate/corpus';

/** The walk with scanTag for every tag (the preflight's before tags without attributes were read in place). */
function scanTagWalk(xml: string, name: string, sheet: boolean, limits: PreflightLimits): void {
  const tag = newTagSpan();
  // A part the add-in reads or edits (not a chart) must close what it opens, by name.
  const open: string[] | null = name.includes('/charts/') ? null : [];
  let depth = 0;
  let rows = 0;
  let cells = 0;
  for (let i = 0; ; ) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) break;
    const found = scanTag(xml, lt, tag);
    i = tag.end;
    if (!found) continue;
    if (tag.closing) {
      depth--;
      const local = xml.slice(tag.nameStart, tag.nameEnd);
      if (open && open.pop() !== local) throw new XlsxError('corrupt', `mismatched </${local}>`);
      continue;
    }
    if (!tag.selfClosing) {
      if (++depth > limits.maxDepth) throw new XlsxError('tooDeep', name);
      open?.push(xml.slice(tag.nameStart, tag.nameEnd));
    }
    if (!sheet) continue;
    if (named(xml, tag, 'c')) {
      if (++cells > limits.maxCells) throw new XlsxError('sheetTooLarge', name);
    } else if (named(xml, tag, 'row')) {
      if (++rows > limits.maxRows) throw new XlsxError('sheetTooLarge', name);
    }
  }
  // Parts the add-in reads must be whole; a chart it only copies may be as it is.
  if (depth !== 0 && !name.includes('/charts/')) throw new XlsxError('corrupt', 'unclosed elements');
}

function outcome(run: () => unknown): Promise<string> {
  return Promise.resolve()
    .then(run)
    .then(
      () => 'ok',
      (e: unknown) => (e instanceof XlsxError ? `${e.kind}: ${e.detail}` : `other: ${String(e)}`),
    );
}

const TOKENS = [
  '<c>', '</c>', '<c/>', '<c r="A1">', '<x:c>', '</x:c>', '<row>', '</row>', '<row r="3">', '<row r="0">', '<row r="x">', '<x:row r="2"/>',
  '<row/>', '<is>', '</is>', '<t>', '</t>', 'Đạt > 5', '< c>', '<c >', '</c >', '<c\n>', '<!-- <c> -->', '<?pi <c>?>', '<![CDATA[<c>]]>',
  '<c a=">">', '</c a=">">', '<c a="<c>">', "<c a='>'>", "<c a='\"'/>", '<c a="\'>"/>', '<>', '</>', '<rows>', '<cc>', '<!DOCTYPE x>', '<',
];

describe('the preflight walk of an XML part', () => {
  it('refuses what the walk with scanTag alone refuses, for the same reason', async () => {
    // Small caps, drawn too: each refusal is met, some just at their edge.
    const caps = fc.record({ maxDepth: fc.integer({ min: 1, max: 30 }), maxRows: fc.integer({ min: 1, max: 12 }), maxCells: fc.integer({ min: 1, max: 20 }) });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...TOKENS), { maxLength: 80 }), fc.constantFrom('sheet', 'styles', 'chart'), caps, async (tokens, kind, caps) => {
        const sheet = kind === 'sheet';
        const limits: PreflightLimits = { ...PREFLIGHT_LIMITS, ...caps };
        const name = { sheet: 'xl/worksheets/sheet1.xml', styles: 'xl/styles.xml', chart: 'xl/charts/chart1.xml' }[kind];
        const xml = `<?xml version="1.0"?><root>${tokens.join('')}</root>`;
        const zip = makeZip([
          { name: '[Content_Types].xml', data: new Uint8Array(Buffer.from('<Types/>')) },
          { name, data: new Uint8Array(Buffer.from(xml)) },
        ]);
        const want = await outcome(() => namingPart(name, () => scanTagWalk(xml, name, sheet, limits)));
        expect(await outcome(() => preflightXlsx(zip, { inflate: nodeInflate, limits }))).toBe(want);
        // A worksheet kept as its bytes and their one-char-per-byte text (the CLI's way): the same verdicts.
        expect(await outcome(() => preflightXlsx(zip, { inflate: nodeInflate, limits, raw: nodeRaw, keepSources: new Map() }))).toBe(want);
      }),
      { numRuns: 1500 },
    );
  });
});
