/** What a test compares of a saved file's sheets, read by Python (an independent reader). */
import { execFileSync } from 'child_process';

/** Per sheet, in tab order: name, its DVHT_SHEET role (or null) and the SHA-256 of its part, read by Python. */
const PARTS = String.raw`
import hashlib, html, json, re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
wb = z.read('xl/workbook.xml').decode()
rels = dict(re.findall(r'<Relationship[^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"', z.read('xl/_rels/workbook.xml.rels').decode()))
rels.update({k: v for v, k in re.findall(r'<Relationship[^>]*?Target="([^"]+)"[^>]*?Id="([^"]+)"', z.read('xl/_rels/workbook.xml.rels').decode())})
marks = {int(i): v for i, v in re.findall(r'<definedName[^>]*name="DVHT_SHEET"[^>]*localSheetId="(\d+)"[^>]*>([^<]*)<', wb)}
marks.update({int(i): v for i, v in re.findall(r'<definedName[^>]*localSheetId="(\d+)"[^>]*name="DVHT_SHEET"[^>]*>([^<]*)<', wb)})
out = []
for i, (name, rid) in enumerate(re.findall(r'<sheet [^>]*?name="([^"]+)"[^>]*?r:id="([^"]+)"', wb)):
    target = rels[rid].lstrip('/')
    part = target if target.startswith('xl/') else 'xl/' + target
    out.append([html.unescape(name), html.unescape(marks[i]) if i in marks else None, hashlib.sha256(z.read(part)).hexdigest()])
print(json.dumps(out))
`;

export function sheetParts(file: string): [string, string | null, string][] {
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', PARTS, file], { encoding: 'utf8' })) as [string, string | null, string][];
}

/** The script of unmarkSheet. */
const UNMARK = String.raw`
import os, re, sys, zipfile
path, role = sys.argv[1:3]
zi = zipfile.ZipFile(path); zo = zipfile.ZipFile(path + '.tmp', 'w', zipfile.ZIP_DEFLATED)
for it in zi.infolist():
    d = zi.read(it.filename)
    if it.filename == 'xl/workbook.xml':
        # Excel's writer and ours escape the quotes; openpyxl writes them as they are.
        d = re.sub(r'<definedName name="DVHT_SHEET"[^>]*>(?:&quot;|")%s(?:&quot;|")</definedName>' % role, '', d.decode()).encode()
    zo.writestr(it, d)
zo.close(); zi.close(); os.replace(path + '.tmp', path)
`;

/** Removes the mark of `role` from a saved file in place, as a workbook drawn before marks would be. */
export function unmarkSheet(file: string, role: string): void {
  execFileSync('/usr/bin/python3', ['-c', UNMARK, file, role]);
}
