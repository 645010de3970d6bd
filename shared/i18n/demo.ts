import { messages } from './catalog';

/** `so86 demo`: made-up data for training and benchmarks. */
export const demoMessages = messages(
  {
    'error.DEMO_NOT_EMPTY':
      'Sổ dữ liệu {path} đã có đảng viên hoặc tệp báo cáo; dữ liệu mẫu chỉ ghi vào sổ mới hoặc sổ còn trống. Hãy chọn một đường dẫn tệp mới (--db).',
    'error.DEMO_LEVEL_MISMATCH':
      'Sổ dữ liệu này là của đơn vị “{level}”; quy mô {scale} cần sổ của đơn vị “{expected}”. Hãy chọn một đường dẫn tệp mới (--db).',
    'error.DEMO_FOLDER_NOT_EMPTY': 'Thư mục {path} đã có tệp; hãy chọn một thư mục trống cho bộ dữ liệu toàn quốc.',
    'cli.demo.phase.unit': 'Ghi dữ liệu mẫu của đơn vị',
    'cli.demo.phase.communes': 'Tạo báo cáo có chữ ký của các xã, phường',
    'cli.demo.phase.import': 'Tin cậy thẻ khóa và nhập tệp báo cáo',
    'cli.demo.phase.provinces': 'Lập sổ và báo cáo của các tỉnh, thành phố',
    'cli.demo.progress': '{phase}: {done}/{total}',
    'cli.demo.unit.done':
      'Đã ghi dữ liệu mẫu của {unit} vào {path}: {members} đảng viên ở {cells} chi bộ, {trips} chuyến đi, {events} quyết định về sinh hoạt đảng, {documents} văn bản.',
    'cli.demo.province.done':
      'Đã nhập {imported} tệp báo cáo có chữ ký của {communes} xã, phường (đúng hạn {submitted}, nộp muộn {late}, chưa nộp {missing}); thẻ khóa và tệp báo cáo ở {folder}.',
    'cli.demo.national.done':
      'Đã tạo bộ dữ liệu toàn quốc trong {folder}: {communes} tệp báo cáo của xã, phường gửi {provinces} tỉnh, thành phố; {provinces} sổ cấp tỉnh và sổ của {centre}, mỗi sổ đã nhập báo cáo của cấp dưới. Mã khôi phục của các sổ ở {keys}.',
    'cli.demo.password': 'Mọi sổ mẫu dùng tài khoản quản trị “{user}” với mật khẩu đã nhập.',
  },
  {
    'error.DEMO_NOT_EMPTY':
      'The registry {path} already holds members or report files; demonstration data goes only into a new or empty registry. Name a new file with --db.',
    'error.DEMO_LEVEL_MISMATCH':
      'This registry belongs to a unit of level “{level}”; the {scale} scale needs one of level “{expected}”. Name a new file with --db.',
    'error.DEMO_FOLDER_NOT_EMPTY': 'The folder {path} already has files in it; choose an empty folder for the national set.',
    'cli.demo.phase.unit': 'Writing the unit’s demonstration records',
    'cli.demo.phase.communes': 'Making the communes’ signed reports',
    'cli.demo.phase.import': 'Trusting key cards and importing report files',
    'cli.demo.phase.provinces': 'Setting up the provinces’ registries and reports',
    'cli.demo.progress': '{phase}: {done}/{total}',
    'cli.demo.unit.done':
      'Wrote demonstration records of {unit} to {path}: {members} members in {cells} party cells, {trips} trips, {events} party-activity decisions, {documents} documents.',
    'cli.demo.province.done':
      'Imported {imported} signed report files of {communes} communes and wards ({submitted} on time, {late} late, {missing} not yet in); their key cards and report files are in {folder}.',
    'cli.demo.national.done':
      'Made the national set in {folder}: {communes} report files of communes and wards for {provinces} provinces; {provinces} provincial registries and the registry of {centre}, each with its subordinates’ reports imported. The registries’ recovery keys are in {keys}.',
    'cli.demo.password': 'Every demonstration registry has the administrator account “{user}” with the password given.',
  },
);
