/**
 * Blocks kept on one page, nested: a document keeps its closing paragraph with its signature
 * block, which keeps itself together too. When the two do not fit at the foot of a page, the
 * break goes before the paragraph (the outer block), so the signatures never start a page alone.
 */
import { DocumentBuilder, pageHeightPt } from '../../src/sheets/documentLayout';
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

describe('a heading never stands alone at the foot of a page', () => {
  const WIDTHS = [1, 6, 3];
  const INDICATOR = ['3.1', '100% thành viên đáp ứng 8 năng lực của Công dân học tập', '100% thành viên (25 điểm)'];

  const CRITERION = [{ text: 'Tiêu chí 3: Hiệu quả, tác động của xây dựng “Đơn vị học tập” (40 điểm)', from: 1, to: 10, bold: true, border: true }];

  /** The heights a probe draws: the table's header, a criterion's row, an indicator's row. */
  function heights(): { header: number; criterion: number; indicator: number } {
    const probe = new DocumentBuilder('probe');
    probe.table(['Mã', 'Tiêu chí, chỉ tiêu', 'Chỉ tiêu phấn đấu'], WIDTHS, []);
    probe.row(CRITERION);
    probe.tableRows(WIDTHS, [INDICATOR]);
    const [header, criterion, indicator] = probe.plan().rowHeights!.map((h) => h.height);
    return { header: header!, criterion: criterion!, indicator: indicator! };
  }

  /** A table open on a page with `left` points free under its header and rows. */
  function tableWithRoom(left: number): DocumentBuilder {
    const b = new DocumentBuilder('Đăng ký');
    b.table(['Mã', 'Tiêu chí, chỉ tiêu', 'Chỉ tiêu phấn đấu'], WIDTHS, []);
    const used = () => b.plan().rowHeights!.reduce((sum, h) => sum + h.height, 0);
    while (used() + 20 <= pageHeightPt('portrait') - left) b.row([{ text: '', from: 1, to: 10, border: true }], 20);
    return b;
  }

  it('a criterion’s row in a table goes over with its first indicator when both do not fit', () => {
    // Room for the criterion's row, not for the indicator's under it (the filler rows leave up to 20 pt more).
    const h = heights();
    expect(h.indicator).toBeGreaterThan(25);
    const b = tableWithRoom(h.criterion + 5);
    const before = breaks(b).length;
    const criterion = b.groupRow(CRITERION, WIDTHS, INDICATOR);
    b.tableRows(WIDTHS, [INDICATOR]);
    // The next page starts with the table's header drawn again, then the criterion.
    expect(breaks(b).slice(before)).toEqual([criterion - 1]);
  });

  it('no break when the criterion and its first indicator fit', () => {
    const b = tableWithRoom(200);
    const before = breaks(b).length;
    b.groupRow(CRITERION, WIDTHS, INDICATOR);
    b.tableRows(WIDTHS, [INDICATOR]);
    expect(breaks(b).slice(before)).toEqual([]);
  });

  it('a section heading goes over with the paragraph under it', () => {
    // Room for the heading's line, not for the two lines under it.
    const b = pageWithRoom(30);
    let heading = 0;
    b.keepTogether(() => {
      [heading] = b.paragraphs('III. NHIỆM VỤ, GIẢI PHÁP', { bold: true });
      b.paragraphs('[Đơn vị viết: tuyên truyền; kế hoạch bồi dưỡng, tự học của thành viên; chuyển đổi số; hoạt động khuyến học và học tập suốt đời năm 2026.]');
    });
    expect(breaks(b)).toEqual([heading]);
  });
});
