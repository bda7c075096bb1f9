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

describe('the signature page has body text above the signatures (NĐ 30/2020 practice)', () => {
  const LONG = 'Điều 2. Tổ đánh giá có nhiệm vụ tổ chức tự đánh giá “Đơn vị học tập” năm 2025 theo các tiêu chí, chỉ tiêu công nhận; lập hồ sơ đề nghị công nhận gửi cấp trên đúng thời hạn.';

  /** Body paragraphs drawn on a page with `left` points free after them; returns their rows. */
  function bodyThenSignatures(left: number, body: string[]): { b: DocumentBuilder; rows: number[] } {
    const b = new DocumentBuilder('Quyết định');
    const probe = new DocumentBuilder('probe');
    const height = body.reduce((sum, p) => {
      const [r] = probe.paragraphs(p);
      return sum + probe.plan().rowHeights!.find((h) => h.index === r)!.height;
    }, 0);
    for (let used = 0; used + 20 <= 716 - left - height; used += 20) b.spacer(20);
    const rows = body.flatMap((p) => b.paragraphs(p));
    signatureBlock(b, SIGNER, { recipients: '- Như Điều 3;\n- Lưu: VT.' });
    return { b, rows };
  }

  it('a last paragraph of two lines or more goes over with the signatures', () => {
    const { b, rows } = bodyThenSignatures(40, [LONG, LONG]);
    expect(breaks(b)).toEqual([rows[1]]);
  });

  it('a one-line last paragraph takes the one before it too: two lines at least', () => {
    const { b, rows } = bodyThenSignatures(40, [LONG, 'Điều 3. Quyết định này có hiệu lực kể từ ngày ký./.']);
    expect(breaks(b)).toEqual([rows[0]]);
  });

  it('no break when the signatures fit under the body', () => {
    expect(breaks(bodyThenSignatures(300, [LONG]).b)).toEqual([]);
  });
});
