/**
 * The default texts of every document, in one place. They are data, not layout: the first
 * generation copies them into the workbook's "Mẫu văn bản" sheet, where the unit adjusts
 * them once; from then on the sheet's texts are the ones used (see templatesSheet.ts).
 *
 * {name} marks a value filled in from the unit's sheets and the evaluation (PLACEHOLDERS).
 * A line break starts a new paragraph. Keys never change: the sheet finds texts by key.
 * Texts whose key ends in ".goi_y" are prompts printed where the unit writes its own text.
 */

export interface TemplateDefault {
  key: string;
  /** What the text is for, shown next to it in the sheet. */
  label: string;
  /** The text under a TT24 rule set (pass/fail: công nhận, mức độ). */
  text: string;
  /** The text under a scoring rule set (TT22: danh hiệu, xếp loại), where the words differ. */
  score?: string;
}

/** Which wording a rule set takes: TT24's (công nhận) or TT22's (xếp loại). */
export type Wording = 'pass-fail' | 'score';

/** Values a template may name, with what each one is (shown in the sheet's legend). */
export const PLACEHOLDERS = {
  ten_don_vi: 'Tên đơn vị (trang “Thông tin đơn vị”)',
  loai_don_vi: 'Loại đơn vị',
  co_quan_chu_quan: 'Cơ quan chủ quản',
  don_vi_tong_hop: 'Đơn vị tổng hợp (nơi nhận hồ sơ)',
  cap_tong_hop: 'Cấp của đơn vị tổng hợp',
  dia_danh: 'Địa danh',
  nguoi_dung_dau: 'Người đứng đầu',
  chuc_vu: 'Chức vụ người đứng đầu',
  nam: 'Năm đánh giá',
  nam_sau: 'Năm sau năm đánh giá',
  muc_do: 'Mức độ bộ tiêu chí đánh giá (viết thường: “mức độ 1”); bộ chấm điểm: mức độ đơn vị ghi',
  muc_do_dang_ky: 'Nội dung đăng ký cho năm sau (mục “dang_ky.muc_do”)',
  danh_hieu: 'Tên gọi khi được công nhận (trang “Tiêu chí”), ví dụ “Đơn vị học tập” cấp huyện mức độ 1',
  bo_tieu_chi: 'Tên bộ tiêu chí',
  can_cu_tham_quyen: 'Văn bản quy định thẩm quyền của người ký quyết định của đơn vị: trường mầm non, tiểu học, THCS, THPT, phổ thông nhiều cấp học: Điều lệ trường (số, ngày thông tư ban hành); đơn vị khác: “chức năng, nhiệm vụ, quyền hạn của” người đứng đầu',
  can_cu: 'Các căn cứ của bộ tiêu chí (trang “Tiêu chí”, mục “Căn cứ”: mỗi văn bản một dòng), kèm thông tư của bộ tiêu chí mẫu khi còn hiệu lực; “Căn cứ {can_cu}” in mỗi căn cứ một dòng (dòng ghi “Thực hiện …”, “Theo …” giữ chữ đã ghi, sau các căn cứ pháp lý); trong câu chỉ in tên văn bản',
  to_danh_gia: 'Bộ phận tự đánh giá của đơn vị (trang “Tiêu chí”): Tổ đánh giá, Hội đồng tự kiểm tra …',
  so_thanh_vien: 'Số thành viên được tính',
  ket_qua: 'Kết quả tự đánh giá (“Đủ điều kiện công nhận …”, hoặc điểm và xếp loại)',
  chi_tieu_chua_dat: 'Các chỉ tiêu chưa đạt (mã), hoặc “không có”',
  muc_tieu_ca_nhan: 'Mục tiêu cá nhân (tỷ lệ chỉ tiêu mỗi thành viên phấn đấu đạt, trang “Tiêu chí”)',
  ngay_cong_nhan_truoc: 'Ngày quyết định công nhận mức độ 1 (trang “Thông tin đơn vị”, “Ngày công nhận lần trước”), khi đề nghị mức độ 2; không có thì dòng chứa nó không in',
  danh_hieu_truoc: 'Tên gọi đã được công nhận (mức độ 1), khi đề nghị mức độ 2; không có thì dòng chứa nó không in',
  ky_hieu: 'Ký hiệu viết tắt của đơn vị (mục “chung.ky_hieu”)',
  ngay_ky: 'Ngày, tháng, năm ký (mục “chung.ngay_ky”)',
  // Per indicator and criterion (only inside the "bao_cao.chi_tieu…" and "…tieu_chi…" texts):
  ma: 'Mã tiêu chí / chỉ tiêu',
  noi_dung: 'Nội dung tiêu chí / chỉ tiêu',
  yeu_cau: 'Yêu cầu của chỉ tiêu (ví dụ “≥ 90%”)',
  tu_so: 'Số đạt',
  mau_so: 'Tổng số được tính',
  doi_tuong: '“thành viên” hoặc “người học”',
  ty_le: 'Tỷ lệ đạt (ví dụ “87,5%”)',
  danh_gia: 'Tự đánh giá: Đạt / Không đạt / Không áp dụng / Chưa đánh giá được',
  minh_chung: 'Minh chứng (trang “Tiêu chí”)',
  diem: 'Điểm đạt (bộ tiêu chí chấm điểm)',
  diem_toi_da: 'Điểm tối đa',
} as const;

export type Placeholder = keyof typeof PLACEHOLDERS;

/** A template line naming one of these is printed only when it has a value (a level-2 request's level-1 recognition). */
export const LINE_PLACEHOLDERS: readonly Placeholder[] = ['ngay_cong_nhan_truoc', 'danh_hieu_truoc'];

/** The text without its lines that name a LINE_PLACEHOLDERS value left empty. */
export function withoutEmptyLines(text: string, values: Readonly<Partial<Record<string, string>>>): string {
  const empty = LINE_PLACEHOLDERS.filter((n) => values[n] === '').map((n) => `{${n}}`);
  return empty.length ? text.split('\n').filter((line) => !empty.some((p) => line.includes(p))).join('\n') : text;
}

/**
 * What gives the head of a unit the power to decide ({can_cu_tham_quyen}), by unit type
 * (domain/unitTypes.ts ids): a school's charter, national texts. A type not listed cites
 * the head's functions, duties and powers (COMPETENCE_DEFAULT).
 */
const MOET = 'của Bộ trưởng Bộ Giáo dục và Đào tạo';
const CHARTER_SECONDARY = `Điều lệ trường trung học cơ sở, trường trung học phổ thông và trường phổ thông có nhiều cấp học ban hành kèm theo Thông tư số 32/2020/TT-BGDĐT ngày 15/9/2020 ${MOET}`;
export const CHARTERS: Readonly<Record<string, string>> = {
  mn: `Điều lệ Trường mầm non ban hành kèm theo Thông tư số 52/2020/TT-BGDĐT ngày 31/12/2020 ${MOET}`,
  th: `Điều lệ Trường tiểu học ban hành kèm theo Thông tư số 28/2020/TT-BGDĐT ngày 04/9/2020 ${MOET}`,
  thcs: CHARTER_SECONDARY,
  thpt: CHARTER_SECONDARY,
  'nhieu-cap': CHARTER_SECONDARY,
};
export const COMPETENCE_DEFAULT = 'chức năng, nhiệm vụ, quyền hạn của {chuc_vu} {ten_don_vi}';

const LUU = '- Lưu: VT.';
/** A level-2 request's ground: the level-1 decision, by the date typed, its number dotted to write in (the unit sheet has no field for it). */
const CAN_CU_MUC_DO_1 = 'Căn cứ Quyết định số …… ngày {ngay_cong_nhan_truoc} công nhận {ten_don_vi} đạt {danh_hieu_truoc};';
const TO_TRINH_CAN_CU_BEFORE = 'Căn cứ {can_cu};\nCăn cứ kết quả tự đánh giá “Đơn vị học tập” năm {nam} của {ten_don_vi}.';
const BAO_CAO_MO_DAU_BEFORE = 'Thực hiện {can_cu}, {ten_don_vi} báo cáo kết quả tự đánh giá “Đơn vị học tập” năm {nam} như sau:';
const BAO_CAO_CHUA_DAT_BEFORE = '{ten_don_vi} tiếp tục khắc phục các chỉ tiêu chưa đạt ({chi_tieu_chua_dat}) trong năm {nam_sau}.';
/** The dossier the request letter and the cover list, in the Hà Nội plan's filing order. */
const HO_SO = 'Kế hoạch xây dựng “Đơn vị học tập” năm {nam}; Quyết định thành lập {to_danh_gia}; Báo cáo tự đánh giá; Biên bản tự đánh giá; Bản tổng hợp kết quả tự đánh giá các tiêu chí, chỉ tiêu và các minh chứng';
/** A scoring (TT22) dossier's, as its cover names them, with the Bản đăng ký the Đắk Lắk plan (QĐ 2316/QĐ-UBND ngày 28/9/2020) files. */
const HO_SO_SCORE = 'Kế hoạch xây dựng “Đơn vị học tập” năm {nam}; Quyết định thành lập {to_danh_gia}; Báo cáo tự đánh giá, xếp loại; Biên bản tự kiểm tra, đánh giá, xếp loại; Bản tổng hợp kết quả tự đánh giá các tiêu chí; Bản đăng ký danh hiệu “Đơn vị học tập” năm {nam_sau} và các minh chứng';
/** The TT22 request as written before it listed HO_SO_SCORE (kept to update a sheet still holding it). */
const DE_NGHI_SCORE_BEFORE = `{ten_don_vi} kính trình {don_vi_tong_hop} xem xét, công nhận danh hiệu “Đơn vị học tập” năm {nam} cho {ten_don_vi} (kết quả tự đánh giá, xếp loại: {ket_qua}).\nHồ sơ kèm theo gồm: ${HO_SO}.\nKính trình {don_vi_tong_hop} xem xét, quyết định./.`;

export const TEMPLATE_DEFAULTS: TemplateDefault[] = [
  // Shared by every document.
  { key: 'chung.ky_hieu', label: 'Ký hiệu viết tắt của đơn vị, dùng trong số văn bản (ví dụ THCSND)', text: '' },
  { key: 'chung.ngay_ky', label: 'Ngày ký các văn bản (dd/mm/yyyy). Để trống: in “ngày … tháng … năm …” để ghi tay', text: '' },
  {
    key: 'to_danh_gia.thanh_vien',
    label: 'Thành viên tổ đánh giá (hội đồng), mỗi người một dòng: Họ và tên | Chức vụ | Nhiệm vụ. Dùng cho Quyết định thành lập và Biên bản',
    text: '{nguoi_dung_dau} | {chuc_vu} | Tổ trưởng\n……………………… | ……………………… | Thư ký\n……………………… | ……………………… | Thành viên',
    score: '{nguoi_dung_dau} | {chuc_vu} | Chủ tịch Hội đồng\n……………………… | ……………………… | Thư ký\n……………………… | ……………………… | Ủy viên',
  },

  { key: 'bia.tieu_de', label: 'Bìa hồ sơ: tên hồ sơ', text: 'HỒ SƠ ĐỀ NGHỊ CÔNG NHẬN', score: 'HỒ SƠ ĐÁNH GIÁ, XẾP LOẠI' },
  { key: 'bia.danh_hieu', label: 'Bìa hồ sơ: dòng tên gọi', text: '{danh_hieu}', score: '“Đơn vị học tập”' },
  // A dossier that asks for nothing (a level-2 request held, or a result that does not qualify): no tờ trình, the self-evaluation filed, no level asked.
  { key: 'bia.tieu_de.tu_danh_gia', label: 'Bìa hồ sơ: tên hồ sơ khi không đề nghị công nhận (chưa đề nghị được mức độ 2, hoặc kết quả chưa đạt; hồ sơ không có tờ trình)', text: 'HỒ SƠ TỰ ĐÁNH GIÁ' },
  { key: 'bia.danh_hieu.tu_danh_gia', label: 'Bìa hồ sơ: dòng tên gọi khi không đề nghị công nhận', text: '“Đơn vị học tập”' },
  { key: 'bia.nam', label: 'Bìa hồ sơ: năm', text: 'NĂM {nam}' },
  { key: 'bia.gom', label: 'Bìa hồ sơ: đề mục danh sách văn bản', text: 'Hồ sơ gồm:' },
  { key: 'bia.danh_muc', label: 'Bìa hồ sơ: các văn bản, theo thứ tự đóng hồ sơ (mỗi văn bản một dòng)', text: `1. Tờ trình đề nghị công nhận\n2. Kế hoạch xây dựng “Đơn vị học tập” năm {nam}\n3. Quyết định thành lập {to_danh_gia}\n4. Báo cáo tự đánh giá\n5. Biên bản tự đánh giá\n6. Bản tổng hợp kết quả tự đánh giá các tiêu chí, chỉ tiêu và kết quả học tập, bồi dưỡng của các cá nhân\n7. Các minh chứng`, score: `1. Tờ trình đề nghị công nhận\n2. Kế hoạch xây dựng “Đơn vị học tập” năm {nam}\n3. Quyết định thành lập {to_danh_gia}\n4. Báo cáo tự đánh giá, xếp loại\n5. Biên bản tự kiểm tra, đánh giá, xếp loại\n6. Bản tổng hợp kết quả tự đánh giá các tiêu chí và kết quả học tập, bồi dưỡng của các cá nhân\n7. Bản đăng ký danh hiệu năm {nam_sau}\n8. Các minh chứng` },
  { key: 'bia.noi_nop', label: 'Bìa hồ sơ: nơi nộp', text: 'Nơi nộp: {don_vi_tong_hop}' },
  { key: 'bia.thoi_gian', label: 'Bìa hồ sơ: dòng cuối', text: '{dia_danh}, tháng 01 năm {nam_sau}' },

  { key: 'to_trinh.so', label: 'Tờ trình: số, ký hiệu', text: 'Số:        /TTr-{ky_hieu}' },
  { key: 'to_trinh.tieu_de', label: 'Tờ trình: tên loại văn bản', text: 'TỜ TRÌNH' },
  {
    key: 'to_trinh.trich_yeu',
    label: 'Tờ trình: trích yếu',
    text: 'Về việc đề nghị công nhận {danh_hieu} năm {nam}',
    score: 'Về việc đề nghị công nhận danh hiệu “Đơn vị học tập” năm {nam}',
  },
  { key: 'to_trinh.kinh_gui', label: 'Tờ trình: nơi gửi', text: 'Kính gửi: {don_vi_tong_hop}.' },
  {
    key: 'to_trinh.can_cu',
    label: 'Tờ trình: căn cứ (dòng quyết định công nhận mức độ 1 chỉ in khi đề nghị mức độ 2: ghi số quyết định vào chỗ ……)',
    text: `Căn cứ {can_cu};\n${CAN_CU_MUC_DO_1}\nCăn cứ kết quả tự đánh giá “Đơn vị học tập” năm {nam} của {ten_don_vi}.`,
  },
  {
    key: 'to_trinh.noi_dung',
    label: 'Tờ trình: nội dung',
    text: 'Năm {nam}, {ten_don_vi} đã triển khai xây dựng “Đơn vị học tập” và tổ chức tự đánh giá theo các tiêu chí, chỉ tiêu quy định. Số liệu tự đánh giá tính từ ngày 01/01/{nam} đến ngày 31/12/{nam}, với {so_thanh_vien} thành viên được tính.\nKết quả tự đánh giá: {ket_qua}.',
  },
  {
    key: 'to_trinh.de_nghi',
    label: 'Tờ trình: đề nghị',
    text: `{ten_don_vi} kính trình {don_vi_tong_hop} xem xét, công nhận {ten_don_vi} đạt {danh_hieu} năm {nam}.\nHồ sơ kèm theo gồm: ${HO_SO}.\nKính trình {don_vi_tong_hop} xem xét, quyết định./.`,
    score: `{ten_don_vi} kính trình {don_vi_tong_hop} xem xét, công nhận danh hiệu “Đơn vị học tập” năm {nam} cho {ten_don_vi} (kết quả tự đánh giá: {ket_qua}).\nHồ sơ kèm theo gồm: ${HO_SO_SCORE}.\nKính trình {don_vi_tong_hop} xem xét, quyết định./.`,
  },
  { key: 'to_trinh.noi_nhan', label: 'Tờ trình: nơi nhận', text: `- Như trên;\n${LUU}` },

  { key: 'ke_hoach.so', label: 'Kế hoạch: số, ký hiệu', text: 'Số:        /KH-{ky_hieu}' },
  { key: 'ke_hoach.tieu_de', label: 'Kế hoạch: tên loại văn bản', text: 'KẾ HOẠCH' },
  { key: 'ke_hoach.trich_yeu', label: 'Kế hoạch: trích yếu', text: 'Xây dựng “Đơn vị học tập” năm {nam}' },
  { key: 'ke_hoach.can_cu', label: 'Kế hoạch: căn cứ', text: 'Căn cứ {can_cu};' },
  { key: 'ke_hoach.can_cu.goi_y', label: 'Kế hoạch: văn bản của địa phương (đơn vị viết)', text: '[Đơn vị viết: Căn cứ kế hoạch, công văn hướng dẫn của địa phương (số, ngày, cơ quan ban hành);]' },
  { key: 'ke_hoach.mo_dau', label: 'Kế hoạch: câu dẫn', text: 'Căn cứ tình hình thực tế, {ten_don_vi} ban hành kế hoạch xây dựng “Đơn vị học tập” năm {nam} như sau:' },
  { key: 'ke_hoach.muc_1', label: 'Kế hoạch: đề mục I', text: 'I. MỤC ĐÍCH, YÊU CẦU' },
  {
    key: 'ke_hoach.muc_dich',
    label: 'Kế hoạch: mục đích, yêu cầu',
    text: '- Tạo cơ hội và điều kiện cho thành viên trong đơn vị được học tập thường xuyên, học tập suốt đời, xây dựng mẫu hình công dân học tập, góp phần xây dựng xã hội học tập.\n- Huy động nguồn lực hỗ trợ việc học tập, bồi dưỡng, nâng cao chất lượng, hiệu quả công việc của thành viên.\n- Xác định rõ các tiêu chí, chỉ tiêu phấn đấu; việc tự đánh giá bảo đảm công khai, công bằng, minh bạch, khách quan.\n- Phấn đấu được công nhận {danh_hieu} năm {nam}.',
    score: '- Tạo cơ hội và điều kiện cho thành viên trong đơn vị được học tập thường xuyên, học tập suốt đời, xây dựng mẫu hình công dân học tập, góp phần xây dựng xã hội học tập.\n- Huy động nguồn lực hỗ trợ việc học tập, bồi dưỡng, nâng cao chất lượng, hiệu quả công việc của thành viên.\n- Xác định rõ các tiêu chí phấn đấu; việc tự đánh giá, xếp loại bảo đảm công khai, công bằng, minh bạch, khách quan.',
  },
  { key: 'ke_hoach.muc_2', label: 'Kế hoạch: đề mục II', text: 'II. CHỈ TIÊU PHẤN ĐẤU' },
  {
    key: 'ke_hoach.chi_tieu',
    label: 'Kế hoạch: câu dẫn bảng chỉ tiêu',
    text: 'Các tiêu chí, chỉ tiêu công nhận {danh_hieu} theo {can_cu}:',
    score: 'Các tiêu chí đánh giá, xếp loại “Đơn vị học tập” (thang 100 điểm) theo {can_cu}:',
  },
  { key: 'ke_hoach.ca_nhan', label: 'Kế hoạch: chỉ tiêu cá nhân', text: 'Mỗi thành viên phấn đấu đạt từ {muc_tieu_ca_nhan} trở lên các chỉ tiêu đăng ký của cá nhân.' },
  { key: 'ke_hoach.muc_3', label: 'Kế hoạch: đề mục III', text: 'III. NHIỆM VỤ, GIẢI PHÁP' },
  { key: 'ke_hoach.giai_phap.goi_y', label: 'Kế hoạch: nhiệm vụ, giải pháp (đơn vị viết)', text: '[Đơn vị viết: tuyên truyền; kế hoạch bồi dưỡng, tự học của thành viên; chuyển đổi số; hoạt động khuyến học và học tập suốt đời năm {nam}.]' },
  { key: 'ke_hoach.muc_4', label: 'Kế hoạch: đề mục IV', text: 'IV. TỔ CHỨC THỰC HIỆN' },
  {
    key: 'ke_hoach.nhiem_vu',
    label: 'Kế hoạch: nhiệm vụ của người đứng đầu, các tổ, công đoàn, thành viên',
    text: '1. {chuc_vu}: xây dựng, triển khai kế hoạch; thành lập {to_danh_gia}; tổ chức tự đánh giá; hoàn thiện hồ sơ gửi {don_vi_tong_hop} trước ngày 15/01/{nam_sau}.\n2. Các tổ chuyên môn, bộ phận: lập kế hoạch học tập của tổ và của từng thành viên; theo dõi, tổng hợp kết quả học tập, bồi dưỡng; tập hợp minh chứng theo các tiêu chí, chỉ tiêu.\n3. Ban Chấp hành Công đoàn: phối hợp triển khai kế hoạch; vận động thành viên học tập thường xuyên, học tập suốt đời.\n4. Thành viên: xây dựng kế hoạch tự học, tự bồi dưỡng trình lãnh đạo đơn vị phê duyệt; thực hiện các chỉ tiêu đã đăng ký.',
  },
  { key: 'ke_hoach.muc_5', label: 'Kế hoạch: đề mục V', text: 'V. THỜI GIAN THỰC HIỆN' },
  {
    key: 'ke_hoach.thoi_gian',
    label: 'Kế hoạch: các mốc thời gian',
    text: '- Tháng 01/{nam}: ban hành kế hoạch; thành viên đăng ký chỉ tiêu, xây dựng kế hoạch tự học.\n- Từ tháng 01 đến tháng 12/{nam}: triển khai thực hiện; lưu minh chứng.\n- Tháng 12/{nam}: {to_danh_gia} tự đánh giá (số liệu từ ngày 01/01/{nam} đến ngày 31/12/{nam}).\n- Trước ngày 15/01/{nam_sau}: gửi hồ sơ về {don_vi_tong_hop}.',
  },
  { key: 'ke_hoach.noi_nhan', label: 'Kế hoạch: nơi nhận', text: `- {don_vi_tong_hop} (để b/c);\n- Các tổ, bộ phận, thành viên (để t/h);\n${LUU}` },

  { key: 'quyet_dinh.so', label: 'Quyết định: số, ký hiệu', text: 'Số:        /QĐ-{ky_hieu}' },
  { key: 'quyet_dinh.tieu_de', label: 'Quyết định: tên loại văn bản', text: 'QUYẾT ĐỊNH' },
  { key: 'quyet_dinh.trich_yeu', label: 'Quyết định: trích yếu', text: 'Về việc thành lập {to_danh_gia} “Đơn vị học tập” năm {nam}' },
  { key: 'quyet_dinh.tham_quyen', label: 'Quyết định: thẩm quyền ban hành (in hoa)', text: '{chuc_vu} {ten_don_vi}' },
  {
    key: 'quyet_dinh.can_cu',
    label: 'Quyết định: căn cứ (thẩm quyền trước, mỗi căn cứ một dòng, dòng cuối kết thúc bằng dấu chấm)',
    text: 'Căn cứ {can_cu_tham_quyen};\nCăn cứ {can_cu};\nTheo đề nghị của bộ phận phụ trách.',
  },
  { key: 'quyet_dinh.quyet_dinh', label: 'Quyết định: dòng “QUYẾT ĐỊNH:”', text: 'QUYẾT ĐỊNH:' },
  { key: 'quyet_dinh.dieu_1', label: 'Quyết định: Điều 1', text: 'Điều 1. Thành lập {to_danh_gia} “Đơn vị học tập” năm {nam} của {ten_don_vi}, gồm các ông (bà) có tên sau:' },
  {
    key: 'quyet_dinh.dieu_2',
    label: 'Quyết định: Điều 2',
    text: 'Điều 2. {to_danh_gia} có nhiệm vụ tổ chức tự đánh giá “Đơn vị học tập” năm {nam} theo các tiêu chí, chỉ tiêu công nhận {danh_hieu}; lập hồ sơ đề nghị công nhận gửi {don_vi_tong_hop} trước ngày 15/01/{nam_sau}. {to_danh_gia} tự giải thể sau khi hoàn thành nhiệm vụ.',
    score: 'Điều 2. {to_danh_gia} có nhiệm vụ tự kiểm tra, đánh giá, xếp loại “Đơn vị học tập” năm {nam} theo các tiêu chí chấm điểm quy định; lập hồ sơ gửi {don_vi_tong_hop} đúng thời hạn. {to_danh_gia} tự giải thể sau khi hoàn thành nhiệm vụ.',
  },
  { key: 'quyet_dinh.dieu_3', label: 'Quyết định: Điều 3', text: 'Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Các ông (bà) có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.' },
  { key: 'quyet_dinh.noi_nhan', label: 'Quyết định: nơi nhận', text: `- Như Điều 3;\n${LUU}` },

  { key: 'bao_cao.so', label: 'Báo cáo: số, ký hiệu', text: 'Số:        /BC-{ky_hieu}' },
  { key: 'bao_cao.tieu_de', label: 'Báo cáo: tên loại văn bản', text: 'BÁO CÁO' },
  { key: 'bao_cao.trich_yeu', label: 'Báo cáo: trích yếu', text: 'Kết quả tự đánh giá “Đơn vị học tập” năm {nam}', score: 'Kết quả tự đánh giá, xếp loại “Đơn vị học tập” năm {nam}' },
  {
    key: 'bao_cao.mo_dau',
    label: 'Báo cáo: mở đầu (dòng quyết định công nhận mức độ 1 chỉ in khi đề nghị mức độ 2: ghi số quyết định vào chỗ ……)',
    text: `${CAN_CU_MUC_DO_1}\n${BAO_CAO_MO_DAU_BEFORE}`,
  },
  { key: 'bao_cao.muc_1', label: 'Báo cáo: đề mục I', text: 'I. ĐẶC ĐIỂM TÌNH HÌNH' },
  { key: 'bao_cao.muc_1.goi_y', label: 'Báo cáo: gợi ý phần I (đơn vị viết thay vào chỗ này trên trang báo cáo)', text: '[Đơn vị viết: quy mô, cơ cấu thành viên, thuận lợi, khó khăn trong năm {nam}.]' },
  { key: 'bao_cao.muc_2', label: 'Báo cáo: đề mục II', text: 'II. MỤC ĐÍCH, YÊU CẦU' },
  {
    key: 'bao_cao.muc_dich',
    label: 'Báo cáo: mục đích, yêu cầu',
    text: '- Xác định mức độ đáp ứng các tiêu chí, chỉ tiêu “Đơn vị học tập” của {ten_don_vi}; từ đó có kế hoạch duy trì, nâng cao các hoạt động học tập, đẩy mạnh học tập suốt đời.\n- Là căn cứ để đề nghị {don_vi_tong_hop} xem xét, công nhận {danh_hieu}.\n- Việc tự đánh giá bảo đảm công khai, công bằng, minh bạch, khách quan, đúng tiêu chí.',
    score: '- Xác định mức độ đáp ứng các tiêu chí “Đơn vị học tập” của {ten_don_vi}; từ đó có kế hoạch duy trì, nâng cao các hoạt động học tập, đẩy mạnh học tập suốt đời.\n- Là căn cứ để đề nghị {don_vi_tong_hop} xem xét, công nhận kết quả đánh giá, xếp loại “Đơn vị học tập”.\n- Việc tự đánh giá, xếp loại bảo đảm công khai, công bằng, minh bạch, khách quan, đúng tiêu chí.',
  },
  // A level-2 request held: the report asks for nothing this year (no tờ trình is drawn).
  {
    key: 'bao_cao.muc_dich.tu_danh_gia',
    label: 'Báo cáo: mục đích, yêu cầu khi chưa đề nghị được mức độ 2',
    text: '- Xác định mức độ đáp ứng các tiêu chí, chỉ tiêu “Đơn vị học tập” của {ten_don_vi}; từ đó có kế hoạch duy trì, nâng cao các hoạt động học tập, đẩy mạnh học tập suốt đời.\n- Là căn cứ để {ten_don_vi} duy trì kết quả đã đạt và chuẩn bị đề nghị công nhận mức độ 2 khi đủ điều kiện về thời gian theo quy định.\n- Việc tự đánh giá bảo đảm công khai, công bằng, minh bạch, khách quan, đúng tiêu chí.',
  },
  // A result that does not qualify: the report asks for nothing (no tờ trình is drawn); what it is for is mending.
  {
    key: 'bao_cao.muc_dich.chua_dat',
    label: 'Báo cáo: mục đích, yêu cầu khi kết quả chưa đạt (hồ sơ không có tờ trình)',
    text: '- Xác định mức độ đáp ứng các tiêu chí, chỉ tiêu “Đơn vị học tập” của {ten_don_vi}; từ đó có kế hoạch khắc phục các chỉ tiêu chưa đạt, nâng cao các hoạt động học tập, đẩy mạnh học tập suốt đời.\n- Là căn cứ để {ten_don_vi} khắc phục hạn chế, phấn đấu đủ điều kiện đề nghị công nhận {danh_hieu} năm {nam_sau}.\n- Việc tự đánh giá bảo đảm công khai, công bằng, minh bạch, khách quan, đúng tiêu chí.',
    score: '- Xác định mức độ đáp ứng các tiêu chí “Đơn vị học tập” của {ten_don_vi}; từ đó có kế hoạch khắc phục các tiêu chí, chỉ tiêu chưa đạt, nâng cao các hoạt động học tập, đẩy mạnh học tập suốt đời.\n- Là căn cứ để {ten_don_vi} khắc phục hạn chế, phấn đấu đạt danh hiệu “Đơn vị học tập” năm {nam_sau}.\n- Việc tự đánh giá, xếp loại bảo đảm công khai, công bằng, minh bạch, khách quan, đúng tiêu chí.',
  },
  { key: 'bao_cao.muc_3', label: 'Báo cáo: đề mục III', text: 'III. THỜI GIAN VÀ PHẠM VI SỐ LIỆU' },
  {
    key: 'bao_cao.pham_vi',
    label: 'Báo cáo: thời gian, phạm vi số liệu',
    text: 'Số liệu tự đánh giá tính từ ngày 01/01/{nam} đến ngày 31/12/{nam}. Tổng số thành viên được tính: {so_thanh_vien} người. Tiêu chí, chỉ tiêu đánh giá: tiêu chí, chỉ tiêu công nhận {danh_hieu} theo {can_cu}.',
    score: 'Số liệu tự đánh giá tính từ ngày 01/01/{nam} đến ngày 31/12/{nam}. Tổng số thành viên được tính: {so_thanh_vien} người. Tiêu chí đánh giá: các tiêu chí chấm điểm (thang 100 điểm) theo {can_cu}.',
  },
  { key: 'bao_cao.muc_4', label: 'Báo cáo: đề mục IV', text: 'IV. KẾT QUẢ TỰ ĐÁNH GIÁ THEO TỪNG TIÊU CHÍ' },
  { key: 'bao_cao.tieu_chi', label: 'Báo cáo: dòng đầu mỗi tiêu chí', text: '{ma}. Tiêu chí {ma}: {noi_dung}' },
  {
    key: 'bao_cao.chi_tieu_ty_le',
    label: 'Báo cáo: chỉ tiêu đo bằng tỷ lệ',
    text: '- Chỉ tiêu {ma}: {noi_dung}. Yêu cầu: {yeu_cau}. Kết quả: {tu_so}/{mau_so} {doi_tuong}, đạt {ty_le}. Tự đánh giá: {danh_gia}.',
  },
  { key: 'bao_cao.chi_tieu_don_vi', label: 'Báo cáo: chỉ tiêu đơn vị tự đánh giá', text: '- Chỉ tiêu {ma}: {noi_dung}. Tự đánh giá: {danh_gia}. Minh chứng: {minh_chung}.' },
  { key: 'bao_cao.chi_tieu_khong_ap_dung', label: 'Báo cáo: chỉ tiêu không áp dụng', text: '- Chỉ tiêu {ma}: {noi_dung}. Không áp dụng đối với đơn vị.' },
  { key: 'bao_cao.chi_tieu_diem', label: 'Báo cáo: thêm sau mỗi chỉ tiêu (bộ tiêu chí chấm điểm)', text: ' Điểm: {diem}/{diem_toi_da}.' },
  { key: 'bao_cao.ket_luan_tieu_chi', label: 'Báo cáo: kết luận mỗi tiêu chí', text: 'Kết luận tiêu chí {ma}: {danh_gia}.' },
  { key: 'bao_cao.tieu_chi.goi_y', label: 'Báo cáo: gợi ý cho mỗi tiêu chí (đơn vị viết)', text: '[Đơn vị viết: những việc đã làm, minh chứng tiêu biểu của tiêu chí {ma}.]' },
  { key: 'bao_cao.muc_5', label: 'Báo cáo: đề mục V', text: 'V. ĐÁNH GIÁ CHUNG' },
  { key: 'bao_cao.uu_diem', label: 'Báo cáo: đề mục ưu điểm', text: '1. Ưu điểm' },
  { key: 'bao_cao.uu_diem.goi_y', label: 'Báo cáo: gợi ý ưu điểm (đơn vị viết)', text: '[Đơn vị viết: những kết quả nổi bật.]' },
  { key: 'bao_cao.han_che', label: 'Báo cáo: đề mục hạn chế', text: '2. Hạn chế, nguyên nhân' },
  { key: 'bao_cao.han_che.goi_y', label: 'Báo cáo: gợi ý hạn chế (đơn vị viết)', text: '[Đơn vị viết: hạn chế, nguyên nhân; các chỉ tiêu chưa đạt: {chi_tieu_chua_dat}.]' },
  { key: 'bao_cao.muc_6', label: 'Báo cáo: đề mục VI', text: 'VI. KẾT LUẬN VÀ ĐỀ NGHỊ' },
  { key: 'bao_cao.ket_luan', label: 'Báo cáo: kết luận', text: 'Đối chiếu với các tiêu chí, chỉ tiêu, {ten_don_vi} tự đánh giá: {ket_qua}.' },
  {
    key: 'bao_cao.de_nghi',
    label: 'Báo cáo: đề nghị (khi đủ điều kiện)',
    text: 'Đề nghị {don_vi_tong_hop} xem xét, công nhận {ten_don_vi} đạt {danh_hieu} năm {nam}.',
    score: 'Đề nghị {don_vi_tong_hop} xem xét, công nhận kết quả tự đánh giá, xếp loại “Đơn vị học tập” năm {nam} của {ten_don_vi}.',
  },
  {
    key: 'bao_cao.chua_dat',
    label: 'Báo cáo: hướng khắc phục (khi chưa đủ điều kiện)',
    text: '{ten_don_vi} chưa đề nghị công nhận {danh_hieu} năm {nam}; tiếp tục khắc phục các chỉ tiêu chưa đạt ({chi_tieu_chua_dat}) trong năm {nam_sau}.',
    score: '{ten_don_vi} chưa đề nghị công nhận danh hiệu “Đơn vị học tập” năm {nam}; tiếp tục khắc phục các tiêu chí, chỉ tiêu chưa đạt ({chi_tieu_chua_dat}) trong năm {nam_sau}.',
  },
  { key: 'bao_cao.phuong_huong.goi_y', label: 'Báo cáo: gợi ý phương hướng (đơn vị viết)', text: '[Đơn vị viết: phương hướng, kiến nghị cho năm {nam_sau}.]' },
  { key: 'bao_cao.noi_nhan', label: 'Báo cáo: nơi nhận', text: `- {don_vi_tong_hop} (để b/c);\n${LUU}` },

  { key: 'bien_ban.so', label: 'Biên bản: số, ký hiệu', text: 'Số:        /BB-{ky_hieu}' },
  { key: 'bien_ban.tieu_de', label: 'Biên bản: tên loại văn bản', text: 'BIÊN BẢN' },
  { key: 'bien_ban.trich_yeu', label: 'Biên bản: trích yếu', text: 'Tự đánh giá “Đơn vị học tập” năm {nam}', score: 'Tự kiểm tra, đánh giá, xếp loại “Đơn vị học tập” năm {nam}' },
  { key: 'bien_ban.thoi_gian.goi_y', label: 'Biên bản: thời gian (đơn vị sửa trên trang biên bản)', text: 'Thời gian: vào hồi …… giờ …… phút, ngày …… tháng …… năm ……' },
  { key: 'bien_ban.dia_diem', label: 'Biên bản: địa điểm', text: 'Địa điểm: {ten_don_vi}.' },
  { key: 'bien_ban.thanh_phan', label: 'Biên bản: đề mục thành phần', text: 'Thành phần: {to_danh_gia} “Đơn vị học tập” năm {nam} của {ten_don_vi}, gồm:' },
  {
    key: 'bien_ban.noi_dung',
    label: 'Biên bản: nội dung',
    text: '{to_danh_gia} đã đối chiếu số liệu năm {nam} (từ ngày 01/01/{nam} đến ngày 31/12/{nam}) của {so_thanh_vien} thành viên được tính với các tiêu chí, chỉ tiêu công nhận {danh_hieu}. Kết quả như sau:',
    score: '{to_danh_gia} đã đối chiếu số liệu năm {nam} (từ ngày 01/01/{nam} đến ngày 31/12/{nam}) của {so_thanh_vien} thành viên được tính với các tiêu chí đánh giá, xếp loại “Đơn vị học tập” (thang 100 điểm). Kết quả như sau:',
  },
  { key: 'bien_ban.ket_luan', label: 'Biên bản: kết luận', text: 'Kết luận của {to_danh_gia}: {ket_qua}.' },
  {
    key: 'bien_ban.chua_dat',
    label: 'Biên bản: sau kết luận, khi kết quả chưa đạt (hồ sơ không có tờ trình)',
    text: '{to_danh_gia} thống nhất: {ten_don_vi} chưa đề nghị công nhận {danh_hieu} năm {nam}; cần khắc phục các chỉ tiêu chưa đạt ({chi_tieu_chua_dat}).',
    score: '{to_danh_gia} thống nhất: {ten_don_vi} chưa đề nghị công nhận danh hiệu “Đơn vị học tập” năm {nam}; cần khắc phục các tiêu chí, chỉ tiêu chưa đạt ({chi_tieu_chua_dat}).',
  },
  { key: 'bien_ban.y_kien', label: 'Biên bản: đề mục ý kiến', text: 'Ý kiến của các thành viên {to_danh_gia}:' },
  { key: 'bien_ban.y_kien.goi_y', label: 'Biên bản: ý kiến (đơn vị viết)', text: '[Thư ký ghi ý kiến của các thành viên.]' },
  {
    key: 'bien_ban.ket_thuc',
    label: 'Biên bản: kết thúc',
    text: 'Biên bản kết thúc vào hồi …… giờ …… cùng ngày, đã được đọc lại cho các thành viên dự họp cùng nghe và nhất trí thông qua./.',
  },
  { key: 'bien_ban.thu_ky', label: 'Biên bản: chức danh ký bên trái', text: 'THƯ KÝ' },
  { key: 'bien_ban.chu_tich', label: 'Biên bản: chức danh ký bên phải', text: 'TỔ TRƯỞNG', score: 'CHỦ TỊCH HỘI ĐỒNG' },

  // NĐ 30 numbers every document; its Phụ lục III has no abbreviation for a Bản đăng ký: ĐK, as provinces' forms write it.
  { key: 'dang_ky.so', label: 'Bản đăng ký: số, ký hiệu (để trống nếu không đánh số)', text: 'Số:        /ĐK-{ky_hieu}' },
  { key: 'dang_ky.tieu_de', label: 'Bản đăng ký: tên loại văn bản', text: 'BẢN ĐĂNG KÝ' },
  { key: 'dang_ky.trich_yeu', label: 'Bản đăng ký: trích yếu', text: 'Xây dựng “Đơn vị học tập” năm {nam_sau}', score: 'Danh hiệu “Đơn vị học tập” năm {nam_sau}' },
  { key: 'dang_ky.kinh_gui', label: 'Bản đăng ký: nơi gửi', text: 'Kính gửi: {don_vi_tong_hop}.' },
  { key: 'dang_ky.muc_do', label: 'Bản đăng ký: mức phấn đấu năm sau (sửa nếu đăng ký mức cao hơn)', text: '{danh_hieu}', score: 'Tốt' },
  {
    key: 'dang_ky.thong_tin',
    label: 'Bản đăng ký: thông tin đơn vị',
    text: 'Tên đơn vị: {ten_don_vi}.\nLoại đơn vị: {loai_don_vi}.\nSố thành viên: {so_thanh_vien}.\nKết quả tự đánh giá năm {nam}: {ket_qua}.',
  },
  {
    key: 'dang_ky.noi_dung',
    label: 'Bản đăng ký: nội dung đăng ký',
    text: '{ten_don_vi} đăng ký xây dựng “Đơn vị học tập” năm {nam_sau}, phấn đấu được công nhận {muc_do_dang_ky}, với các chỉ tiêu cụ thể như sau:',
    score: '{ten_don_vi} đăng ký xây dựng và phấn đấu đạt danh hiệu “Đơn vị học tập” năm {nam_sau}, xếp loại {muc_do_dang_ky}, với các chỉ tiêu cụ thể như sau:',
  },
  { key: 'dang_ky.bien_phap', label: 'Bản đăng ký: đề mục biện pháp', text: 'Biện pháp thực hiện:' },
  { key: 'dang_ky.bien_phap.goi_y', label: 'Bản đăng ký: biện pháp (đơn vị viết)', text: '[Đơn vị viết: các biện pháp chính để đạt các chỉ tiêu năm {nam_sau}.]' },
  {
    key: 'dang_ky.cam_ket',
    label: 'Bản đăng ký: cam kết',
    text: '{ten_don_vi} cam kết tổ chức thực hiện đầy đủ các nội dung đã đăng ký, tạo điều kiện để mọi thành viên học tập thường xuyên, học tập suốt đời./.',
  },
  { key: 'dang_ky.noi_nhan', label: 'Bản đăng ký: nơi nhận', text: `- {don_vi_tong_hop};\n${LUU}` },

  { key: 'tong_hop.noi_nhan', label: 'Bản tổng hợp: nơi nhận', text: `- {don_vi_tong_hop};\n${LUU}` },
];

/**
 * Texts earlier releases wrote as defaults (a TT24 citation hard-coded, the preset's name,
 * “Hội đồng” for every rule set). A sheet still holding one of them verbatim never had the
 * unit's wording: it takes today's default, in the rule set's wording.
 */
export const FORMER_DEFAULTS: Readonly<Record<string, readonly string[]>> = {
  'to_trinh.trich_yeu': ['Về việc đề nghị công nhận “Đơn vị học tập” {muc_do} năm {nam}'],
  'to_trinh.can_cu': [
    'Căn cứ Thông tư số 24/2023/TT-BGDĐT ngày 11/12/2023 của Bộ trưởng Bộ Giáo dục và Đào tạo quy định về đánh giá, công nhận “Đơn vị học tập” cấp huyện, tỉnh;\nCăn cứ kết quả tự đánh giá “Đơn vị học tập” năm {nam} của {ten_don_vi},',
    'Căn cứ {can_cu};\nCăn cứ kết quả tự đánh giá “Đơn vị học tập” năm {nam} của {ten_don_vi},',
    // Before a level-2 request cited the level-1 decision.
    TO_TRINH_CAN_CU_BEFORE,
  ],
  'ke_hoach.mo_dau': ['Căn cứ tình hình thực tế, {ten_don_vi} xây dựng kế hoạch xây dựng “Đơn vị học tập” năm {nam} như sau:'],
  // NĐ 30/2020: the competence first, the last basis ending with a full stop, “Theo đề nghị”.
  'quyet_dinh.can_cu': [
    'Căn cứ {can_cu};\nCăn cứ chức năng, nhiệm vụ, quyền hạn của {chuc_vu} {ten_don_vi};\nXét đề nghị của bộ phận phụ trách,',
    // Before a school's decision cited its charter ({can_cu_tham_quyen}).
    'Căn cứ chức năng, nhiệm vụ, quyền hạn của {chuc_vu} {ten_don_vi};\nCăn cứ {can_cu};\nTheo đề nghị của bộ phận phụ trách.',
  ],
  'to_trinh.de_nghi': [
    '{ten_don_vi} kính trình {don_vi_tong_hop} xem xét, công nhận {ten_don_vi} đạt “Đơn vị học tập” {muc_do} năm {nam}.\nHồ sơ kèm theo gồm: Báo cáo tự đánh giá; Bản tổng hợp kết quả tự đánh giá các tiêu chí, chỉ tiêu; Biên bản tự đánh giá và các minh chứng.\nKính trình {don_vi_tong_hop} xem xét, quyết định./.',
    `{ten_don_vi} kính trình {don_vi_tong_hop} xem xét, công nhận {ten_don_vi} đạt {danh_hieu} năm {nam}.\nHồ sơ kèm theo gồm: Kế hoạch xây dựng “Đơn vị học tập” năm {nam}; Quyết định thành lập {to_danh_gia}; Báo cáo tự đánh giá; Bản tổng hợp kết quả tự đánh giá các tiêu chí, chỉ tiêu; Biên bản tự đánh giá và các minh chứng.\nKính trình {don_vi_tong_hop} xem xét, quyết định./.`,
    `{ten_don_vi} kính trình {don_vi_tong_hop} xem xét, công nhận danh hiệu “Đơn vị học tập” năm {nam} cho {ten_don_vi} (kết quả tự đánh giá, xếp loại: {ket_qua}).\nHồ sơ kèm theo gồm: Kế hoạch xây dựng “Đơn vị học tập” năm {nam}; Quyết định thành lập {to_danh_gia}; Báo cáo tự đánh giá; Bản tổng hợp kết quả tự đánh giá các tiêu chí, chỉ tiêu; Biên bản tự đánh giá và các minh chứng.\nKính trình {don_vi_tong_hop} xem xét, quyết định./.`,
    DE_NGHI_SCORE_BEFORE,
  ],
  'bao_cao.mo_dau': ['Thực hiện Thông tư số 24/2023/TT-BGDĐT ngày 11/12/2023 của Bộ trưởng Bộ Giáo dục và Đào tạo quy định về đánh giá, công nhận “Đơn vị học tập” cấp huyện, tỉnh, {ten_don_vi} báo cáo kết quả tự đánh giá “Đơn vị học tập” năm {nam} như sau:', BAO_CAO_MO_DAU_BEFORE],
  // Before a result that does not qualify asked for nothing in so many words.
  'bao_cao.chua_dat': [BAO_CAO_CHUA_DAT_BEFORE],
  'bao_cao.muc_dich': ['- Xác định mức độ đáp ứng các tiêu chí, chỉ tiêu “Đơn vị học tập” của {ten_don_vi}; từ đó có kế hoạch duy trì, nâng cao các hoạt động học tập, đẩy mạnh học tập suốt đời.\n- Là căn cứ để đề nghị {don_vi_tong_hop} xem xét, công nhận “Đơn vị học tập” {muc_do}.\n- Việc tự đánh giá bảo đảm công khai, công bằng, minh bạch, khách quan, đúng tiêu chí.'],
  'bao_cao.pham_vi': ['Số liệu tự đánh giá tính từ ngày 01/01/{nam} đến ngày 31/12/{nam}. Tổng số thành viên được tính: {so_thanh_vien} người. Bộ tiêu chí áp dụng: {bo_tieu_chi} ({can_cu}).'],
  'bao_cao.de_nghi': ['Đề nghị {don_vi_tong_hop} xem xét, công nhận {ten_don_vi} đạt “Đơn vị học tập” {muc_do} năm {nam}.'],
  'bien_ban.trich_yeu': ['Tự kiểm tra, đánh giá “Đơn vị học tập” năm {nam}'],
  // Before the Hà Nội plan's order (Biên bản, then Bản tổng hợp) was kept.
  'bia.danh_muc': [`1. Tờ trình đề nghị công nhận\n2. Kế hoạch xây dựng “Đơn vị học tập” năm {nam}\n3. Quyết định thành lập {to_danh_gia}\n4. Báo cáo tự đánh giá\n5. Bản tổng hợp kết quả tự đánh giá các tiêu chí, chỉ tiêu và kết quả học tập, bồi dưỡng của các cá nhân\n6. Biên bản tự đánh giá\n7. Các minh chứng`, `1. Tờ trình đề nghị công nhận\n2. Kế hoạch xây dựng “Đơn vị học tập” năm {nam}\n3. Quyết định thành lập {to_danh_gia}\n4. Báo cáo tự đánh giá, xếp loại\n5. Bản tổng hợp kết quả tự đánh giá các tiêu chí và kết quả học tập, bồi dưỡng của các cá nhân\n6. Biên bản tự kiểm tra, đánh giá, xếp loại\n7. Bản đăng ký danh hiệu năm {nam_sau}\n8. Các minh chứng`],
  'bien_ban.thanh_phan': ['Thành phần: Hội đồng tự kiểm tra, đánh giá “Đơn vị học tập” của {ten_don_vi}, gồm:'],
  'bien_ban.noi_dung': ['Hội đồng đã đối chiếu số liệu năm {nam} (từ ngày 01/01/{nam} đến ngày 31/12/{nam}) của {so_thanh_vien} thành viên được tính với các tiêu chí, chỉ tiêu của bộ tiêu chí {bo_tieu_chi}. Kết quả như sau:'],
  'bien_ban.ket_luan': ['Kết luận của Hội đồng: {ket_qua}.'],
  'bien_ban.y_kien': ['Ý kiến của các thành viên Hội đồng:'],
  'bien_ban.chu_tich': ['CHỦ TỊCH HỘI ĐỒNG'],
  'dang_ky.trich_yeu': ['Danh hiệu “Đơn vị học tập” năm {nam_sau}'],
  'dang_ky.muc_do': ['{muc_do}'],
  'dang_ky.noi_dung': ['{ten_don_vi} đăng ký xây dựng và phấn đấu đạt danh hiệu “Đơn vị học tập” {muc_do_dang_ky} năm {nam_sau}, với các chỉ tiêu cụ thể như sau:'],
};

export type TemplateTexts = ReadonlyMap<string, string>;

/** A default's text in the wording of the rule set in use. */
export function defaultText(d: TemplateDefault, wording: Wording): string {
  return wording === 'score' && d.score !== undefined ? d.score : d.text;
}

export function defaultTemplates(wording: Wording = 'pass-fail'): Map<string, string> {
  return new Map(TEMPLATE_DEFAULTS.map((d) => [d.key, defaultText(d, wording)]));
}

/** Keys whose text is a prompt the unit replaces on the document itself. */
export function isPrompt(key: string): boolean {
  return key.endsWith('.goi_y');
}

const PLACEHOLDER = /\{([a-z0-9_]+)\}/g;

/** Names used in a text that are not known placeholders (typos the user should see). */
export function unknownPlaceholders(text: string, known: Readonly<Record<string, string>> = PLACEHOLDERS): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((n) => !(n in known));
}

/** Fills {name} from values; unknown or missing names are left visible, never dropped. */
export function fillTemplate(text: string, values: Readonly<Partial<Record<string, string>>>): string {
  return text.replace(PLACEHOLDER, (m, name: string) => {
    const v = values[name];
    return v === undefined ? m : v;
  });
}

/** fillTemplate, where an empty value takes one neighbouring space with it ("“Đơn vị học tập” {muc_do} năm" stays tidy). */
export function fillTidy(text: string, values: Readonly<Partial<Record<string, string>>>): string {
  return fillTemplate(
    text.replace(/ ?\{([a-z0-9_]+)\}/g, (m, name: string) => (values[name] === '' ? '' : m)),
    values,
  );
}
