import { messages } from './catalog';

/** What the `so86` command prints for people (JSON output has no words to translate). */
export const cliMessages = messages(
  {
    'cli.usage':
      'Cách dùng: so86 <lệnh> [tùy chọn]\n\nCác lệnh:\n  init        tạo sổ dữ liệu mã hóa và tài khoản quản trị đầu tiên\n              [--superior-name TÊN] [--symbol KÝ_HIỆU] [--place ĐỊA_DANH]: dòng tổ chức đảng cấp trên, ký hiệu và địa danh ở tiêu đề báo cáo\n  status      đơn vị, số bản ghi, phiên bản lược đồ\n  report --from NGÀY --to NGÀY [--format json|docx|xlsx|pdf] [--out TỆP]\n              báo cáo định kỳ và ba phụ lục\n  keys card --out TỆP · keys trust THẺ --fingerprint MÃ\n              ghi thẻ khóa của đơn vị · tin cậy thẻ khóa của đơn vị khác sau khi đối chiếu dấu vân tay\n  package export --from NGÀY --to NGÀY [--out TỆP.so86] [--recipient THẺ] [--no-documents]\n  package verify TỆP.so86 · package import TỆP.so86\n              xuất, kiểm tra, nhập tệp báo cáo có chữ ký\n  import members|trips TỆP [--dry-run] [--members TỆP]\n              nhập đảng viên hoặc chuyến đi từ tệp .csv/.xlsx: tất cả hoặc không; liệt kê mọi dòng lỗi\n  members list [--search CHỮ]\n              danh sách đảng viên\n  trips list [--member MÃ] [--state TRẠNG_THÁI]\n              danh sách chuyến đi\n  reconcile TỆP [--tolerance-days N]\n              đối chiếu danh sách xuất nhập cảnh của công an với sổ: đi không báo cáo, ngày khác với sổ, còn ở nước ngoài quá hạn\n  annual-record --year NĂM (--member MÃ | --cell TÊN_CHI_BỘ | --all) --out TỆP.docx|.pdf\n              bản kê khai bổ sung lý lịch hằng năm, phần đi nước ngoài, mỗi đảng viên một trang\n  audit verify\n              kiểm tra chuỗi băm của nhật ký thao tác\n  backup --out TỆP|THƯ_MỤC\n              sao lưu sổ dữ liệu và tệp khóa vào một tệp .so86bak mã hóa\n  restore TỆP [--check]\n              kiểm tra rồi khôi phục bản sao lưu (sổ cũ được giữ lại); --check chỉ kiểm tra. Mã khôi phục có thể lấy từ SO86_RECOVERY_KEY\n  demo --scale commune|province|national [--seed N]\n              ghi dữ liệu mẫu để tập huấn và đo hiệu năng; không có --db thì ghi vào sổ tập huấn (với national, --db là một thư mục)\n  users list · users add TÊN --role administrator|clerk|leader|viewer [--full-name "Họ và tên"]\n  users disable|enable TÊN · users role TÊN VAI_TRÒ · users password TÊN\n              quản lý tài khoản (quản trị); mật khẩu mới lấy từ SO86_NEW_PASSWORD hoặc được hỏi khi chạy\n  rekey       đổi khóa sổ và in mã khôi phục mới (quản trị); khóa tài khoản cũng đổi khóa sổ\n  --version   phiên bản chương trình\n\nTùy chọn chung: --db TỆP, --json, --lang vi|en. Mật khẩu lấy từ biến môi trường SO86_PASSWORD hoặc được hỏi khi chạy; tài khoản từ --user hoặc SO86_USER.',
    'cli.unknownCommand': 'Không có lệnh “{command}”. Gõ so86 --help để xem các lệnh.',
    'cli.badUsage': 'Tham số không hợp lệ: {detail}',
    'cli.missingOption': 'Thiếu tùy chọn bắt buộc --{option}.',
    'cli.passwordPrompt': 'Mật khẩu: ',
    'cli.passwordRepeatPrompt': 'Nhập lại mật khẩu: ',
    'cli.noTerminal': 'Không có mật khẩu: hãy đặt biến môi trường SO86_PASSWORD hoặc chạy lệnh trong cửa sổ dòng lệnh.',
    'cli.init.done': 'Đã tạo sổ dữ liệu mã hóa cho {unit} tại {path}.',
    'cli.init.recovery': 'MÃ KHÔI PHỤC (chỉ hiện một lần — hãy in hoặc chép lại và cất giữ an toàn):',
    'cli.status.unit': 'Đơn vị: {name} ({code}, {level})',
    'cli.status.schema': 'Phiên bản lược đồ dữ liệu: {version}',
    'cli.status.counts': 'Đảng viên: {members} · Chi bộ: {cells} · Chuyến đi: {trips} · Người dùng: {users} · Nhật ký: {auditRows} dòng',
    'cli.status.file': 'Tệp dữ liệu: {path}',
  },
  {
    'cli.usage':
      'Usage: so86 <command> [options]\n\nCommands:\n  init        create an encrypted registry and its first administrator\n              [--superior-name NAME] [--symbol SYMBOL] [--place PLACE]: the superior organisation’s line, the symbol and the place of report headings\n  status      the unit, record counts, schema version\n  report --from DATE --to DATE [--format json|docx|xlsx|pdf] [--out FILE]\n              the periodic report and its three appendices\n  keys card --out FILE · keys trust CARD --fingerprint HEX\n              write this unit’s key card · trust another unit’s card once its fingerprint is checked\n  package export --from DATE --to DATE [--out FILE.so86] [--recipient CARD] [--no-documents]\n  package verify FILE.so86 · package import FILE.so86\n              export, check, import signed report files\n  import members|trips FILE [--dry-run] [--members FILE]\n              import members or trips from a .csv/.xlsx file: all or nothing; lists every bad row\n  members list [--search TEXT]\n              the member list\n  trips list [--member CODE] [--state STATE]\n              the trip list\n  reconcile FILE [--tolerance-days N]\n              compare the police border-crossing list with the registry: unreported trips, differing dates, stays past the return\n  annual-record --year YEAR (--member CODE | --cell NAME | --all) --out FILE.docx|.pdf\n              the yearly record supplements, trips abroad part, one member to a page\n  audit verify\n              check the audit log’s hash chain\n  backup --out FILE|FOLDER\n              back up the registry and its key file to one encrypted .so86bak file\n  restore FILE [--check]\n              check, then restore a backup (the current registry is kept); --check only checks. The recovery key may come from SO86_RECOVERY_KEY\n  demo --scale commune|province|national [--seed N]\n              fill registries with made-up data for training and benchmarks; without --db, the training registry (for national, --db is a folder)\n  users list · users add NAME --role administrator|clerk|leader|viewer [--full-name "Full Name"]\n  users disable|enable NAME · users role NAME ROLE · users password NAME\n              manage accounts (administrators); a new password comes from SO86_NEW_PASSWORD or a prompt\n  rekey       give the registry a new key and print a new recovery key (administrators); disabling an account also rekeys\n  --version   the program version\n\nCommon options: --db FILE, --json, --lang vi|en. The password comes from the SO86_PASSWORD environment variable or a prompt.',
    'cli.unknownCommand': 'There is no command “{command}”. Run so86 --help for the list.',
    'cli.badUsage': 'Bad arguments: {detail}',
    'cli.missingOption': 'The option --{option} is required.',
    'cli.passwordPrompt': 'Password: ',
    'cli.passwordRepeatPrompt': 'Repeat the password: ',
    'cli.noTerminal': 'No password: set the SO86_PASSWORD environment variable or run the command in a terminal.',
    'cli.init.done': 'Created the encrypted registry for {unit} at {path}.',
    'cli.init.recovery': 'RECOVERY KEY (shown only once — print or copy it and store it safely):',
    'cli.status.unit': 'Unit: {name} ({code}, {level})',
    'cli.status.schema': 'Data schema version: {version}',
    'cli.status.counts': 'Members: {members} · Cells: {cells} · Trips: {trips} · Users: {users} · Audit log: {auditRows} rows',
    'cli.status.file': 'Data file: {path}',
  },
);
