import { StylesEditor, MINIMAL_STYLES } from '../../src/workbook/xlsx/write/styles';
import { childSpans, rootSpan } from '../../src/workbook/xlsx/write/scan';
import { strictParseErrors } from './xmlCheck';

/** A stylesheet as Excel writes it (trimmed), with a custom format, a theme font and dxfs. */
const EXCEL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">' +
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="&quot;₫&quot;#,##0"/></numFmts>' +
  '<fonts count="2" x14ac:knownFonts="1"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font><font><b/><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment horizontal="center" wrapText="1"/></xf></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="1"><dxf><font><b/><color rgb="FF9C0006"/></font></dxf></dxfs>' +
  '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
  '<extLst><ext uri="{EB79DEF2-80B8-43e5-95BD-54CBDDF9020C}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:slicerStyles defaultSlicerStyle="SlicerStyleLight1"/></ext></extLst>' +
  '</styleSheet>';

/** Removes what the editor appended and the counts it changed: what is left must be the original. */
function withoutAppended(edited: string, original: string): string {
  return edited.replace(/ count="\d+"/g, ' count="#"') === original.replace(/ count="\d+"/g, ' count="#"') ? original : edited;
}

describe('StylesEditor', () => {
  test('no stylesheet: a minimal one that parses, and index 0 stays the default', () => {
    const st = new StylesEditor(null);
    expect(st.toXml()).toBe(MINIMAL_STYLES);
    const bold = st.xf({ bold: true });
    expect(bold).toBe(1);
    expect(strictParseErrors([st.toXml()!])).toEqual([null]);
  });

  test('a conditional format’s style is appended to the workbook’s dxfs, which keep their indexes; an equal one is shared, a list missing is inserted in schema order', () => {
    const st = new StylesEditor(EXCEL_STYLES);
    const ours = st.dxf({ fill: '#FCE4D6', bold: true });
    expect(ours).toBe(1);
    expect(st.dxf({ bold: true, fill: '#fce4d6' })).toBe(1);
    // The same differential format as the workbook's own is that one.
    expect(st.dxf({ bold: true, fontColor: '#9C0006' })).toBe(0);
    const xml = st.toXml()!;
    expect(xml).toContain('<dxfs count="2"><dxf><font><b/><color rgb="FF9C0006"/></font></dxf><dxf><font><b/></font><fill><patternFill><bgColor rgb="FFFCE4D6"/></patternFill></fill></dxf></dxfs>');
    expect(strictParseErrors([xml])).toEqual([null]);

    const none = new StylesEditor(EXCEL_STYLES.replace(/<dxfs[\s\S]*<\/dxfs>/, ''));
    expect(none.dxf({ fontColor: '#C00000' })).toBe(0);
    expect(none.toXml()).toContain('</cellStyles><dxfs count="1"><dxf><font><color rgb="FFC00000"/></font></dxf></dxfs><tableStyles');
    const fresh = new StylesEditor(null);
    expect(fresh.dxf({ fill: '#FCE4D6' })).toBe(0);
    expect(fresh.toXml()).toContain('<dxfs count="1"><dxf><fill><patternFill><bgColor rgb="FFFCE4D6"/></patternFill></fill></dxf></dxfs>');
  });

  test('an unchanged stylesheet gives null; equal styles share one xf', () => {
    const st = new StylesEditor(EXCEL_STYLES);
    expect(st.toXml()).toBeNull();
    const a = st.xf({ bold: true, fill: '#FFF2CC', border: 'thin' });
    const b = st.xf({ border: 'thin', fill: '#fff2cc', bold: true });
    expect(b).toBe(a);
    expect(st.xf({ italic: true })).not.toBe(a);
  });

  test('appends only: every existing byte kept except counts, counts right', () => {
    const st = new StylesEditor(EXCEL_STYLES);
    const x1 = st.xf({ bold: true, fontName: 'Times New Roman', fontSize: 13, fontColor: '#1F4E79' });
    const x2 = st.xf({ numberFormat: '0.0%', horizontal: 'center', vertical: 'middle', wrap: true });
    const x3 = st.xf({ numberFormat: '"₫"#,##0' });
    const out = st.toXml()!;
    expect(strictParseErrors([out])).toEqual([null]);
    expect([x1, x2, x3]).toEqual([3, 4, 5]);
    // Cut every appended element out again: the original text comes back.
    const appended = [
      '<numFmt numFmtId="165" formatCode="0.0%"/>',
      '<font><b/><sz val="13"/><color rgb="FF1F4E79"/><name val="Times New Roman"/><family val="2"/></font>',
    ];
    let back = out;
    for (const a of appended) {
      expect(back).toContain(a);
      back = back.replace(a, '');
    }
    const root = rootSpan(back);
    const xfs = childSpans(back, root.openEnd, root.closeStart).find((c) => c.name === 'cellXfs')!;
    const items = childSpans(back, xfs.openEnd, xfs.closeStart);
    back = back.slice(0, items[3]!.start) + back.slice(items[5]!.end);
    expect(withoutAppended(back, EXCEL_STYLES)).toBe(EXCEL_STYLES);
    expect(out).toContain('<cellXfs count="6">');
    expect(out).toContain('<numFmts count="2">');
    expect(out).toContain('<fonts count="3" x14ac:knownFonts="1">');
    // The existing custom format is reused, not duplicated; the built-in 0% needs none.
    expect(out.match(/formatCode="&quot;₫&quot;#,##0"/g)).toHaveLength(1);
    expect(st.xf({ numberFormat: '0%' })).toBe(st.xf({ numberFormat: '0%' }));
    // A new font drops the theme scheme (else Excel shows the theme face, not the name asked).
    expect(out).not.toMatch(/Times New Roman"\/><family val="2"\/><scheme/);
  });

  test('a style laid over an existing format keeps what it does not mention', () => {
    const st = new StylesEditor(EXCEL_STYLES);
    // Base 1: custom format 164 and the bold font; the fill is added, the rest kept.
    const id = st.xf({ fill: '#D9D9D9' }, 1);
    const out = st.toXml()!;
    const xf = [...out.matchAll(/<xf [^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)].map((m) => m[0]).slice(1)[id]!;
    expect(xf).toMatch(/numFmtId="164"/);
    expect(xf).toMatch(/fontId="1"/);
    expect(xf).toMatch(/fillId="2"/);
    // Base 2: its alignment is merged, not replaced.
    const al = st.xf({ vertical: 'top' }, 2);
    const xml2 = st.toXml()!;
    const xf2 = [...xml2.matchAll(/<xf [^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)].map((m) => m[0]).slice(1)[al]!;
    expect(xf2).toContain('<alignment horizontal="center" wrapText="1" vertical="top"/>');
    expect(st.hasNumberFormat(1)).toBe(true);
    expect(st.hasNumberFormat(0)).toBe(false);
  });

  test('a prefixed stylesheet (Open XML SDK) gets prefixed additions, missing lists inserted in order', () => {
    const sdk =
      '<?xml version="1.0" encoding="utf-8"?><x:styleSheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<x:fonts count="1"><x:font><x:sz val="11"/><x:name val="Arial"/></x:font></x:fonts>' +
      '<x:fills count="2"><x:fill><x:patternFill patternType="none"/></x:fill><x:fill><x:patternFill patternType="gray125"/></x:fill></x:fills>' +
      '<x:borders count="1"><x:border/></x:borders>' +
      '<x:cellXfs count="1"><x:xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></x:cellXfs></x:styleSheet>';
    const st = new StylesEditor(sdk);
    st.xf({ numberFormat: 'dd/mm/yyyy', bold: true });
    const out = st.toXml()!;
    expect(strictParseErrors([out])).toEqual([null]);
    expect(out).toContain('<x:numFmts count="1"><x:numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></x:numFmts><x:fonts count="2">');
    expect(out).toContain('<x:font><x:b/><x:sz val="11"/><x:name val="Arial"/></x:font>');
    expect(out).not.toMatch(/<(?!x:|\?|\/x:)[a-z]/);
  });

  test('format codes and font names with XML specials are escaped', () => {
    const st = new StylesEditor(null);
    st.xf({ numberFormat: '[<1]"<1 & nhỏ";0', fontName: 'A "quoted" & <font>' });
    const out = st.toXml()!;
    expect(strictParseErrors([out])).toEqual([null]);
    expect(out).toContain('formatCode="[&lt;1]&quot;&lt;1 &amp; nhỏ&quot;;0"');
  });
});

test('a stylesheet missing its default lists gets them first, so index 0 stays the plain format', () => {
  const bare = '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dxfs count="0"/></styleSheet>';
  const st = new StylesEditor(bare);
  expect(st.xf({ bold: true })).toBe(1);
  const out = st.toXml()!;
  expect(strictParseErrors([out])).toEqual([null]);
  expect(out).toMatch(/^<styleSheet [^>]*><fonts count="2">.*<\/fonts><fills count="2">.*<\/fills><borders count="1">.*<\/borders><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"\/><xf /);
  expect(out).toContain('</cellXfs><dxfs count="0"/></styleSheet>');
});
