/** The governing texts the registry starts with (domain.md); the office keeps the table current. */
export interface LegalBasisSeed {
  ref: string;
  date: string | null;
  issuer: string;
  title: string;
}

export const legalBasisSeeds: readonly LegalBasisSeed[] = [
  {
    ref: '86-QĐ/TW',
    date: '2022-10-28',
    issuer: 'Ban Bí thư',
    title: 'Quy định về nhiệm vụ của đảng viên và công tác quản lý đảng viên ở nước ngoài',
  },
  {
    ref: '30-HD/BTCTW',
    date: '2025-04-23',
    issuer: 'Ban Tổ chức Trung ương',
    title: 'Hướng dẫn thực hiện một số nội dung Quy định số 86-QĐ/TW',
  },
  {
    ref: '58-QĐ/TW',
    date: '2022-02-08',
    issuer: 'Bộ Chính trị',
    title: 'Quy định một số vấn đề về bảo vệ chính trị nội bộ Đảng',
  },
  {
    ref: '01-HD/BTCTW',
    date: '2022-08-05',
    issuer: 'Ban Tổ chức Trung ương',
    title: 'Hướng dẫn thực hiện Quy định số 58-QĐ/TW về bảo vệ chính trị nội bộ Đảng',
  },
  {
    ref: '69-QĐ/TW',
    date: '2022-07-06',
    issuer: 'Ban Chấp hành Trung ương',
    title: 'Quy định về kỷ luật tổ chức đảng, đảng viên vi phạm (Điều 34: vi phạm quy định về xuất cảnh, nhập cảnh)',
  },
  {
    ref: '127-QĐ/TW',
    date: '2004-11-03',
    issuer: 'Bộ Chính trị',
    title: 'Quy định về việc đảng viên có quan hệ hôn nhân với người nước ngoài',
  },
  { ref: '294-QĐ/TW', date: '2025-05-26', issuer: 'Ban Chấp hành Trung ương', title: 'Quy định về thi hành Điều lệ Đảng' },
  { ref: '377-QĐ/TW', date: '2025-10-08', issuer: 'Bộ Chính trị', title: 'Quy định về phân cấp quản lý cán bộ' },
  {
    ref: '399-QĐ/TW',
    date: '2026-01-09',
    issuer: 'Ban Chấp hành Trung ương',
    title: 'Quy định về thể loại, thể thức văn bản của Đảng',
  },
  {
    ref: '36-HD/VPTW',
    date: '2018-04-03',
    issuer: 'Văn phòng Trung ương Đảng',
    title: 'Hướng dẫn thể thức và kỹ thuật trình bày văn bản của Đảng',
  },
  {
    ref: '76/2020/NĐ-CP',
    date: null,
    issuer: 'Chính phủ',
    title: 'Nghị định về giấy thông hành (Campuchia, Lào, vùng biên giới Trung Quốc)',
  },
];
