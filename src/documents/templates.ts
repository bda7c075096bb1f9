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
  text: string;
}

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
  muc_do: 'Mức độ đề nghị công nhận (viết thường: “mức độ 1”)',
  muc_do_dang_ky: 'Mức độ đăng ký cho năm sau (mục “dang_ky.muc_do”)',
  danh_hieu: 'Danh hiệu được công nhận khi đạt (trang “Tiêu chí”)',
  bo_tieu_chi: 'Tên bộ tiêu chí',
  can_cu: 'Căn cứ của bộ tiêu chí',
  so_thanh_vien: 'Số thành viên được tính',
  ket_qua: 'Kết quả tự đánh giá (“Đủ điều kiện công nhận …”, hoặc điểm và xếp loại)',
  chi_tieu_chua_dat: 'Các chỉ tiêu chưa đạt (mã), hoặc “không có”',
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

const LUU = '- Lưu: VT.';

export const TEMPLATE_DEFAULTS: TemplateDefault[] = [
  // Shared by every document.
  { key: 'chung.ky_hieu', label: 'Ký hiệu viết tắt của đơn vị, dùng trong số văn bản (ví dụ THCSND)', text: '' },
  { key: 'chung.ngay_ky', label: 'Ngày ký các văn bản (dd/mm/yyyy). Để trống: in “ngày … tháng … năm …” để ghi tay', text: '' },

  { key: 'to_trinh.so', label: 'Tờ trình: số, ký hiệu', text: 'Số:        /TTr-{ky_hieu}' },
  { key: 'to_trinh.tieu_de', label: 'Tờ trình: tên loại văn bản', text: 'TỜ TRÌNH' },
  { key: 'to_trinh.trich_yeu', label: 'Tờ trình: trích yếu', text: 'Về việc đề nghị công nhận “Đơn vị học tập” {muc_do} năm {nam}' },
  { key: 'to_trinh.kinh_gui', label: 'Tờ trình: nơi gửi', text: 'Kính gửi: {don_vi_tong_hop}.' },
  {
    key: 'to_trinh.can_cu',
    label: 'Tờ trình: căn cứ',
    text: 'Căn cứ Thông tư số 24/2023/TT-BGDĐT ngày 11/12/2023 của Bộ trưởng Bộ Giáo dục và Đào tạo quy định về đánh giá, công nhận “Đơn vị học tập” cấp huyện, tỉnh;\nCăn cứ kết quả tự đánh giá “Đơn vị học tập” năm {nam} của {ten_don_vi},',
  },
  {
    key: 'to_trinh.noi_dung',
    label: 'Tờ trình: nội dung',
    text: 'Năm {nam}, {ten_don_vi} đã triển khai xây dựng “Đơn vị học tập” và tổ chức tự đánh giá theo các tiêu chí, chỉ tiêu quy định. Số liệu tự đánh giá tính từ ngày 01/01/{nam} đến ngày 31/12/{nam}, với {so_thanh_vien} thành viên được tính.\nKết quả tự đánh giá: {ket_qua}.',
  },
  {
    key: 'to_trinh.de_nghi',
    label: 'Tờ trình: đề nghị',
    text: '{ten_don_vi} kính trình {don_vi_tong_hop} xem xét, công nhận {ten_don_vi} đạt “Đơn vị học tập” {muc_do} năm {nam}.\nHồ sơ kèm theo gồm: Báo cáo tự đánh giá; Bản tổng hợp kết quả tự đánh giá các tiêu chí, chỉ tiêu; Biên bản tự đánh giá và các minh chứng.\nKính trình {don_vi_tong_hop} xem xét, quyết định./.',
  },
  { key: 'to_trinh.noi_nhan', label: 'Tờ trình: nơi nhận', text: `- Như trên;\n${LUU}` },

  { key: 'bao_cao.so', label: 'Báo cáo: số, ký hiệu', text: 'Số:        /BC-{ky_hieu}' },
  { key: 'bao_cao.tieu_de', label: 'Báo cáo: tên loại văn bản', text: 'BÁO CÁO' },
  { key: 'bao_cao.trich_yeu', label: 'Báo cáo: trích yếu', text: 'Kết quả tự đánh giá “Đơn vị học tập” năm {nam}' },
  {
    key: 'bao_cao.mo_dau',
    label: 'Báo cáo: mở đầu',
    text: 'Thực hiện Thông tư số 24/2023/TT-BGDĐT ngày 11/12/2023 của Bộ trưởng Bộ Giáo dục và Đào tạo quy định về đánh giá, công nhận “Đơn vị học tập” cấp huyện, tỉnh, {ten_don_vi} báo cáo kết quả tự đánh giá “Đơn vị học tập” năm {nam} như sau:',
  },
  { key: 'bao_cao.muc_1', label: 'Báo cáo: đề mục I', text: 'I. ĐẶC ĐIỂM TÌNH HÌNH' },
  { key: 'bao_cao.muc_1.goi_y', label: 'Báo cáo: gợi ý phần I (đơn vị viết thay vào chỗ này trên trang báo cáo)', text: '[Đơn vị viết: quy mô, cơ cấu thành viên, thuận lợi, khó khăn trong năm {nam}.]' },
  { key: 'bao_cao.muc_2', label: 'Báo cáo: đề mục II', text: 'II. MỤC ĐÍCH, YÊU CẦU' },
  {
    key: 'bao_cao.muc_dich',
    label: 'Báo cáo: mục đích, yêu cầu',
    text: '- Xác định mức độ đáp ứng các tiêu chí, chỉ tiêu “Đơn vị học tập” của {ten_don_vi}; từ đó có kế hoạch duy trì, nâng cao các hoạt động học tập, đẩy mạnh học tập suốt đời.\n- Là căn cứ để đề nghị {don_vi_tong_hop} xem xét, công nhận “Đơn vị học tập” {muc_do}.\n- Việc tự đánh giá bảo đảm công khai, công bằng, minh bạch, khách quan, đúng tiêu chí.',
  },
  { key: 'bao_cao.muc_3', label: 'Báo cáo: đề mục III', text: 'III. THỜI GIAN VÀ PHẠM VI SỐ LIỆU' },
  {
    key: 'bao_cao.pham_vi',
    label: 'Báo cáo: thời gian, phạm vi số liệu',
    text: 'Số liệu tự đánh giá tính từ ngày 01/01/{nam} đến ngày 31/12/{nam}. Tổng số thành viên được tính: {so_thanh_vien} người. Bộ tiêu chí áp dụng: {bo_tieu_chi} ({can_cu}).',
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
  { key: 'bao_cao.de_nghi', label: 'Báo cáo: đề nghị (khi đủ điều kiện)', text: 'Đề nghị {don_vi_tong_hop} xem xét, công nhận {ten_don_vi} đạt “Đơn vị học tập” {muc_do} năm {nam}.' },
  { key: 'bao_cao.chua_dat', label: 'Báo cáo: hướng khắc phục (khi chưa đủ điều kiện)', text: '{ten_don_vi} tiếp tục khắc phục các chỉ tiêu chưa đạt ({chi_tieu_chua_dat}) trong năm {nam_sau}.' },
  { key: 'bao_cao.phuong_huong.goi_y', label: 'Báo cáo: gợi ý phương hướng (đơn vị viết)', text: '[Đơn vị viết: phương hướng, kiến nghị cho năm {nam_sau}.]' },
  { key: 'bao_cao.noi_nhan', label: 'Báo cáo: nơi nhận', text: `- {don_vi_tong_hop} (để b/c);\n${LUU}` },

  { key: 'bien_ban.so', label: 'Biên bản: số, ký hiệu', text: 'Số:        /BB-{ky_hieu}' },
  { key: 'bien_ban.tieu_de', label: 'Biên bản: tên loại văn bản', text: 'BIÊN BẢN' },
  { key: 'bien_ban.trich_yeu', label: 'Biên bản: trích yếu', text: 'Tự kiểm tra, đánh giá “Đơn vị học tập” năm {nam}' },
  { key: 'bien_ban.thoi_gian.goi_y', label: 'Biên bản: thời gian (đơn vị sửa trên trang biên bản)', text: 'Thời gian: vào hồi …… giờ …… phút, ngày …… tháng …… năm ……' },
  { key: 'bien_ban.dia_diem', label: 'Biên bản: địa điểm', text: 'Địa điểm: {ten_don_vi}.' },
  { key: 'bien_ban.thanh_phan', label: 'Biên bản: đề mục thành phần', text: 'Thành phần: Hội đồng tự kiểm tra, đánh giá “Đơn vị học tập” của {ten_don_vi}, gồm:' },
  {
    key: 'bien_ban.thanh_phan.goi_y',
    label: 'Biên bản: danh sách thành phần (đơn vị sửa trên trang biên bản)',
    text: '- Ông (bà) {nguoi_dung_dau}, {chuc_vu} – Chủ tịch Hội đồng;\n- Ông (bà) ……………………………… – Thư ký;\n- Ông (bà) ……………………………… – Thành viên.',
  },
  {
    key: 'bien_ban.noi_dung',
    label: 'Biên bản: nội dung',
    text: 'Hội đồng đã đối chiếu số liệu năm {nam} (từ ngày 01/01/{nam} đến ngày 31/12/{nam}) của {so_thanh_vien} thành viên được tính với các tiêu chí, chỉ tiêu của bộ tiêu chí {bo_tieu_chi}. Kết quả như sau:',
  },
  { key: 'bien_ban.ket_luan', label: 'Biên bản: kết luận', text: 'Kết luận của Hội đồng: {ket_qua}.' },
  { key: 'bien_ban.y_kien', label: 'Biên bản: đề mục ý kiến', text: 'Ý kiến của các thành viên Hội đồng:' },
  { key: 'bien_ban.y_kien.goi_y', label: 'Biên bản: ý kiến (đơn vị viết)', text: '[Thư ký ghi ý kiến của các thành viên.]' },
  {
    key: 'bien_ban.ket_thuc',
    label: 'Biên bản: kết thúc',
    text: 'Biên bản kết thúc vào hồi …… giờ …… cùng ngày, đã được đọc lại cho các thành viên dự họp cùng nghe và nhất trí thông qua./.',
  },
  { key: 'bien_ban.thu_ky', label: 'Biên bản: chức danh ký bên trái', text: 'THƯ KÝ' },
  { key: 'bien_ban.chu_tich', label: 'Biên bản: chức danh ký bên phải', text: 'CHỦ TỊCH HỘI ĐỒNG' },

  { key: 'dang_ky.so', label: 'Bản đăng ký: số, ký hiệu (để trống nếu không đánh số)', text: '' },
  { key: 'dang_ky.tieu_de', label: 'Bản đăng ký: tên loại văn bản', text: 'BẢN ĐĂNG KÝ' },
  { key: 'dang_ky.trich_yeu', label: 'Bản đăng ký: trích yếu', text: 'Danh hiệu “Đơn vị học tập” năm {nam_sau}' },
  { key: 'dang_ky.kinh_gui', label: 'Bản đăng ký: nơi gửi', text: 'Kính gửi: {don_vi_tong_hop}.' },
  { key: 'dang_ky.muc_do', label: 'Bản đăng ký: mức độ đăng ký cho năm sau', text: '{muc_do}' },
  {
    key: 'dang_ky.thong_tin',
    label: 'Bản đăng ký: thông tin đơn vị',
    text: 'Tên đơn vị: {ten_don_vi}.\nLoại đơn vị: {loai_don_vi}.\nSố thành viên: {so_thanh_vien}.\nKết quả tự đánh giá năm {nam}: {ket_qua}.',
  },
  {
    key: 'dang_ky.noi_dung',
    label: 'Bản đăng ký: nội dung đăng ký',
    text: '{ten_don_vi} đăng ký xây dựng và phấn đấu đạt danh hiệu “Đơn vị học tập” {muc_do_dang_ky} năm {nam_sau}, với các chỉ tiêu cụ thể như sau:',
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

export type TemplateTexts = ReadonlyMap<string, string>;

export function defaultTemplates(): Map<string, string> {
  return new Map(TEMPLATE_DEFAULTS.map((d) => [d.key, d.text]));
}

/** Keys whose text is a prompt the unit replaces on the document itself. */
export function isPrompt(key: string): boolean {
  return key.endsWith('.goi_y');
}

const PLACEHOLDER = /\{([a-z_]+)\}/g;

/** Names used in a text that are not known placeholders (typos the user should see). */
export function unknownPlaceholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((n) => !(n in PLACEHOLDERS));
}

/** Fills {name} from values; unknown or missing names are left visible, never dropped. */
export function fillTemplate(text: string, values: Partial<Record<Placeholder, string>>): string {
  return text.replace(PLACEHOLDER, (m, name: string) => {
    const v = values[name as Placeholder];
    return v === undefined ? m : v;
  });
}
