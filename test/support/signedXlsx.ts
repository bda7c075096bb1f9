/**
 * A workbook as Excel leaves it once signed (File → Info → Protect Workbook → Add a Digital
 * Signature): the signature origin related from the package, the signature a stub.
 */
import JSZip from 'jszip';

const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** `bytes` with the parts Excel adds when it signs a workbook (the signature itself a stub). */
export async function signed(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const types = await zip.file('[Content_Types].xml')!.async('string');
  zip.file('[Content_Types].xml', types.replace('</Types>', '<Default Extension="sigs" ContentType="application/vnd.openxmlformats-package.digital-signature-origin"/><Override PartName="/_xmlsignatures/sig1.xml" ContentType="application/vnd.openxmlformats-package.digital-signature-xmlsignature+xml"/></Types>'));
  const rels = await zip.file('_rels/.rels')!.async('string');
  zip.file('_rels/.rels', rels.replace('</Relationships>', `<Relationship Id="rId9" Type="${PKG_REL}/digital-signature/origin" Target="_xmlsignatures/origin.sigs"/></Relationships>`));
  zip.file('_xmlsignatures/origin.sigs', '');
  zip.file('_xmlsignatures/_rels/origin.sigs.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${PKG_REL}/digital-signature/signature" Target="sig1.xml"/></Relationships>`);
  zip.file('_xmlsignatures/sig1.xml', '<?xml version="1.0" encoding="UTF-8"?>\n<Signature xmlns="http://www.w3.org/2000/09/xmldsig#" Id="idPackageSignature"><SignedInfo/><SignatureValue>AAAA</SignatureValue></Signature>');
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

