/** Pieces several documents share: their heading from the templates, the head's signature. */
import { DocumentBuilder, SIZE, type TextStyle, type UserCell } from '../../sheets/documentLayout';
import { addresseeLine, headingBlock, placeDateLine, signatureBlock, titleBlock, type Signer } from '../../sheets/documentBlocks';
import { indicatorPercent, text, type DocumentContext, type Evaluator } from '../context';
import { requirementText, statusText } from '../../sheets/names';
import type { KeptTexts } from '../narrative';
import { unitTypeId } from '../../domain/unitTypes';
import { isPeoplesCommittee } from '../templatesSheet';

export const SIGN_NOTE = '(Ký, ghi rõ họ tên, đóng dấu)';
const BLANK_NAME = '………………………';

/** Heading, title and summary line of the document whose template keys start with `prefix`. */
export function openDocument(sheet: string, ctx: DocumentContext, prefix: string): DocumentBuilder {
  const b = new DocumentBuilder(sheet);
  headingBlock(b, {
    parent: ctx.unit.parent,
    unitName: ctx.unit.name,
    number: text(ctx, `${prefix}.so`),
    placeDate: placeDateLine(ctx.unit.place, ctx.values.ngay_ky),
  });
  titleBlock(b, text(ctx, `${prefix}.tieu_de`), text(ctx, `${prefix}.trich_yeu`));
  if (ctx.texts.has(`${prefix}.kinh_gui`)) addresseeLine(b, text(ctx, `${prefix}.kinh_gui`));
  return b;
}

/**
 * The head signs; a People's Committee works collectively (NĐ 30/2020, Điều 13), so its chairman
 * signs its letters, plans and reports “TM. ỦY BAN NHÂN DÂN” — not a decision of the chairman's own
 * power (`own`), nor under a title typed with its own mark (“TM.”, “KT.”, “Q.”).
 */
export function headSigner(ctx: DocumentContext, own = false): Signer {
  const title = ctx.unit.headTitle || 'THỦ TRƯỞNG ĐƠN VỊ';
  const committee = !own && !/^\s*(?:TM|KT|Q|TL|TUQ)\./iu.test(title) && (unitTypeId(ctx.values.loai_don_vi) === 'ubnd-xa' || isPeoplesCommittee(ctx.unit.name));
  return { title: committee ? `TM. ỦY BAN NHÂN DÂN\n${title}` : title, name: ctx.unit.head, note: SIGN_NOTE };
}

/** The signature under the recipients; `own`: a decision of the head's own power (headSigner). */
export function closeWithRecipients(b: DocumentBuilder, ctx: DocumentContext, prefix: string, own = false): void {
  signatureBlock(b, headSigner(ctx, own), { recipients: text(ctx, `${prefix}.noi_nhan`) });
}

/** "- Ông (bà) Name, Title – Role;" per person, as minutes list those present; a name not given yet is a blank to write in. */
export function peopleLines(people: readonly Evaluator[]): string {
  return people.map((m) => `- Ông (bà) ${[m.name || (m.title ? BLANK_NAME : ''), m.title].filter(Boolean).join(', ')}${m.role ? ` – ${m.role}` : ''};`).join('\n');
}

/** Minutes are signed by the chair (the first person listed, else `head`) and the secretary, where named. */
export function minutesSignatures(b: DocumentBuilder, people: readonly Evaluator[], head: string, chairTitle: string, secretaryTitle: string): void {
  const named = (name: string | undefined) => !!name && !/^[.…\s]*$/.test(name);
  const secretary = people.find((m) => /thư ký/i.test(m.role) && named(m.name));
  const chair = named(people[0]?.name) ? people[0]!.name : head;
  signatureBlock(b, { title: chairTitle, name: chair }, { signer: { title: secretaryTitle, name: secretary?.name ?? '' } });
}

/**
 * A heading (what `heading` draws) kept on one page with what follows it: the first paragraph of
 * `text`, or what `first` draws; never a heading alone at the foot of a page.
 */
export function underHeading(b: DocumentBuilder, heading: () => void, next: string | (() => void), style: TextStyle = {}): void {
  const [first, ...rest] = typeof next === 'string' ? next.split('\n').filter((p) => p.trim() !== '') : [];
  b.keepTogether(() => {
    heading();
    if (typeof next !== 'string') next();
    else if (first !== undefined) b.paragraphs(first, style);
  });
  if (rest.length) b.paragraphs(rest.join('\n'), style);
}

/** The unit's earlier texts whose place is gone are printed at the end, never dropped. */
export function leftOverTexts(b: DocumentBuilder, kept: KeptTexts): void {
  const rest = kept.leftOver();
  if (rest.length === 0) return;
  b.spacer(8);
  b.row([{ text: 'Nội dung đơn vị đã viết trước đây (mẫu mới không còn vị trí tương ứng):', italic: true, bold: true }]);
  for (const t of rest) b.userText({ key: t.key, written: '', kept: kept.take(t.key) });
}

type Indicator = DocumentContext['report']['indicators'][number];

/** The figure of an indicator as the tables print it: "39/41 (95,1%)", or a unit fact's Đạt / Không đạt (TT24's words, as every sheet prints it). */
export function resultCell(ind: Indicator): string {
  if (ind.status === 'not_applicable') return '';
  if (ind.required !== null && ind.denominator !== null && ind.value !== null) return `${ind.numerator}/${ind.denominator} (${indicatorPercent(ind)})`;
  return statusText(ind.status);
}

/**
 * One row per criterion (bold) and per indicator: code, text, requirement, result, and a
 * last column the caller fills (the self-assessment, or a cell the unit writes in).
 */
export function indicatorTable(
  b: DocumentBuilder,
  ctx: DocumentContext,
  headers: [string, string, string, string, string],
  last: (ind: Indicator) => string | UserCell,
  criterionLast: (status: string) => string,
  widths: [number, number, number, number, number] = [1, 5, 1, 2, 1],
): void {
  const align: ('center' | 'left')[] = ['center', 'left', 'center', 'center', 'center'];
  b.table(headers, widths, [], align);
  for (const cr of ctx.report.criteria) {
    const rows = ctx.report.indicators
      .filter((i) => i.criterion === cr.code)
      .map((ind) => [ind.code, ind.text, ind.status === 'not_applicable' ? '' : requirementText(ind, ind.required !== null), resultCell(ind), last(ind)]);
    // Kept with its first indicator: never alone at the foot of a page.
    b.groupRow(
      [
        { text: `Tiêu chí ${cr.code}: ${cr.title}`, from: 1, to: 10 - widths[4], bold: true, border: true, size: SIZE.table },
        { text: criterionLast(statusText(cr.status)), from: 11 - widths[4], to: 10, bold: true, border: true, align: 'center', size: SIZE.table },
      ],
      widths,
      rows[0],
      align,
    );
    b.tableRows(widths, rows, align);
  }
  b.endTable();
}
