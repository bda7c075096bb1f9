/**
 * Blocks kept on one page, nested: a document keeps its closing paragraph with its signature
 * block, which keeps itself together too. When the two do not fit at the foot of a page, the
 * break goes before the paragraph (the outer block), so the signatures never start a page alone.
 */
import { DocumentBuilder } from '../../src/sheets/documentLayout';
import { signatureBlock } from '../../src/sheets/documentBlocks';

const SIGNER = { title: 'TỔ TRƯỞNG', name: 'Nguyễn Văn Bình' };

/** A builder whose first page has `left` points free. */
function pageWithRoom(left: number): DocumentBuilder {
  const b = new DocumentBuilder('Biên bản');
  // The page holds ~716 pt (A4 less the NĐ 30 margins); spacers of 20 pt fill it.
  for (let used = 0; used + 20 <= 716 - left; used += 20) b.spacer(20);
  return b;
}

function closing(b: DocumentBuilder): { paragraph: number; signatureStart: number } {
  let paragraph = 0;
  let signatureStart = 0;
  b.keepTogether(() => {
    [paragraph] = b.paragraphs('Biên bản được thông qua và lập thành 02 bản.');
    signatureStart = b.lastRow + 1;
    signatureBlock(b, SIGNER, { signer: { title: 'THƯ KÝ', name: '' } });
  });
  return { paragraph, signatureStart };
}

const breaks = (b: DocumentBuilder) => b.plan().page?.rowBreaks ?? [];

it('breaks before the closing paragraph, not between it and the signatures, when both do not fit', () => {
  // Room for the paragraph, not for the signature block.
  const b = pageWithRoom(60);
  const { paragraph, signatureStart } = closing(b);
  expect(breaks(b)).toEqual([paragraph]);
  expect(breaks(b)).not.toContain(signatureStart);
});

it('no break when the closing fits', () => {
  const b = pageWithRoom(400);
  closing(b);
  expect(breaks(b)).toEqual([]);
});

it('a signature block kept alone still breaks before itself', () => {
  const b = pageWithRoom(60);
  const start = b.lastRow + 1;
  signatureBlock(b, SIGNER, { recipients: '- Như trên;\n- Lưu: VT.' });
  expect(breaks(b)).toEqual([start]);
});
