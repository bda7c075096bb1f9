/**
 * Rows a user hid in Excel (Home → Format → Hide & Unhide, or a filter showing one group),
 * set in a saved file by two producers independent of the project's reader: openpyxl
 * (`row_dimensions[r].hidden`), and an edit of the sheet part's own <row> tags (hidden="1", as
 * Excel stores a filtered row), which leaves the rest of the writer's file byte for byte.
 */
import { execFileSync } from 'child_process';

const OPENPYXL = `
import io, json, sys
import openpyxl
hidden = json.loads(sys.argv[1])
wb = openpyxl.load_workbook(io.BytesIO(sys.stdin.buffer.read()))
for name, rows in hidden.items():
    for r in rows:
        wb[name].row_dimensions[r].hidden = True
out = io.BytesIO()
wb.save(out)
sys.stdout.buffer.write(out.getvalue())
`;

const ROW_TAGS = String.raw`
import html, io, json, re, sys, zipfile
hidden = json.loads(sys.argv[1])
zi = zipfile.ZipFile(io.BytesIO(sys.stdin.buffer.read()))
wb = zi.read('xl/workbook.xml').decode()
rels = {}
for tag in re.findall(r'<Relationship [^>]*>', zi.read('xl/_rels/workbook.xml.rels').decode()):
    rels[re.search(r'Id="([^"]+)"', tag).group(1)] = re.search(r'Target="([^"]+)"', tag).group(1).lstrip('/')
parts = {}
for tag in re.findall(r'<sheet [^>]*>', wb):
    name = html.unescape(re.search(r'name="([^"]+)"', tag).group(1))
    target = rels[re.search(r'r:id="([^"]+)"', tag).group(1)]
    parts[target if target.startswith('xl/') else 'xl/' + target] = set(hidden.get(name, []))
out = io.BytesIO()
zo = zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED)
for it in zi.infolist():
    d = zi.read(it.filename)
    rows = parts.get(it.filename)
    if rows:
        def hide(m):
            tag = m.group(0)
            if int(re.search(r' r="(\d+)"', tag).group(1)) not in rows: return tag
            rows.discard(int(re.search(r' r="(\d+)"', tag).group(1)))
            return re.sub(r' hidden="[^"]*"', '', tag)[:-1] + ' hidden="1">'
        d = re.sub(r'<row [^>]*[^/]>', hide, d.decode()).encode()
        if rows: raise SystemExit('no <row> element for rows %s' % sorted(rows))
    zo.writestr(it, d)
zo.close()
sys.stdout.buffer.write(out.getvalue())
`;

/** `hidden`: sheet name → 1-based rows to hide. */
export function hideRowsWithOpenpyxl(bytes: Uint8Array, hidden: Record<string, number[]>): Uint8Array {
  return run(OPENPYXL, bytes, hidden);
}

/** The same in the sheet parts' <row> tags (rows that hold cells; an empty row has no tag to mark). */
export function hideRowsInXml(bytes: Uint8Array, hidden: Record<string, number[]>): Uint8Array {
  return run(ROW_TAGS, bytes, hidden);
}

function run(script: string, bytes: Uint8Array, hidden: Record<string, number[]>): Uint8Array {
  return new Uint8Array(execFileSync('/usr/bin/python3', ['-c', script, JSON.stringify(hidden)], { input: bytes, maxBuffer: 64 * 1024 * 1024 }));
}
