import { messages } from './catalog';

/** Accounts and keys: who may do what, managing accounts from the command line, and rekeying the registry (đổi khóa sổ). */
export const accountsMessages = messages(
  {
    'error.BACKUP_ACCOUNT_DISABLED':
      'Bản sao lưu này được mở bằng mật khẩu của một tài khoản đã bị khóa trong sổ đang dùng, nên không được khôi phục đè lên sổ. Hãy nhờ quản trị viên của sổ thực hiện khôi phục.',
    'error.BACKUP_NEEDS_ADMINISTRATOR':
      'Khôi phục đè lên sổ đang dùng cần mật khẩu của một quản trị viên của sổ này, hoặc mã khôi phục hiện tại của sổ. Hãy nhờ quản trị viên thực hiện.',
    'cli.newPasswordPrompt': 'Mật khẩu mới cho {user}: ',
    'cli.newPasswordRepeatPrompt': 'Nhập lại mật khẩu mới: ',
    'cli.users.header': 'Tên đăng nhập\tHọ và tên\tVai trò\tTrạng thái\tĐăng nhập gần nhất',
    'cli.users.active': 'đang hoạt động',
    'cli.users.disabled': 'đã khóa',
    'cli.users.added': 'Đã thêm tài khoản “{user}” với vai trò {role}.',
    'cli.users.disabledDone': 'Đã khóa tài khoản “{user}”.',
    'cli.users.enabled': 'Đã mở lại tài khoản “{user}” với mật khẩu mới.',
    'cli.users.roleChanged': 'Tài khoản “{user}” nay có vai trò {role}.',
    'cli.users.passwordSet': 'Đã đặt mật khẩu mới cho “{user}”.',
    'cli.rekey.done':
      'Đã đổi khóa sổ: sổ được mã hóa lại bằng khóa mới. Mật khẩu của các tài khoản đang hoạt động vẫn dùng được; mã khôi phục cũ và tệp khóa cũ không còn mở được sổ.',
    'cli.rekey.recovery': 'MÃ KHÔI PHỤC MỚI (chỉ hiện một lần — hãy in hoặc chép lại và cất giữ an toàn; mã cũ đã hết tác dụng):',
    'cli.rekey.needPassword': 'Các tài khoản sau cần quản trị viên đặt mật khẩu mới (so86 users password TÊN): {users}',
    'rekey.title': 'Đổi khóa sổ',
    'rekey.explain':
      'Mã hóa lại sổ bằng một khóa mới và cấp mã khôi phục mới. Hãy làm khi nghi mật khẩu, tệp khóa hoặc mã khôi phục đã lọt ra ngoài, hoặc khi có người thôi việc. Mật khẩu của các tài khoản đang hoạt động vẫn dùng được; mã khôi phục cũ và các bản sao tệp khóa cũ hết tác dụng. Khóa một tài khoản cũng tự động đổi khóa sổ.',
    'rekey.start': 'Đổi khóa sổ…',
    'rekey.confirmTitle': 'Đổi khóa sổ?',
    'rekey.confirm':
      'Sổ sẽ được mã hóa lại bằng khóa mới và có mã khôi phục mới; mã khôi phục cũ không còn dùng được. Hãy chuẩn bị giấy bút hoặc máy in để ghi mã mới. Tiếp tục?',
    'rekey.run': 'Đổi khóa sổ',
    'rekey.newKeyTitle': 'Mã khôi phục mới',
    'rekey.recovery.explain':
      'Sổ đã được đổi khóa. Đây là mã khôi phục mới; mã cũ đã hết tác dụng. Khi quên mật khẩu hoặc chuyển sang máy mới, chỉ mã này mới mở được sổ. Hãy in hoặc chép tay, cất ở nơi an toàn (tủ hồ sơ có khóa). Mã chỉ hiện một lần.',
    'rekey.accountDisabled':
      'Đã khóa tài khoản “{username}” và đổi khóa sổ: mật khẩu cũ của tài khoản này không còn mở được sổ, kể cả với bản sao tệp khóa cũ.',
    'rekey.needNewPassword': 'Các tài khoản sau chưa đăng nhập từ khi nâng cấp nên cần được đặt mật khẩu mới: {users}',
    'rekey.done': 'Tôi đã ghi lại, đóng',
  },
  {
    'error.BACKUP_ACCOUNT_DISABLED':
      'This backup was opened with the password of an account disabled in the registry in use, so it will not replace that registry. Ask an administrator of the registry to restore it.',
    'error.BACKUP_NEEDS_ADMINISTRATOR':
      'Restoring over the registry in use needs the password of one of its administrators, or its current recovery key. Ask an administrator.',
    'cli.newPasswordPrompt': 'New password for {user}: ',
    'cli.newPasswordRepeatPrompt': 'Repeat the new password: ',
    'cli.users.header': 'User name\tFull name\tRole\tStatus\tLast sign-in',
    'cli.users.active': 'active',
    'cli.users.disabled': 'disabled',
    'cli.users.added': 'Added the account “{user}” with the role {role}.',
    'cli.users.disabledDone': 'Disabled the account “{user}”.',
    'cli.users.enabled': 'Enabled the account “{user}” again with a new password.',
    'cli.users.roleChanged': 'The account “{user}” now has the role {role}.',
    'cli.users.passwordSet': 'Set a new password for “{user}”.',
    'cli.rekey.done':
      'Rekeyed the registry: it is encrypted again with a new key. The passwords of active accounts still work; the old recovery key and old key file no longer open it.',
    'cli.rekey.recovery':
      'NEW RECOVERY KEY (shown only once — print or copy it and store it safely; the old one no longer works):',
    'cli.rekey.needPassword': 'These accounts need a new password from an administrator (so86 users password NAME): {users}',
    'rekey.title': 'Rekey the registry',
    'rekey.explain':
      'Encrypts the registry again with a new key and issues a new recovery key. Do it when a password, the key file or the recovery key may have leaked, or when someone leaves. Active accounts keep their passwords; the old recovery key and copies of the old key file stop working. Disabling an account also rekeys the registry.',
    'rekey.start': 'Rekey the registry…',
    'rekey.confirmTitle': 'Rekey the registry?',
    'rekey.confirm':
      'The registry will be encrypted again with a new key and get a new recovery key; the old recovery key will no longer work. Have paper or a printer ready for the new key. Continue?',
    'rekey.run': 'Rekey',
    'rekey.newKeyTitle': 'New recovery key',
    'rekey.recovery.explain':
      'The registry has been rekeyed. This is the new recovery key; the old one no longer works. If a password is forgotten or the registry moves to a new computer, only this key opens it. Print it or copy it by hand and keep it somewhere safe (a locked filing cabinet). It is shown only once.',
    'rekey.accountDisabled':
      'Disabled the account “{username}” and rekeyed the registry: its old password no longer opens the registry, even with a copy of the old key file.',
    'rekey.needNewPassword': 'These accounts have not signed in since the upgrade and need a new password: {users}',
    'rekey.done': 'I have written it down, close',
  },
);
