import { messages } from './catalog';

/** Every error a person can see: what happened and what to do next. Keys are `error.<CODE>`. */
export const errorMessages = messages(
  {
    'error.INTERNAL': 'Đã xảy ra lỗi không mong muốn. Hãy thử lại; nếu lỗi lặp lại, gửi tệp nhật ký cho người hỗ trợ kỹ thuật.',
    'error.VALIDATION': 'Dữ liệu nhập chưa hợp lệ. Hãy sửa các trường được đánh dấu rồi thử lại.',
    'error.FILE_NOT_FOUND': 'Không tìm thấy tệp “{file}”. Hãy kiểm tra đường dẫn và tên tệp, hoặc cắm lại ổ USB có tệp.',
    'error.FILE_IS_FOLDER': '“{file}” là một thư mục, không phải tệp. Hãy ghi đường dẫn đến đúng tệp.',
    'error.FILE_UNREADABLE':
      'Không đọc được tệp “{file}”: tài khoản Windows này không có quyền, hoặc tệp đang được chương trình khác mở. Hãy đóng chương trình đó hoặc chép tệp sang thư mục của mình rồi thử lại.',
    'error.UNKNOWN_CALL': 'Yêu cầu không được hỗ trợ: {name}.',
    'error.FORBIDDEN_SENDER': 'Yêu cầu bị từ chối vì không đến từ cửa sổ của ứng dụng.',
    'error.NOT_INITIALISED': 'Chưa có sổ dữ liệu. Hãy thực hiện thiết lập lần đầu.',
    'error.ALREADY_INITIALISED':
      'Sổ dữ liệu đã tồn tại tại {path}. Không tạo đè lên sổ đang có. Hãy đăng nhập vào sổ đó, hoặc chọn đường dẫn khác (--db).',
    'error.LOCKED': 'Sổ đang khóa. Hãy đăng nhập để tiếp tục.',
    'error.WRONG_PASSWORD': 'Tên đăng nhập hoặc mật khẩu không đúng. Hãy kiểm tra bộ gõ và phím Caps Lock rồi thử lại.',
    'error.WRONG_RECOVERY_KEY': 'Mã khôi phục không đúng. Hãy nhập đúng mã đã in hoặc ghi lại khi thiết lập.',
    'error.USER_NOT_FOUND': 'Không có người dùng “{username}” trong sổ này. Hãy kiểm tra lại tên đăng nhập.',
    'error.USER_EXISTS': 'Tên đăng nhập “{username}” đã có người dùng. Hãy chọn tên đăng nhập khác.',
    'error.USER_INACTIVE': 'Tài khoản “{username}” đã bị khóa. Hãy liên hệ quản trị viên.',
    'error.THROTTLED': 'Nhập sai mật khẩu nhiều lần. Hãy chờ {seconds} giây rồi thử lại.',
    'error.KEYFILE_MISSING':
      'Không tìm thấy tệp khóa đi kèm sổ dữ liệu ({path}). Hãy khôi phục bằng mã khôi phục hoặc từ bản sao lưu.',
    'error.KEYFILE_DAMAGED': 'Tệp khóa đi kèm sổ dữ liệu bị hỏng. Hãy khôi phục bằng mã khôi phục hoặc từ bản sao lưu.',
    'error.DATABASE_DAMAGED': 'Tệp sổ dữ liệu bị hỏng hoặc không khớp với tệp khóa. Hãy khôi phục từ bản sao lưu.',
    'error.DATABASE_TOO_NEW':
      'Sổ dữ liệu được tạo bởi phiên bản mới hơn của Sổ 86 (lược đồ {found}, phiên bản này hỗ trợ đến {supported}). Hãy cài phiên bản mới nhất rồi mở lại.',
    'error.DATABASE_IN_USE': 'Sổ dữ liệu đang được một chương trình khác sử dụng. Hãy đóng chương trình đó rồi thử lại.',
    'error.RECOVERY_KEY_NOT_CONFIRMED': 'Hãy xác nhận đã ghi lại mã khôi phục trước khi tiếp tục.',
    'error.PASSWORD_MISMATCH': 'Hai lần nhập mật khẩu không giống nhau.',
    'error.PASSWORD_UNCHANGED': 'Mật khẩu mới phải khác mật khẩu cũ. Hãy chọn một mật khẩu khác.',
    'error.PARENT_REQUIRED':
      'Chưa có mã đơn vị cấp trên. Hãy nhập mã của cấp ủy cấp trên trực tiếp (chỉ đơn vị Trung ương mới để trống).',
    'error.NOT_FOUND': 'Không tìm thấy bản ghi đã chọn; có thể nó đã bị xóa. Hãy quay lại danh sách và mở lại.',
    'error.FORBIDDEN':
      'Vai trò “{role}” không được phép thực hiện thao tác này; cần vai trò {needed}. Hãy nhờ người có quyền thực hiện.',
    'error.LAST_ADMINISTRATOR': 'Sổ phải còn ít nhất một quản trị viên đang hoạt động. Hãy chỉ định quản trị viên khác trước.',
    'error.CANNOT_DISABLE_SELF': 'Không thể tự khóa tài khoản đang đăng nhập. Hãy nhờ quản trị viên khác thực hiện.',
  },
  {
    'error.INTERNAL':
      'Something unexpected went wrong. Try again; if it keeps happening, send the log file to technical support.',
    'error.VALIDATION': 'Some input is not valid. Correct the marked fields and try again.',
    'error.FILE_NOT_FOUND':
      'The file “{file}” was not found. Check the path and the file name, or plug the USB stick with the file in again.',
    'error.FILE_IS_FOLDER': '“{file}” is a folder, not a file. Give the path of the file itself.',
    'error.FILE_UNREADABLE':
      'The file “{file}” cannot be read: this account has no permission, or another program has it open. Close that program or copy the file into your own folder and try again.',
    'error.UNKNOWN_CALL': 'Unsupported request: {name}.',
    'error.FORBIDDEN_SENDER': 'Request refused: it did not come from the application window.',
    'error.NOT_INITIALISED': 'There is no registry yet. Run the first-time set-up.',
    'error.ALREADY_INITIALISED':
      'A registry already exists at {path}. It will not be overwritten. Sign in to it, or name another file with --db.',
    'error.LOCKED': 'The registry is locked. Sign in to continue.',
    'error.WRONG_PASSWORD': 'Wrong user name or password. Check the keyboard layout and Caps Lock, then try again.',
    'error.WRONG_RECOVERY_KEY': 'Wrong recovery key. Type the key exactly as printed or written down at set-up.',
    'error.USER_NOT_FOUND': 'There is no user “{username}” in this registry. Check the user name.',
    'error.USER_EXISTS': 'The user name “{username}” is taken. Choose another.',
    'error.USER_INACTIVE': 'The account “{username}” is disabled. Contact the administrator.',
    'error.THROTTLED': 'Too many wrong passwords. Wait {seconds} seconds and try again.',
    'error.KEYFILE_MISSING':
      'The key file beside the registry is missing ({path}). Recover with the recovery key or restore a backup.',
    'error.KEYFILE_DAMAGED': 'The key file beside the registry is damaged. Recover with the recovery key or restore a backup.',
    'error.DATABASE_DAMAGED': 'The registry file is damaged or does not match its key file. Restore it from a backup.',
    'error.DATABASE_TOO_NEW':
      'This registry was made by a newer version of So 86 (schema {found}; this version supports up to {supported}). Install the latest version and open it again.',
    'error.DATABASE_IN_USE': 'The registry is in use by another program. Close that program and try again.',
    'error.RECOVERY_KEY_NOT_CONFIRMED': 'Confirm that the recovery key is written down before continuing.',
    'error.PASSWORD_MISMATCH': 'The two passwords differ.',
    'error.PASSWORD_UNCHANGED': 'The new password must differ from the old one. Choose another password.',
    'error.PARENT_REQUIRED':
      'The parent unit code is missing. Enter the code of the committee directly above (only a central unit leaves it empty).',
    'error.NOT_FOUND': 'The selected record was not found; it may have been deleted. Go back to the list and open it again.',
    'error.FORBIDDEN': 'The role “{role}” may not do this; it needs the role {needed}. Ask someone with the right role.',
    'error.LAST_ADMINISTRATOR': 'The registry must keep at least one active administrator. Appoint another administrator first.',
    'error.CANNOT_DISABLE_SELF': 'You cannot disable the account you are signed in with. Ask another administrator.',
  },
);
