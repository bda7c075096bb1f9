/**
 * A workbook as Excel saves it with "Strict Open XML Spreadsheet (*.xlsx)" (ISO/IEC 29500
 * Strict): the same parts, its markup and relationship types under the purl.oclc.org
 * namespaces, the workbook marked conformance="strict". Package namespaces (content types,
 * the relationships part itself, core properties) are the same in both.
 */
import JSZip from 'jszip';

const STRICT_NAMESPACES: readonly [string, string][] = [
  ['http://schemas.openxmlformats.org/spreadsheetml/2006/main', 'http://purl.oclc.org/ooxml/spreadsheetml/main'],
  ['http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'http://purl.oclc.org/ooxml/officeDocument/relationships'],
  ['http://schemas.openxmlformats.org/drawingml/2006/main', 'http://purl.oclc.org/ooxml/drawingml/main'],
  ['http://schemas.openxmlformats.org/drawingml/2006/chart', 'http://purl.oclc.org/ooxml/drawingml/chart'],
  ['http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing', 'http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing'],
  ['http://schemas.openxmlformats.org/officeDocument/2006/extended-properties', 'http://purl.oclc.org/ooxml/officeDocument/extendedProperties'],
  ['http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes', 'http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes'],
];

export async function toStrict(transitional: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(transitional);
  const out = new JSZip();
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    if (!/\.(xml|rels)$/i.test(entry.name) || entry.name === '[Content_Types].xml') {
      out.file(entry.name, await entry.async('uint8array'));
      continue;
    }
    let xml = await entry.async('string');
    for (const [from, to] of STRICT_NAMESPACES) xml = xml.split(from).join(to);
    xml = xml.split('relationships/extended-properties').join('relationships/extendedProperties');
    if (/(^|\/)workbook\.xml$/.test(entry.name)) xml = xml.replace(/<workbook\b/, '<workbook conformance="strict"');
    out.file(entry.name, xml);
  }
  return out.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
