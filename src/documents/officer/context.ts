/**
 * What the officer's documents print: the batch, the template texts, and the officer's
 * fields (typed in the pane or the CLI, else in "Mẫu văn bản tổng hợp", else as the
 * consolidation recorded them).
 */
import { dateText, parseEvaluators, type Evaluator } from '../context';
import { fillTemplate, fillTidy } from '../templates';
import { abbreviation } from '../templatesSheet';
import { proposalGroups, proposed, unitBases, withoutLevel, type Batch, type BatchRuleSet, type BatchUnit } from './batch';
import { basisLines, distinctBases, inForceOrder, listedBases, sameBasis } from '../bases';
import { localGovernmentLaw, type OfficerPlaceholder } from './templates';
import { repealedFor, repealedIn } from '../repealed';
import { TIER_NAMES, tierName, tierOf } from '../../domain/rules/request';
import { COMMITTEE, isCommittee, PLACE, placeOf } from '../places';

export interface OfficerFields {
  body?: string;
  tier?: string;
  signer?: string;
  /** The office that examines and submits (Phòng Văn hóa - Xã hội …). */
  office?: string;
}

export interface OfficerContext {
  batch: Batch;
  texts: ReadonlyMap<string, string>;
  values: Record<OfficerPlaceholder, string>;
  /** Who checked the dossiers ("tham_dinh.thanh_vien"). */
  checkers: Evaluator[];
  /**
   * The legal bases ({can_cu}): of the units proposed (the request and the decision rest on
   * them), of every unit examined (the minutes; a repealed text named so, with its units).
   */
  bases: { proposed: string[]; examined: string[] };
}

export const BLANK = '……………';

/**
 * An office's place as its name gives it, with the place's own word: "Sở GD&ĐT tỉnh Phú Thọ" → "tỉnh Phú Thọ".
 * Place words in lower case only: "Phòng Văn hóa - Xã hội xã Hòa Bình" is at "xã Hòa Bình", not at "Xã hội …".
 */
const OFFICE_PLACE = /^(?:[Ss]ở|[Pp]hòng|[Bb]an)\s.*?\s((?:tỉnh|thành phố|đặc khu|xã|phường|huyện|quận|thị xã|thị trấn)\s+\S.*)$/u;

/**
 * The UBND an office belongs to, as its name says: a Sở is the province's, a Phòng or a Ban its
 * commune's or former district's ("Sở GD&ĐT tỉnh Phú Thọ" → "UBND tỉnh Phú Thọ"); '' when it does not say.
 */
export function parentCommittee(office: string): string {
  const m = OFFICE_PLACE.exec(office.trim().normalize('NFC'));
  return m ? `UBND ${m[1]}` : '';
}

/** Who receives, who decides, who examines: typed by the officer, else in the templates, else as the consolidation recorded them. */
export interface OfficerParties {
  /** The receiving body; BLANK when nobody named it. */
  body: string;
  /** Its tier as printed ("cấp xã"), from the one typed or, when none, from the body's name; '' when unknown. */
  tier: string;
  /** The UBND whose chairman decides; BLANK when unknown. */
  committee: string;
  office: string;
}

export function officerParties(batch: Pick<Batch, 'body' | 'tier'>, texts: ReadonlyMap<string, string>, fields: OfficerFields = {}): OfficerParties {
  const own = (key: string) => (texts.get(key) ?? '').trim();
  const body = fields.body?.trim() || own('chung.don_vi_tiep_nhan') || batch.body || BLANK;
  const typedTier = fields.tier?.trim() || own('chung.cap') || batch.tier;
  const tier = typedTier ? tierName(typedTier) : body === BLANK ? '' : (TIER_NAMES[tierOf(body) ?? ''] ?? '');
  // A commune's UBND often receives the dossiers itself; then it also decides.
  const receives = isCommittee(body);
  const committee = own('chung.uy_ban') || (receives ? body : parentCommittee(body) || BLANK);
  const office = fields.office?.trim() || own('chung.co_quan_tham_dinh') || (receives ? defaultOffice(committee) : body);
  return { body, tier, committee, office };
}

/**
 * Who examines and submits when the receiving body is the UBND that decides (it cannot submit
 * to its own chairman): the office that serves education at that tier since 01/7/2025.
 */
function defaultOffice(committee: string): string {
  const tier = COMMITTEE.exec(committee.trim())?.[1]?.toLocaleLowerCase('vi') ?? '';
  if (tier === 'tỉnh' || tier === 'thành phố') return 'Sở Giáo dục và Đào tạo';
  if (tier === 'huyện' || tier === 'quận' || tier === 'thị xã') return 'Phòng Giáo dục và Đào tạo';
  return 'Phòng Văn hóa - Xã hội';
}

/** The head's title by the kind of office, for the request's signature. */
const TITLES: [RegExp, string][] = [
  [/^phòng\s/iu, 'Trưởng phòng'],
  [/^ban\s/iu, 'Trưởng ban'],
  [/^(?:sở|trung tâm)\s/iu, 'Giám đốc'],
  [/^hội đồng\s/iu, 'Chủ tịch Hội đồng'],
  [/^tổ\s/iu, 'Tổ trưởng'],
  [COMMITTEE, 'Chủ tịch'],
];
const titleOf = (office: string) => TITLES.find(([re]) => re.test(office.trim()))?.[1] ?? 'Thủ trưởng đơn vị';

/** NĐ 30 Phụ lục III: "UBND", else the initials of the office's name without its place: Phòng Văn hóa - Xã hội → PVHXH, Sở Giáo dục và Đào tạo → SGDĐT. */
function officeAbbreviation(office: string): string {
  if (COMMITTEE.test(office.trim())) return 'UBND';
  const place = PLACE.exec(office.trim());
  const name = place ? office.trim().slice(0, place.index) : office;
  return name
    .normalize('NFC')
    .split(/[\s&]+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+/u, ''))
    .filter((w) => w && w.toLocaleLowerCase('vi') !== 'và')
    .map((w) => (w === w.toLocaleUpperCase('vi') && w.length > 1 ? w : w[0]!.toLocaleUpperCase('vi')))
    .join('')
    .replace(/[^\p{L}\p{N}]/gu, '');
}


function distinct(xs: string[]): string[] {
  return [...new Set(xs.map((x) => x.trim()).filter(Boolean))];
}

/** "mức độ 1: 3 đơn vị; xếp loại Tốt: 2 đơn vị", in the decision list's order; "0 đơn vị" when none. */
function countsByProposal(batch: Batch): string {
  const groups = proposalGroups(batch.units, batch.ruleSets);
  if (groups.length === 0) return '0 đơn vị';
  // Two titles among the levels (a province deciding cấp huyện and cấp tỉnh): each count names its title.
  const titled = new Set(groups.filter((g) => g.rating === null).map((g) => g.title)).size > 1;
  const label = (g: (typeof groups)[number]) => (g.rating !== null ? `xếp loại ${g.rating}` : g.level ? `${titled && g.title ? `${g.title} ` : ''}mức độ ${g.level}` : 'đạt');
  return groups.map((g) => `${label(g)}: ${g.units.length} đơn vị`).join('; ');
}

/**
 * When the decision is made: the signing date typed ("d/m/yyyy"), else just before 15/02 after
 * the latest evaluation year (TT24 Điều 10: the dossiers are recognised by then).
 */
function decisionDay(signed: string, year: number): Date {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(signed.trim());
  return m ? new Date(Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1]))) : new Date(Date.UTC(year + 1, 1, 14));
}

/** `date1904`: the officer's workbook counts dates from 1904 (WorkbookSnapshot.date1904), for a signing date typed as a date. */
export function buildOfficerContext(batch: Batch, texts: ReadonlyMap<string, string>, fields: OfficerFields = {}, date1904 = false): OfficerContext {
  const own = (key: string) => (texts.get(key) ?? '').trim();
  const signed = dateText(own('chung.ngay_ky'), date1904);
  const { body, tier, committee, office } = officerParties(batch, texts, fields);
  // An earlier release started "chung.ky_hieu" as the receiving body's initials: still that, it was never the officer's.
  const code = own('chung.ky_hieu');
  const units = batch.units;
  const chosen = units.filter(proposed);
  const rulesOf = (names: string[]): BatchRuleSet[] => batch.ruleSets.filter((r) => names.includes(r.name));
  const used = rulesOf(distinct((chosen.length ? chosen : units).map((u) => u.ruleSet)));
  const title = distinct(used.map((r) => withoutLevel(r.recognition))).join(', ') || '“Đơn vị học tập”';
  const yearOf = (u: BatchUnit) => u.year ?? batch.years.at(-1) ?? 0;
  // Each unit's own bases (its province's documents too), as the consolidated table recorded them.
  const basesOf = (u: BatchUnit) => unitBases(u, batch.ruleSets);
  const examined = inForceOrder(distinctBases(units.flatMap(basesOf))).map((b) => {
    const late = units.filter((u) => basesOf(u).some((c) => sameBasis(c, b)) && repealedFor(b, yearOf(u)));
    return late.length ? `${b} (đã hết hiệu lực từ ngày ${repealedIn(b)!.since}; đơn vị áp dụng: ${late.map((u) => u.name).join(', ')})` : b;
  });
  const bases = { proposed: inForceOrder(distinctBases((chosen.length ? chosen : units).flatMap(basesOf))), examined };
  const years = batch.years.length ? batch.years : [new Date().getFullYear()];
  const year = years.join(', ');
  const values: Record<OfficerPlaceholder, string> = {
    don_vi_tiep_nhan: body,
    cap: tier,
    uy_ban: committee,
    co_quan_tham_dinh: office,
    dia_danh: own('chung.dia_danh') || placeOf(committee) || placeOf(body) || BLANK,
    nguoi_ky: fields.signer?.trim() || own('chung.nguoi_ky'),
    chuc_vu_nguoi_ky: own('chung.chuc_vu_nguoi_ky') || titleOf(office),
    chu_tich: own('chung.chu_tich'),
    nam: year,
    nam_sau: String(years.at(-1)! + 1),
    danh_hieu: title,
    can_cu: listedBases(bases.proposed),
    luat_chinh_quyen: localGovernmentLaw(decisionDay(signed, years.at(-1)!)),
    so_don_vi: String(units.length),
    so_de_nghi: String(chosen.length),
    so_khong_de_nghi: String(units.length - chosen.length),
    so_muc_1: String(chosen.filter((u) => u.level === 1).length),
    so_muc_2: String(chosen.filter((u) => u.level === 2).length),
    so_theo_muc: countsByProposal(batch),
    so_tep_loi: String(batch.unread?.length ?? 0),
    tep_loi: (batch.unread ?? []).map((f) => `“${f}”`).join(', '),
    ky_hieu: code && code !== abbreviation(body) ? code : officeAbbreviation(office),
    ngay_ky: signed,
    ten_don_vi: '',
    ket_qua: '',
    tu_danh_gia: '',
    ly_do: '',
    chua_dat: '',
    ly_do_chua_dat: '',
    muc_do: '',
    muc_do_la_ma: '',
    so_trong_nhom: '',
  };
  return { batch, texts, values, checkers: parseEvaluators(fillTemplate(texts.get('tham_dinh.thanh_vien') ?? '', values)), bases };
}

/**
 * A template text with the values filled in (and per-unit values on top). The minutes'
 * ("tham_dinh.…") {can_cu} are the examined units' bases, the others' the proposed units';
 * "Căn cứ {can_cu}" becomes one "Căn cứ" line per basis, as NĐ 30 lists them.
 */
export function officerText(ctx: OfficerContext, key: string, more: Partial<Record<OfficerPlaceholder, string>> = {}): string {
  const bases = key.startsWith('tham_dinh.') ? ctx.bases.examined : ctx.bases.proposed;
  return fillTidy(basisLines(ctx.texts.get(key) ?? '', bases), { ...ctx.values, can_cu: listedBases(bases), ...more });
}
