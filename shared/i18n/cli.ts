import { messages } from './catalog';

/** What the `so86` command prints for people (JSON output has no words to translate). */
export const cliMessages = messages(
  {
    'cli.usage':
      'Cách dùng: so86 <lệnh> [tùy chọn]\n\nCác lệnh:\n  init        tạo sổ dữ liệu mã hóa và tài khoản quản trị đầu tiên\n  status      đơn vị, số bản ghi, phiên bản lược đồ\n  --version   phiên bản chương trình\n\nTùy chọn chung: --db TỆP, --json, --lang vi|en. Mật khẩu lấy từ biến môi trường SO86_PASSWORD hoặc được hỏi khi chạy.',
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
      'Usage: so86 <command> [options]\n\nCommands:\n  init        create an encrypted registry and its first administrator\n  status      the unit, record counts, schema version\n  --version   the program version\n\nCommon options: --db FILE, --json, --lang vi|en. The password comes from the SO86_PASSWORD environment variable or a prompt.',
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
