"""
Zip oddities real tools write, each made from one workbook (argv[1]) into folder argv[2]
(kinds in argv[3:], all by default): a plain zip to compare with, data descriptors with sizes only after the data
(unseekable streams), ZIP64 extra fields on small parts (Apache Commons Compress's
Zip64Mode.Always, Python's force_zip64), a ZIP64 end record with every count in range, every
size only in ZIP64 fields, backslashed names (.NET Framework 4.5's ZipFile), folder entries,
a comment after the end record, UTF-8 names without the UTF-8 flag. A user sheet, "Ghi chú", is added first so
that a part the add-in does not own travels through each.
"""
import sys, zipfile, io, struct, zlib
src=sys.argv[1]; out=sys.argv[2]
zin=zipfile.ZipFile(src); items=[(i.filename, zin.read(i)) for i in zin.infolist()]
NOTE = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Họp tổ ngày 12/9: rà soát danh sách</t></is></c></row></sheetData></worksheet>'
def with_note(name, data):
    if name == '[Content_Types].xml': return data.replace(b'</Types>', b'<Override PartName="/xl/worksheets/ghichu.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
    if name == 'xl/_rels/workbook.xml.rels': return data.replace(b'</Relationships>', b'<Relationship Id="rIdNote" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/ghichu.xml"/></Relationships>')
    if name == 'xl/workbook.xml': return data.replace(b'</sheets>', '<sheet name="Ghi chú" sheetId="99" r:id="rIdNote"/></sheets>'.encode())
    return data
items = [(n, with_note(n, d)) for n, d in items] + [('xl/worksheets/ghichu.xml', NOTE.encode())]
class NoSeek(io.RawIOBase):
    def __init__(s): s.b=bytearray()
    def writable(s): return True
    def write(s,d): s.b+=d; return len(d)
    def seekable(s): return False
def dd():
    f=NoSeek(); z=zipfile.ZipFile(f,'w',zipfile.ZIP_DEFLATED)
    for n,d in items: z.writestr(n,d)
    z.close(); return bytes(f.b)
def plain():
    b=io.BytesIO(); z=zipfile.ZipFile(b,'w',zipfile.ZIP_DEFLATED)
    for n,d in items: z.writestr(n,d)
    z.close(); return b.getvalue()
def handzip(local64=False, central64=False, eocd64=False):
    """A zip written field by field: ZIP64 extras in local headers and/or the directory, a ZIP64 end record."""
    out=bytearray(); cen=bytearray()
    for n,d in items:
        c=zlib.compressobj(9, zlib.DEFLATED, -15); body=c.compress(d)+c.flush()
        crc=zlib.crc32(d); name=n.encode(); off=len(out)
        lx=struct.pack('<HHQQ',1,16,len(d),len(body)) if local64 else b''
        lsz=(0xffffffff,0xffffffff) if local64 else (len(body),len(d))
        out+=struct.pack('<IHHHHHIIIHH',0x04034b50,45,0x800,8,0,0x21,crc,lsz[0],lsz[1],len(name),len(lx))+name+lx+body
        cx=struct.pack('<HHQQQ',1,24,len(d),len(body),off) if central64 else b''
        csz=(0xffffffff,0xffffffff,0xffffffff) if central64 else (len(body),len(d),off)
        cen+=struct.pack('<IHHHHHHIIIHHHHHII',0x02014b50,45,45,0x800,8,0,0x21,crc,csz[0],csz[1],len(name),len(cx),0,0,0,0,csz[2])+name+cx
    cdoff=len(out); out+=cen; n=len(items)
    if eocd64:
        at=len(out)
        out+=struct.pack('<IQHHIIQQQQ',0x06064b50,44,45,45,0,0,n,n,len(cen),cdoff)
        out+=struct.pack('<IIQI',0x07064b50,0,at,1)
    full=central64
    out+=struct.pack('<IHHHHIIH',0x06054b50,0,0,0xffff if full else n,0xffff if full else n,0xffffffff if full else len(cen),0xffffffff if full else cdoff,0)
    return bytes(out)
def z64local(): return handzip(local64=True)
def z64eocd(): return handzip(eocd64=True)
def z64all(): return handzip(local64=True, central64=True, eocd64=True)
def backslash():
    b=io.BytesIO(); z=zipfile.ZipFile(b,'w',zipfile.ZIP_DEFLATED)
    for n,d in items:
        i=zipfile.ZipInfo(n); i.compress_type=zipfile.ZIP_DEFLATED; z.writestr(i,d)
    z.close(); raw=b.getvalue()
    for n,_ in items:
        if '/' in n: raw=raw.replace(n.encode(), n.replace('/','\\').encode())
    return raw
def dirs():
    b=io.BytesIO(); z=zipfile.ZipFile(b,'w',zipfile.ZIP_DEFLATED); seen=set()
    for n,d in items:
        parts=n.split('/')[:-1]
        for k in range(1,len(parts)+1):
            dn='/'.join(parts[:k])+'/'
            if dn not in seen: seen.add(dn); z.writestr(zipfile.ZipInfo(dn),b'')
        z.writestr(n,d)
    z.close(); return b.getvalue()
def comment():
    b=io.BytesIO(); z=zipfile.ZipFile(b,'w',zipfile.ZIP_DEFLATED)
    for n,d in items: z.writestr(n,d)
    z.comment='Xuất từ phần mềm QLNS v3.2'.encode(); z.close(); return b.getvalue()
def noflag():
    # UTF-8 names without the UTF-8 flag (bit 11), as many zip tools write them; one is not ASCII
    b=io.BytesIO(); z=zipfile.ZipFile(b,'w',zipfile.ZIP_DEFLATED)
    for n,d in items + [('customXml/ghi chú.xml', '<ghiChu>Họp tổ</ghiChu>'.encode())]: z.writestr(n,d)
    z.close(); raw=bytearray(b.getvalue())
    for sig,at in ((b'PK\x03\x04',6),(b'PK\x01\x02',8)):
        i=raw.find(sig)
        while i>=0:
            raw[at+i]&=0xff; raw[at+i+1]&=0xf7; i=raw.find(sig,i+4)
    return bytes(raw)
kinds=dict(plain=plain,dd=dd,z64local=z64local,z64eocd=z64eocd,z64all=z64all,backslash=backslash,dirs=dirs,comment=comment,noflag=noflag)
for k in (sys.argv[3:] or kinds):
    open(f'{out}/{k}.xlsx','wb').write(kinds[k]())
