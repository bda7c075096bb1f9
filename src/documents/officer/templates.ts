/**
 * The default texts of the officer's documents (Biên bản thẩm định, Tờ trình, Quyết định
 * công nhận). Like the unit's, they are copied once into the officer's workbook, in the
 * sheet "Mẫu văn bản tổng hợp", where the officer adjusts them; afterwards the sheet's texts
 * are used. Body names, the legal basis and the title come from placeholders, never from here.
 */
import type { TemplateDefault } from '../templates';
import type { TemplateSet } from '../templatesSheet';

export const OFFICER_PLACEHOLDERS = {
  don_vi_tiep_nhan: 'Đơn vị tiếp nhận, thẩm định hồ sơ (mục “chung.don_vi_tiep_nhan”, hoặc tên đã nhập khi tổng hợp)',
  cap: 'Cấp của đơn vị tiếp nhận (mục “chung.cap”, hoặc cấp đã nhập khi tổng hợp)',
  uy_ban: 'Ủy ban nhân dân có thẩm quyền công nhận (mục “chung.uy_ban”)',
  co_quan_tham_dinh: 'Cơ quan thẩm định hồ sơ, lập biên bản và tờ trình (mục “chung.co_quan_tham_dinh”; để trống: đơn vị tiếp nhận, hoặc Phòng Văn hóa - Xã hội khi đơn vị tiếp nhận là chính Ủy ban nhân dân)',
  dia_danh: 'Địa danh (mục “chung.dia_danh”)',
  nguoi_ky: 'Người ký tờ trình và biên bản (mục “chung.nguoi_ky”)',
  chuc_vu_nguoi_ky: 'Chức vụ người ký tờ trình (mục “chung.chuc_vu_nguoi_ky”; để trống: theo cơ quan thẩm định, ví dụ Trưởng phòng)',
  chu_tich: 'Người ký quyết định công nhận (mục “chung.chu_tich”)',
  nam: 'Năm đánh giá của các hồ sơ',
  nam_sau: 'Năm sau năm đánh giá',
  danh_hieu: 'Tên gọi được công nhận, không kèm mức độ (theo bộ tiêu chí), ví dụ “Đơn vị học tập” cấp huyện',
  can_cu: 'Căn cứ của các đơn vị được đề nghị (tờ trình, quyết định) hoặc được thẩm định (biên bản: văn bản đã hết hiệu lực được ghi rõ), như cột “Căn cứ” của bảng tổng hợp ghi (thông tư, văn bản của tỉnh); “Căn cứ {can_cu}” in mỗi căn cứ một dòng (“Thực hiện …”, “Theo …” giữ chữ đơn vị đã ghi, sau các căn cứ pháp lý); trong câu chỉ in tên văn bản',
  luat_chinh_quyen: 'Luật Tổ chức chính quyền địa phương có hiệu lực ngày ký quyết định (mục “chung.ngay_ky”; để trống: trước ngày 15/02 năm sau năm đánh giá): từ ngày 01/7/2025 Luật số 72/2025/QH15 ngày 16/6/2025; trước đó Luật ngày 19/6/2015, sửa đổi, bổ sung ngày 22/11/2019',
  so_don_vi: 'Số đơn vị trong bảng tổng hợp',
  so_de_nghi: 'Số đơn vị đủ điều kiện, đề nghị công nhận',
  so_khong_de_nghi: 'Số đơn vị chưa đủ điều kiện',
  so_muc_1: 'Số đơn vị đề nghị công nhận mức độ 1',
  so_muc_2: 'Số đơn vị đề nghị công nhận mức độ 2',
  so_theo_muc: 'Số đơn vị đề nghị theo từng mức độ, xếp loại (“mức độ 1: 3 đơn vị; xếp loại Tốt: 2 đơn vị”)',
  so_tep_loi: 'Số tệp hồ sơ đã nhận mà không đọc được (trang “Báo cáo tệp”: bị từ chối), chưa thẩm định',
  tep_loi: 'Tên các tệp hồ sơ không đọc được, không kèm thư mục (“THCS Hòa Bình.xls”, …)',
  ky_hieu: 'Ký hiệu viết tắt của cơ quan thẩm định (mục “chung.ky_hieu”; để trống: chữ đầu tên cơ quan, ví dụ PVHXH)',
  ngay_ky: 'Ngày ký (mục “chung.ngay_ky”)',
  // Per unit (only inside the "…don_vi" texts):
  ten_don_vi: 'Tên đơn vị (một dòng của bảng)',
  ket_qua: 'Kết quả tính lại của đơn vị',
  tu_danh_gia: 'Kết quả tự đánh giá đơn vị ghi',
  ly_do: 'Các điểm chưa khớp (cột “Ghi chú” của bảng tổng hợp)',
  chua_dat: 'Các chỉ tiêu đơn vị chưa đạt, kèm số liệu, trong ngoặc: “ (chưa đạt chỉ tiêu 2.4: 46,3% < 50%)” (cột “Chỉ tiêu chưa đạt” của bảng tổng hợp); trống khi không có',
  ly_do_chua_dat:
    'Lý do đơn vị chưa đủ điều kiện, thành câu: các chỉ tiêu chưa đạt kèm số liệu mà các điểm chưa khớp không nêu (“Chưa đạt chỉ tiêu 2.4: 46,3% < 50%.”), các điểm chưa khớp, rồi kết quả tự đánh giá khi các điểm ấy chưa nêu (“Đơn vị tự đánh giá: Chưa đủ điều kiện công nhận.”); kết quả tính lại đã ở cột bên cạnh',
  muc_do: 'Mức độ đề nghị công nhận (“mức độ 1”)',
  // Per level group of the decision's list (only inside "quyet_dinh.nhom"):
  muc_do_la_ma: 'Số thứ tự La Mã của nhóm (I, II)',
  so_trong_nhom: 'Số đơn vị trong nhóm',
} as const;

export type OfficerPlaceholder = keyof typeof OFFICER_PLACEHOLDERS;

/**
 * The Luật Tổ chức chính quyền địa phương in force on a day (the chairman's competence), newest
 * first: a decision cites the first whose `from` (UTC, inclusive) it is not before.
 */
export const LOCAL_GOVERNMENT_LAWS: readonly { from: Date; text: string }[] = [
  { from: new Date(Date.UTC(2025, 6, 1)), text: 'Luật Tổ chức chính quyền địa phương số 72/2025/QH15 ngày 16/6/2025' },
  {
    from: new Date(Date.UTC(2020, 6, 1)),
    text: 'Luật Tổ chức chính quyền địa phương ngày 19/6/2015; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22/11/2019',
  },
];

/** The law a decision of `day` cites; one older than every entry cites the oldest. */
export function localGovernmentLaw(day: Date): string {
  return (LOCAL_GOVERNMENT_LAWS.find((l) => day >= l.from) ?? LOCAL_GOVERNMENT_LAWS.at(-1)!).text;
}

const LUU = '- Lưu: VT.';

export const OFFICER_TEMPLATE_DEFAULTS: TemplateDefault[] = [
  // The officer's fields: blank means "as typed when consolidating" (body, tier) or a line to write by hand.
  { key: 'chung.don_vi_tiep_nhan', label: 'Tên đơn vị tiếp nhận, thẩm định hồ sơ. Để trống: tên đã nhập khi tổng hợp', text: '' },
  { key: 'chung.cap', label: 'Cấp của đơn vị tiếp nhận (cấp xã, cấp tỉnh …). Để trống: cấp đã nhập khi tổng hợp', text: '' },
  { key: 'chung.uy_ban', label: 'Ủy ban nhân dân có thẩm quyền công nhận, ví dụ Ủy ban nhân dân xã Hòa Bình', text: '' },
  {
    key: 'chung.co_quan_tham_dinh',
    label: 'Cơ quan thẩm định hồ sơ, ký biên bản và tờ trình gửi Chủ tịch Ủy ban nhân dân (ví dụ Phòng Văn hóa - Xã hội). Để trống: đơn vị tiếp nhận; khi đơn vị tiếp nhận là chính Ủy ban nhân dân: Phòng Văn hóa - Xã hội (cấp xã), Sở Giáo dục và Đào tạo (cấp tỉnh)',
    text: '',
  },
  { key: 'chung.dia_danh', label: 'Địa danh ghi ở dòng ngày tháng. Để trống: tên xã, tỉnh … trong tên Ủy ban nhân dân hoặc đơn vị tiếp nhận', text: '' },
  { key: 'chung.nguoi_ky', label: 'Họ và tên người ký tờ trình, biên bản', text: '' },
  { key: 'chung.chuc_vu_nguoi_ky', label: 'Chức vụ người ký tờ trình, biên bản. Để trống: theo cơ quan thẩm định (Trưởng phòng, Giám đốc, Chủ tịch Hội đồng …)', text: '' },
  { key: 'chung.chu_tich', label: 'Họ và tên người ký quyết định công nhận', text: '' },
  { key: 'chung.ky_hieu', label: 'Ký hiệu viết tắt của cơ quan thẩm định, dùng trong số biên bản, tờ trình. Để trống: chữ đầu tên cơ quan (Phòng Văn hóa - Xã hội: PVHXH)', text: '' },
  { key: 'chung.ngay_ky', label: 'Ngày ký các văn bản (dd/mm/yyyy). Để trống: in “ngày … tháng … năm …” để ghi tay', text: '' },
  {
    key: 'tham_dinh.thanh_vien',
    label: 'Người thẩm định hồ sơ, mỗi người một dòng: Họ và tên | Chức vụ | Nhiệm vụ',
    text: '{nguoi_ky} | {chuc_vu_nguoi_ky} | Tổ trưởng\n……………………… | ……………………… | Thư ký\n……………………… | ……………………… | Thành viên',
  },

  { key: 'tham_dinh.so', label: 'Biên bản thẩm định: số, ký hiệu', text: 'Số:        /BB-{ky_hieu}' },
  { key: 'tham_dinh.tieu_de', label: 'Biên bản thẩm định: tên loại văn bản', text: 'BIÊN BẢN' },
  { key: 'tham_dinh.trich_yeu', label: 'Biên bản thẩm định: trích yếu', text: 'Thẩm định hồ sơ đề nghị công nhận {danh_hieu} năm {nam}' },
  { key: 'tham_dinh.thoi_gian.goi_y', label: 'Biên bản thẩm định: thời gian (sửa trên trang biên bản)', text: 'Thời gian: vào hồi …… giờ …… phút, ngày …… tháng …… năm ……' },
  { key: 'tham_dinh.dia_diem', label: 'Biên bản thẩm định: địa điểm', text: 'Địa điểm: {co_quan_tham_dinh}.' },
  { key: 'tham_dinh.thanh_phan', label: 'Biên bản thẩm định: đề mục thành phần', text: 'Thành phần thẩm định của {co_quan_tham_dinh}, gồm:' },
  {
    key: 'tham_dinh.noi_dung',
    label: 'Biên bản thẩm định: nội dung',
    text: '{co_quan_tham_dinh} đã tiếp nhận hồ sơ đề nghị công nhận {danh_hieu} năm {nam} của {so_don_vi} đơn vị; tính lại kết quả của từng đơn vị từ số liệu trong hồ sơ theo {can_cu}, đối chiếu với kết quả tự đánh giá của đơn vị. Kết quả như sau:',
  },
  { key: 'tham_dinh.muc_dat', label: 'Biên bản thẩm định: đề mục danh sách đủ điều kiện', text: '1. Đơn vị có kết quả tự đánh giá khớp số liệu, đủ điều kiện đề nghị công nhận: {so_de_nghi} đơn vị ({so_theo_muc}).' },
  { key: 'tham_dinh.muc_chua_dat', label: 'Biên bản thẩm định: đề mục danh sách chưa đủ điều kiện', text: '2. Đơn vị chưa đủ điều kiện đề nghị công nhận: {so_khong_de_nghi} đơn vị.' },
  { key: 'tham_dinh.khong_co', label: 'Biên bản thẩm định: khi danh sách trống', text: 'Không có đơn vị nào.' },
  {
    key: 'tham_dinh.muc_khong_doc_duoc',
    label: 'Biên bản thẩm định: hồ sơ đã nhận mà tệp không đọc được (chỉ in khi có)',
    text: '3. Hồ sơ chưa thẩm định được do tệp không đọc được: {so_tep_loi} tệp ({tep_loi}); đề nghị đơn vị gửi lại tệp để thẩm định bổ sung.',
  },
  { key: 'tham_dinh.y_kien_dat', label: 'Biên bản thẩm định: ý kiến mặc định cho đơn vị đủ điều kiện (cán bộ sửa trên trang biên bản)', text: 'Khớp số liệu.' },
  { key: 'tham_dinh.y_kien_chua_dat', label: 'Biên bản thẩm định: lý do mặc định cho đơn vị chưa đủ điều kiện (cán bộ sửa trên trang biên bản)', text: '{ly_do_chua_dat}' },
  {
    key: 'tham_dinh.ket_luan',
    label: 'Biên bản thẩm định: kết luận',
    text: 'Kết luận: đề nghị Chủ tịch {uy_ban} công nhận {so_de_nghi} đơn vị đạt {danh_hieu} năm {nam} ({so_theo_muc}).',
  },
  { key: 'tham_dinh.ket_thuc', label: 'Biên bản thẩm định: kết thúc', text: 'Biên bản được thông qua và lập thành 02 bản, lưu tại {co_quan_tham_dinh}.' },
  { key: 'tham_dinh.to_truong', label: 'Biên bản thẩm định: người ký bên phải', text: 'TỔ TRƯỞNG' },
  { key: 'tham_dinh.thu_ky', label: 'Biên bản thẩm định: người ký bên trái', text: 'THƯ KÝ' },

  { key: 'to_trinh.so', label: 'Tờ trình: số, ký hiệu', text: 'Số:        /TTr-{ky_hieu}' },
  { key: 'to_trinh.tieu_de', label: 'Tờ trình: tên loại văn bản', text: 'TỜ TRÌNH' },
  { key: 'to_trinh.trich_yeu', label: 'Tờ trình: trích yếu', text: 'Về việc đề nghị công nhận {danh_hieu} năm {nam}' },
  { key: 'to_trinh.kinh_gui', label: 'Tờ trình: nơi gửi', text: 'Kính gửi: Chủ tịch {uy_ban}.' },
  { key: 'to_trinh.can_cu', label: 'Tờ trình: căn cứ', text: 'Căn cứ {can_cu};\nCăn cứ hồ sơ đề nghị của các đơn vị và kết quả thẩm định của {co_quan_tham_dinh}.' },
  {
    key: 'to_trinh.noi_dung',
    label: 'Tờ trình: nội dung',
    text: '{co_quan_tham_dinh} đã tiếp nhận hồ sơ đề nghị công nhận {danh_hieu} năm {nam} của {so_don_vi} đơn vị. Qua thẩm định, {so_de_nghi} đơn vị có kết quả tự đánh giá khớp số liệu và đủ điều kiện đề nghị công nhận ({so_theo_muc}); {so_khong_de_nghi} đơn vị chưa đủ điều kiện (chi tiết tại biên bản thẩm định).',
  },
  {
    key: 'to_trinh.de_nghi',
    label: 'Tờ trình: đề nghị',
    text: '{co_quan_tham_dinh} kính trình Chủ tịch {uy_ban} xem xét, ban hành Quyết định công nhận {so_de_nghi} đơn vị đạt {danh_hieu} năm {nam} (có dự thảo Quyết định và danh sách kèm theo)./.',
  },
  { key: 'to_trinh.noi_nhan', label: 'Tờ trình: nơi nhận', text: `- Như trên;\n${LUU}` },

  { key: 'quyet_dinh.du_thao', label: 'Quyết định: dấu “dự thảo” ở đầu trang (để trống khi ban hành)', text: 'DỰ THẢO' },
  { key: 'quyet_dinh.so', label: 'Quyết định: số, ký hiệu', text: 'Số:        /QĐ-UBND' },
  { key: 'quyet_dinh.tieu_de', label: 'Quyết định: tên loại văn bản', text: 'QUYẾT ĐỊNH' },
  { key: 'quyet_dinh.trich_yeu', label: 'Quyết định: trích yếu', text: 'Về việc công nhận {danh_hieu} năm {nam}' },
  { key: 'quyet_dinh.tham_quyen', label: 'Quyết định: thẩm quyền ban hành (in hoa)', text: 'CHỦ TỊCH {uy_ban}' },
  {
    key: 'quyet_dinh.can_cu',
    label: 'Quyết định: căn cứ (thẩm quyền trước: {luat_chinh_quyen} là Luật Tổ chức chính quyền địa phương có hiệu lực ngày ký; mỗi căn cứ một dòng, dòng cuối kết thúc bằng dấu chấm)',
    text: 'Căn cứ {luat_chinh_quyen};\nCăn cứ {can_cu};\nTheo đề nghị của {co_quan_tham_dinh} tại Tờ trình số …/TTr-{ky_hieu}.',
  },
  { key: 'quyet_dinh.quyet_dinh', label: 'Quyết định: dòng “QUYẾT ĐỊNH:”', text: 'QUYẾT ĐỊNH:' },
  { key: 'quyet_dinh.dieu_1', label: 'Quyết định: Điều 1', text: 'Điều 1. Công nhận {so_de_nghi} đơn vị đạt {danh_hieu} năm {nam} (có danh sách kèm theo).' },
  { key: 'quyet_dinh.dieu_2', label: 'Quyết định: Điều 2', text: 'Điều 2. Quyết định này có hiệu lực kể từ ngày ký.' },
  { key: 'quyet_dinh.dieu_3', label: 'Quyết định: Điều 3', text: 'Điều 3. {co_quan_tham_dinh}, thủ trưởng các đơn vị có tên tại Điều 1 và các cơ quan, đơn vị liên quan chịu trách nhiệm thi hành Quyết định này./.' },
  { key: 'quyet_dinh.nguoi_ky', label: 'Quyết định: chức danh người ký (phó chủ tịch ký thay: KT. CHỦ TỊCH, xuống dòng, PHÓ CHỦ TỊCH)', text: 'CHỦ TỊCH' },
  { key: 'quyet_dinh.noi_nhan', label: 'Quyết định: nơi nhận', text: `- Như Điều 3;\n- {co_quan_tham_dinh};\n${LUU}` },
  { key: 'quyet_dinh.phu_luc', label: 'Quyết định: tên danh sách kèm theo (in hoa)', text: 'DANH SÁCH ĐƠN VỊ ĐẠT {danh_hieu} NĂM {nam}' },
  { key: 'quyet_dinh.phu_luc_kem_theo', label: 'Quyết định: dòng dưới tên danh sách', text: '(Kèm theo Quyết định số      /QĐ-UBND ngày … tháng … năm … của Chủ tịch {uy_ban})' },
  { key: 'quyet_dinh.nhom', label: 'Quyết định: đề mục mỗi mức độ trong danh sách', text: '{muc_do_la_ma}. {danh_hieu} {muc_do} ({so_trong_nhom} đơn vị)' },
];

/**
 * Texts earlier releases wrote as defaults, where the receiving body itself examined and
 * submitted (a UBND then wrote to its own chairman): a sheet still holding one verbatim takes
 * today's, in which the examining office ({co_quan_tham_dinh}) does.
 */
export const OFFICER_FORMER_DEFAULTS: Readonly<Record<string, readonly string[]>> = {
  'tham_dinh.dia_diem': ['Địa điểm: {don_vi_tiep_nhan}.'],
  'tham_dinh.thanh_phan': ['Thành phần thẩm định của {don_vi_tiep_nhan}, gồm:'],
  'tham_dinh.ket_thuc': ['Biên bản được thông qua và lập thành 02 bản, lưu tại {don_vi_tiep_nhan}.'],
  // Before the minutes' rows were one line where they can be: the result, already in the column beside, said again.
  'tham_dinh.y_kien_dat': ['Số liệu khớp kết quả tự đánh giá.'],
  'tham_dinh.y_kien_chua_dat': ['Tính lại: {ket_qua}{chua_dat}; đơn vị tự đánh giá: {tu_danh_gia}. {ly_do}'],
  // Also those before NĐ 30/2020's ending (the last basis ends with a full stop; “Theo đề nghị”).
  'to_trinh.can_cu': ['Căn cứ {can_cu};\nCăn cứ hồ sơ đề nghị của các đơn vị và kết quả thẩm định của {don_vi_tiep_nhan},', 'Căn cứ {can_cu};\nCăn cứ hồ sơ đề nghị của các đơn vị và kết quả thẩm định của {co_quan_tham_dinh},'],
  'quyet_dinh.can_cu': [
    'Căn cứ Luật Tổ chức chính quyền địa phương số ……… ngày ………;\nCăn cứ {can_cu};\nXét đề nghị của {don_vi_tiep_nhan} tại Tờ trình số …/TTr-{ky_hieu},',
    'Căn cứ Luật Tổ chức chính quyền địa phương số ……… ngày ………;\nCăn cứ {can_cu};\nXét đề nghị của {co_quan_tham_dinh} tại Tờ trình số …/TTr-{ky_hieu},',
    // Before the law was filled in by the decision's date ({luat_chinh_quyen}).
    'Căn cứ Luật Tổ chức chính quyền địa phương số ……… ngày ………;\nCăn cứ {can_cu};\nTheo đề nghị của {co_quan_tham_dinh} tại Tờ trình số …/TTr-{ky_hieu}.',
  ],
  'quyet_dinh.dieu_3': ['Điều 3. {don_vi_tiep_nhan}, thủ trưởng các đơn vị có tên tại Điều 1 và các cơ quan, đơn vị liên quan chịu trách nhiệm thi hành Quyết định này./.'],
  'quyet_dinh.noi_nhan': [`- Như Điều 3;\n- {don_vi_tiep_nhan};\n${LUU}`],
  'tham_dinh.noi_dung': ['{don_vi_tiep_nhan} đã tiếp nhận hồ sơ đề nghị công nhận {danh_hieu} năm {nam} của {so_don_vi} đơn vị; tính lại kết quả của từng đơn vị từ số liệu trong hồ sơ theo {can_cu}, đối chiếu với kết quả tự đánh giá của đơn vị. Kết quả như sau:'],
  'to_trinh.noi_dung': ['{don_vi_tiep_nhan} đã tiếp nhận hồ sơ đề nghị công nhận {danh_hieu} năm {nam} của {so_don_vi} đơn vị. Qua thẩm định, {so_de_nghi} đơn vị có kết quả tự đánh giá khớp số liệu và đủ điều kiện đề nghị công nhận ({so_theo_muc}); {so_khong_de_nghi} đơn vị chưa đủ điều kiện (chi tiết tại biên bản thẩm định).'],
  'to_trinh.de_nghi': ['{don_vi_tiep_nhan} kính trình Chủ tịch {uy_ban} xem xét, ban hành Quyết định công nhận {so_de_nghi} đơn vị đạt {danh_hieu} năm {nam} (có dự thảo Quyết định và danh sách kèm theo)./.'],
};

export const OFFICER_TEMPLATES: TemplateSet = {
  sheet: 'Mẫu văn bản tổng hợp',
  title: 'MẪU VĂN BẢN CỦA ĐƠN VỊ TIẾP NHẬN HỒ SƠ',
  defaults: OFFICER_TEMPLATE_DEFAULTS,
  former: OFFICER_FORMER_DEFAULTS,
  // Left blank: the abbreviation follows the examining office, known only when drawing (context.ts).
  abbreviate: () => '',
  placeholders: OFFICER_PLACEHOLDERS,
};
