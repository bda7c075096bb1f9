/**
 * Just enough of the package structure (content types, relationships, sheets, defined names)
 * to say which parts belong to which sheet, and to check that the shared parts a writer
 * edits (workbook.xml, its rels, [Content_Types].xml) still carry what the user put there.
 * Regular expressions on purpose: independent of the readers under test, and these parts are
 * small and flat.
 */
import * as path from 'path';
import { readParts, type PartDifference, type RawPart } from './zipParts';

type Parts = Map<string, RawPart>;

/** Parts every writer may edit (minimally) because the add-in's sheets live in them too. */
export const SHARED_PARTS = ['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/sharedStrings.xml', 'docProps/app.xml', 'docProps/core.xml', 'xl/calcChain.xml'];

const text = (parts: Parts, name: string) => parts.get(name)?.data.toString('utf8') ?? '';
const attr = (tag: string, name: string) => {
  const m = new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(tag);
  return m ? unescapeXml(m[1]!) : undefined;
};
const unescapeXml = (s: string) => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
/** Tags with or without a namespace prefix (x:sheet and sheet alike). */
const tags = (xml: string, local: string) => xml.match(new RegExp(`<(?:\\w+:)?${local}\\b[^>]*>`, 'g')) ?? [];

export interface Rel {
  id: string;
  type: string;
  /** Package path for internal targets; the target as written for external ones. */
  target: string;
  external: boolean;
}

export function relsPath(part: string): string {
  return part === '' ? '_rels/.rels' : path.posix.join(path.posix.dirname(part), '_rels', `${path.posix.basename(part)}.rels`);
}

export function rels(parts: Parts, part: string): Rel[] {
  return tags(text(parts, relsPath(part)), 'Relationship').map((tag) => {
    const external = attr(tag, 'TargetMode') === 'External';
    const raw = attr(tag, 'Target') ?? '';
    const target = external ? raw : raw.startsWith('/') ? raw.slice(1) : path.posix.normalize(path.posix.join(path.posix.dirname(part), raw));
    return { id: attr(tag, 'Id') ?? '', type: attr(tag, 'Type') ?? '', target, external };
  });
}

export function contentType(parts: Parts, part: string): string | undefined {
  const ct = text(parts, '[Content_Types].xml');
  for (const tag of tags(ct, 'Override')) if (attr(tag, 'PartName') === `/${part}`) return attr(tag, 'ContentType');
  const ext = path.posix.extname(part).slice(1).toLowerCase();
  for (const tag of tags(ct, 'Default')) if (attr(tag, 'Extension')?.toLowerCase() === ext) return attr(tag, 'ContentType');
  return undefined;
}

export function workbookPart(parts: Parts): string {
  return rels(parts, '').find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
}

export interface SheetEntry {
  name: string;
  part: string;
}

export function sheets(parts: Parts): SheetEntry[] {
  const wb = workbookPart(parts);
  const byId = new Map(rels(parts, wb).map((r) => [r.id, r.target]));
  return tags(text(parts, wb), 'sheet').map((tag) => ({ name: attr(tag, 'name') ?? '', part: byId.get(attr(tag, 'r:id') ?? '') ?? '' }));
}

/** A part, its rels file and everything reachable from it inside the package. */
export function closure(parts: Parts, part: string, into = new Set<string>()): Set<string> {
  if (into.has(part)) return into;
  into.add(part);
  if (parts.has(relsPath(part))) into.add(relsPath(part));
  for (const r of rels(parts, part)) if (!r.external) closure(parts, r.target, into);
  return into;
}

/** The shared parts and every part of a sheet that is not one of `userSheets`. */
export function addInParts(zip: Uint8Array, userSheets: readonly string[]): Set<string> {
  const parts = readParts(zip);
  const owned = new Set(SHARED_PARTS);
  for (const s of sheets(parts)) if (!userSheets.includes(s.name)) closure(parts, s.part, owned);
  return owned;
}

export interface DefinedName {
  name: string;
  /** Sheet name for a sheet-scoped name, null for a workbook-wide one. */
  scope: string | null;
  text: string;
}

export function definedNames(parts: Parts): DefinedName[] {
  const xml = text(parts, workbookPart(parts));
  const names = sheets(parts).map((s) => s.name);
  const out: DefinedName[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?definedName\b([^>]*)>([^<]*)<\/(?:\w+:)?definedName>/g)) {
    const local = attr(m[1]!, 'localSheetId');
    out.push({ name: attr(m[1]!, 'name') ?? '', scope: local === undefined ? null : (names[Number(local)] ?? `#${local}`), text: unescapeXml(m[2]!) });
  }
  return out;
}

/**
 * What the user put in the shared parts, checked after a write: their sheets under the same
 * names and parts, their defined names (scope by sheet name, same text), workbook protection,
 * every relationship of the package and the workbook to a part not owned (pivot caches,
 * external links, custom properties, persons, the VBA project), and those parts' content types
 * (an .xlsm stays macro-enabled).
 */
export function sharedKept(before: Uint8Array, after: Uint8Array, userSheets: readonly string[]): PartDifference[] {
  const a = readParts(before);
  const b = readParts(after);
  const out: PartDifference[] = [];
  const owned = new Set([...addInParts(before, userSheets), ...addInParts(after, userSheets)]);
  const wbA = workbookPart(a);
  const wbB = workbookPart(b);
  const sheetsB = sheets(b);
  for (const s of sheets(a)) {
    if (!userSheets.includes(s.name)) continue;
    const now = sheetsB.find((x) => x.name === s.name);
    if (!now) out.push({ part: wbB, kind: 'removed', detail: `user sheet “${s.name}” is gone` });
    else if (now.part !== s.part) out.push({ part: wbB, kind: 'bytes', detail: `user sheet “${s.name}” now points to ${now.part} (was ${s.part})` });
  }
  const userScope = (n: DefinedName) => n.scope === null || userSheets.includes(n.scope);
  const namesB = definedNames(b);
  for (const n of definedNames(a).filter(userScope)) {
    if (n.name.startsWith('_xlnm.') && n.scope === null) continue;
    const kept = namesB.some((x) => x.name === n.name && x.scope === n.scope && x.text === n.text);
    if (!kept) out.push({ part: wbB, kind: 'removed', detail: `defined name ${n.name}${n.scope === null ? '' : ` (sheet “${n.scope}”)`} = ${n.text}` });
  }
  for (const tag of tags(text(a, wbA), 'workbookProtection')) {
    if (!text(b, wbB).includes(tag)) out.push({ part: wbB, kind: 'removed', detail: `workbook protection ${tag}` });
  }
  for (const from of ['', wbA]) {
    const relsB = rels(b, from === '' ? '' : wbB);
    for (const r of rels(a, from)) {
      if (!r.external && owned.has(r.target)) continue;
      if (!relsB.some((x) => x.type === r.type && x.target === r.target && x.external === r.external)) out.push({ part: relsPath(from), kind: 'removed', detail: `relationship ${r.type.split('/').pop()} → ${r.target}` });
    }
  }
  for (const name of a.keys()) {
    if (owned.has(name) || name.endsWith('.rels') || !b.has(name)) continue;
    const x = contentType(a, name);
    const y = contentType(b, name);
    if (x !== y) out.push({ part: '[Content_Types].xml', kind: 'bytes', detail: `content type of ${name}: ${x} → ${y}` });
  }
  const mainA = contentType(a, wbA);
  const mainB = contentType(b, wbB);
  if (mainA !== mainB) out.push({ part: '[Content_Types].xml', kind: 'bytes', detail: `workbook content type: ${mainA} → ${mainB}` });
  return out;
}
