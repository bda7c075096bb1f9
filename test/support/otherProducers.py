"""
Workbooks as other producers write them, made from one of ours, and member lists as other
tools export them; and an independent check of what the add-in wrote.

  otherProducers.py workbooks SRC OUTDIR   mac.xlsx (Excel for Mac: mc:Ignorable, x14ac/xr/xr2/xr3,
                                           xr:uid, dyDescent, extLst, AlternateContent), sdk.xlsx (every
                                           element prefixed x:, as the Open XML SDK writes), bom.xlsx
                                           (UTF-8 with a byte-order mark, as .NET writers do), utf16.xlsx
                                           (UTF-16 parts declared utf-16), wps.xlsx (WPS Office: its namespace,
                                           cell images, custom properties), customui.xlsm (macros and a
                                           custom ribbon)
  otherProducers.py sources OUTDIR         google.xlsx (no docProps, inline strings, <row>/<c> without r),
                                           sdk-list.xlsx (x: prefixes, shared strings, absolute targets)
  otherProducers.py check FILE...          JSON {file: [problems]}: each XML part parses as declared
                                           (encoding, namespaces) and every mc:Ignorable prefix is declared
"""
import json, re, sys, zipfile, xml.parsers.expat

MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006'
NS = {'x14ac': 'http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac', 'xr': 'http://schemas.microsoft.com/office/spreadsheetml/2014/revision',
      'xr2': 'http://schemas.microsoft.com/office/spreadsheetml/2015/revision2', 'xr3': 'http://schemas.microsoft.com/office/spreadsheetml/2016/revision3',
      'x15': 'http://schemas.microsoft.com/office/spreadsheetml/2010/11/main', 'xr6': 'http://schemas.microsoft.com/office/spreadsheetml/2016/revision6',
      'xr10': 'http://schemas.microsoft.com/office/spreadsheetml/2016/revision10', 'x14': 'http://schemas.microsoft.com/office/spreadsheetml/2009/9/main'}

def ignorable(*ps):
    return f' xmlns:mc="{MC}" mc:Ignorable="{" ".join(ps)}" ' + ' '.join(f'xmlns:{p}="{NS[p]}"' for p in ps)

def root(s, tag, extra):
    return re.sub(r'(<%s [^>]*?)>' % tag, lambda m: m.group(1) + extra + '>', s, count=1)

def mac(name, d):
    if name == 'xl/workbook.xml':
        s = root(d.decode(), 'workbook', ignorable('x15', 'xr', 'xr6', 'xr10', 'xr2'))
        s = re.sub(r'<workbookPr\b[^>]*/>', lambda m: '<fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="28526"/>' + m.group(0) + '<mc:AlternateContent><mc:Choice Requires="x15"><x15ac:absPath xmlns:x15ac="http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac" url="/Users/hoa/Documents/"/></mc:Choice></mc:AlternateContent><xr:revisionPtr revIDLastSave="0" documentId="8_{11111111-2222-3333-4444-555555555555}" xr6:coauthVersionLast="47" xr6:coauthVersionMax="47" xr10:uidLastSave="{00000000-0000-0000-0000-000000000000}"/>', s, count=1)
        s = s.replace('<workbookView ', '<workbookView xWindow="0" yWindow="500" windowWidth="28800" windowHeight="16000" xr2:uid="{AAAAAAAA-0000-0000-0000-000000000001}" ', 1)
        s = s.replace('</workbook>', '<extLst><ext uri="{B58B0392-4F1F-4190-BB64-5DF3571DCE5F}" xmlns:xcalcf="http://schemas.microsoft.com/office/spreadsheetml/2018/calcfeatures"><xcalcf:calcFeatures><xcalcf:feature name="microsoft.com:RD"/></xcalcf:calcFeatures></ext></extLst></workbook>')
        return s.encode()
    if re.match(r'xl/worksheets/sheet\d+\.xml$', name):
        n = re.search(r'(\d+)\.xml$', name).group(1)
        s = root(d.decode(), 'worksheet', ignorable('x14ac', 'xr', 'xr2', 'xr3') + ' xr:uid="{BBBBBBBB-0000-0000-0000-%012d}"' % int(n))
        s = re.sub(r'<row ([^>]*?)(/?)>', lambda m: '<row ' + m.group(1) + ' x14ac:dyDescent="0.2"' + m.group(2) + '>', s)
        s = re.sub(r'<sheetFormatPr ([^>]*?)/>', r'<sheetFormatPr \1 x14ac:dyDescent="0.2"/>', s)
        s = s.replace('</worksheet>', f'<extLst><ext uri="{{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}}" xmlns:x14="{NS["x14"]}"><x14:dataValidations count="0" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"/></ext></extLst></worksheet>')
        return s.encode()
    if re.match(r'xl/tables/table\d+\.xml$', name):
        s = root(d.decode(), 'table', ignorable('xr', 'xr3') + ' xr:uid="{DDDDDDDD-0000-0000-0000-000000000001}"')
        return re.sub(r'<tableColumn ', '<tableColumn xr3:uid="{EEEEEEEE-0000-0000-0000-000000000001}" ', s).encode()
    if name == 'xl/styles.xml':
        s = root(d.decode(), 'styleSheet', ignorable('x14ac'))
        return re.sub(r'<fonts count="(\d+)">', r'<fonts count="\1" x14ac:knownFonts="1">', s, count=1).encode()
    return d

def sdk(name, d):
    if not name.endswith('.xml') or f'xmlns="{MAIN}"'.encode() not in d: return d
    s = d.decode().replace(f'xmlns="{MAIN}"', f'xmlns:x="{MAIN}"')
    return re.sub(r'<(/?)([A-Za-z][\w.-]*)(?=[\s/>])', lambda m: f'<{m.group(1)}x:{m.group(2)}', s).encode()

def bom(name, d):
    return b'\xef\xbb\xbf' + d if name.endswith(('.xml', '.rels')) else d

def utf16(name, d):
    if not name.endswith(('.xml', '.rels')): return d
    s = re.sub(r'encoding="UTF-8"', 'encoding="utf-16"', d.decode(), count=1, flags=re.I)
    return s.encode('utf-16')  # with its byte-order mark

def customui(name, d):
    if name == '[Content_Types].xml':
        d = d.replace(b'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', b'application/vnd.ms-excel.sheet.macroEnabled.main+xml')
        return d.replace(b'</Types>', b'<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>')
    if name == '_rels/.rels':
        return d.replace(b'</Relationships>', b'<Relationship Id="rIdUI" Type="http://schemas.microsoft.com/office/2007/relationships/ui/extensibility" Target="customUI/customUI14.xml"/></Relationships>')
    if name == 'xl/_rels/workbook.xml.rels':
        return d.replace(b'</Relationships>', b'<Relationship Id="rIdVBA" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>')
    return d

def wps(name, d):
    # WPS Office: its custom data namespace on the workbook, cell images in their own part
    if name == 'xl/workbook.xml':
        return root(d.decode(), 'workbook', ' xmlns:etc="http://www.wps.cn/officeDocument/2017/etCustomData"').encode()
    if name == 'xl/_rels/workbook.xml.rels':
        return d.replace(b'</Relationships>', b'<Relationship Id="rIdImg" Type="http://www.wps.cn/officeDocument/2020/cellImage" Target="cellimages.xml"/></Relationships>')
    if name == '[Content_Types].xml':
        return d.replace(b'</Types>', b'<Override PartName="/xl/cellimages.xml" ContentType="application/vnd.wps-officedocument.cellimage+xml"/><Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>')
    if name == '_rels/.rels':
        return d.replace(b'</Relationships>', b'<Relationship Id="rIdCustom" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>')
    return d

WPS_APP = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>WPS Spreadsheets</Application></Properties>'
WPS_CUSTOM = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="KSOProductBuildVer"><vt:lpwstr>1066-12.2.0.13431</vt:lpwstr></property></Properties>'
CELL_IMAGES = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<etc:cellImages xmlns:etc="http://www.wps.cn/officeDocument/2017/etCustomData" xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"/>'
MAC_APP = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Macintosh Excel</Application><AppVersion>16.0300</AppVersion></Properties>'
RIBBON = '<customUI xmlns="http://schemas.microsoft.com/office/2009/07/customui"><ribbon><tabs><tab id="tTruong" label="Trường"><group id="g1" label="Tiện ích"><button id="b1" label="Xuất báo cáo" onAction="XuatBaoCao"/></group></tab></tabs></ribbon></customUI>'
WORKBOOKS = {'mac.xlsx': (mac, [('docProps/app.xml', MAC_APP.encode())]), 'sdk.xlsx': (sdk, []), 'bom.xlsx': (bom, []), 'utf16.xlsx': (utf16, []),
             'wps.xlsx': (wps, [('docProps/app.xml', WPS_APP.encode()), ('docProps/custom.xml', WPS_CUSTOM.encode()), ('xl/cellimages.xml', CELL_IMAGES.encode())]),
             'customui.xlsm': (customui, [('xl/vbaProject.bin', bytes(range(256)) * 8), ('customUI/customUI14.xml', RIBBON.encode())])}

def workbooks(src, outdir):
    zin = zipfile.ZipFile(src)
    for out, (change, added) in WORKBOOKS.items():
        z = zipfile.ZipFile(f'{outdir}/{out}', 'w', zipfile.ZIP_DEFLATED)
        for i in zin.infolist(): z.writestr(i.filename, change(i.filename, zin.read(i)))
        for n, d in added: z.writestr(n, d)
        z.close()

MEMBERS = [['STT', 'Họ và tên', 'Chức vụ'], [1, 'Nguyễn Văn An', 'Giáo viên'], [2, 'Trần Thị Bình', 'Giáo viên'], [3, 'Lê Văn Cường', 'Nhân viên']]
CT_HEAD = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'

def list_zip(path, parts):
    z = zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED)
    for n, s in parts: z.writestr(n, s)
    z.close()

def sources(outdir):
    def inline(v):
        return f'<c><v>{v}</v></c>' if isinstance(v, int) else f'<c t="inlineStr"><is><t>{v}</t></is></c>'
    sheet = f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}"><sheetData>' + ''.join('<row>' + ''.join(inline(v) for v in r) + '</row>' for r in MEMBERS) + '</sheetData></worksheet>'
    list_zip(f'{outdir}/google.xlsx', [
        ('[Content_Types].xml', CT_HEAD + '</Types>'),
        ('_rels/.rels', f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
        ('xl/workbook.xml', f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets><sheet name="DS CB-GV-NV" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        ('xl/_rels/workbook.xml.rels', f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
        ('xl/worksheets/sheet1.xml', sheet)])
    sst = []
    def shared(ref, v):
        if isinstance(v, int): return f'<x:c r="{ref}"><x:v>{v}</x:v></x:c>'
        if v not in sst: sst.append(v)
        return f'<x:c r="{ref}" t="s"><x:v>{sst.index(v)}</x:v></x:c>'
    sheet = f'<?xml version="1.0" encoding="utf-8"?><x:worksheet xmlns:x="{MAIN}"><x:sheetData>' + ''.join(f'<x:row r="{i + 1}">' + ''.join(shared("ABC"[j] + str(i + 1), v) for j, v in enumerate(r)) + '</x:row>' for i, r in enumerate(MEMBERS)) + '</x:sheetData></x:worksheet>'
    list_zip(f'{outdir}/sdk-list.xlsx', [
        ('[Content_Types].xml', CT_HEAD + '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'),
        ('_rels/.rels', f'<?xml version="1.0" encoding="utf-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Type="{REL}/officeDocument" Target="/xl/workbook.xml" Id="R1a2b"/></Relationships>'),
        ('xl/workbook.xml', f'<?xml version="1.0" encoding="utf-8"?><x:workbook xmlns:r="{REL}" xmlns:x="{MAIN}"><x:sheets><x:sheet name="DS CB-GV-NV" sheetId="1" r:id="R9f"/></x:sheets></x:workbook>'),
        ('xl/_rels/workbook.xml.rels', f'<?xml version="1.0" encoding="utf-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Type="{REL}/worksheet" Target="/xl/worksheets/sheet1.xml" Id="R9f"/><Relationship Type="{REL}/sharedStrings" Target="/xl/sharedStrings.xml" Id="Rss"/></Relationships>'),
        ('xl/worksheets/sheet1.xml', sheet),
        ('xl/sharedStrings.xml', f'<?xml version="1.0" encoding="utf-8"?><x:sst xmlns:x="{MAIN}">' + ''.join(f'<x:si><x:t>{s}</x:t></x:si>' for s in sst) + '</x:sst>')])

def check(files):
    report = {}
    for f in files:
        z = zipfile.ZipFile(f); bad = []
        for name in z.namelist():
            if not name.endswith(('.xml', '.rels', '.vml')): continue
            scopes = [{}]
            def start(tag, attrs):
                scope = dict(scopes[-1])
                scope.update({k[6:]: v for k, v in attrs.items() if k.startswith('xmlns:')})
                scopes.append(scope)
                for k, v in attrs.items():
                    if k.endswith(':Ignorable'):
                        bad.extend(f'{name}: mc:Ignorable prefix {p} not declared on <{tag}>' for p in v.split() if p not in scope)
            for sep in (None, ' '):
                p = xml.parsers.expat.ParserCreate(namespace_separator=sep) if sep else xml.parsers.expat.ParserCreate()
                if sep is None:
                    p.StartElementHandler = start
                    p.EndElementHandler = lambda tag: scopes.pop()
                try: p.Parse(z.read(name), True)
                except Exception as e:
                    bad.append(f'{name}: {e}')
                    break
        report[f] = bad
    print(json.dumps(report))

if __name__ == '__main__':
    if sys.argv[1] == 'workbooks': workbooks(sys.argv[2], sys.argv[3])
    elif sys.argv[1] == 'sources': sources(sys.argv[2])
    else: check(sys.argv[2:])
