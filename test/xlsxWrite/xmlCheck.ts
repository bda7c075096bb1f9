/** Test helpers: a strict XML parser (Python's expat, independent of ours) and schema order. */
import { execFileSync } from 'child_process';
import { childSpans, rootSpan } from '../../src/workbook/xlsx/write/scan';
import { WORKSHEET_ORDER } from '../../src/workbook/xlsx/write/sheetParts';

const PY = `
import sys, json, xml.etree.ElementTree as E
out = []
for doc in json.load(sys.stdin):
    try:
        E.fromstring(doc.encode('utf-8')); out.append(None)
    except Exception as e:
        out.append(str(e))
print(json.dumps(out))
`;

/** Parse errors of each document by expat (null = well-formed). */
export function strictParseErrors(docs: string[]): (string | null)[] {
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', PY], { input: JSON.stringify(docs), encoding: 'utf8' })) as (string | null)[];
}

/** Top-level element names of a worksheet, in document order. */
export function topLevel(xml: string): string[] {
  const root = rootSpan(xml);
  return childSpans(xml, root.openEnd, root.closeStart, new Set(['sheetData'])).map((c) => c.name);
}

export function inSchemaOrder(names: string[]): boolean {
  const ranks = names.map((n) => WORKSHEET_ORDER.indexOf(n));
  return ranks.every((r, i) => r >= 0 && (i === 0 || r > ranks[i - 1]!));
}
