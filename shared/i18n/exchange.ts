import { messages } from './catalog';

/** Trust between offices, report files going up and requests coming down. */
export const exchangeMessages = messages(
  {
    'error.EXCHANGE_OWN_CARD': 'Đây là thẻ khóa của chính đơn vị mình; chỉ cần tin cậy thẻ khóa của đơn vị khác.',
    'error.EXCHANGE_CARD_REVOKED':
      'Thẻ khóa của {unit} (dấu vân tay {fingerprint}) đã bị thu hồi; không tin cậy lại được. Hãy đề nghị đơn vị tạo khóa mới và gửi thẻ khóa mới.',
    'error.EXCHANGE_NO_PARENT_CARD':
      'Chưa có thẻ khóa của cấp trên để mã hóa tệp báo cáo. Hãy nhập thẻ khóa của cấp trên (mục Tệp báo cáo › Thẻ khóa) hoặc xuất tệp không mã hóa.',
    'error.EXCHANGE_REQUEST_NOT_FROM_PARENT':
      'Tệp yêu cầu báo cáo này do {unit} ({code}) ký, không phải cấp trên trực tiếp của đơn vị; chỉ cấp trên mới đặt được đợt báo cáo. Không dùng tệp này; hãy nhận tệp yêu cầu do cấp trên gửi.',
    'error.EXCHANGE_RECIPIENT_NOT_TRUSTED':
      'Thẻ khóa của {unit} ({code}, dấu vân tay {fingerprint}) chưa được tin cậy trong sổ này hoặc đã bị thu hồi; không mã hóa tệp báo cáo cho thẻ khóa đó. Hãy tin cậy thẻ khóa trước (so86 keys trust, đối chiếu dấu vân tay) rồi xuất lại.',
    'error.EXCHANGE_DETAILS_UNENCRYPTED':
      'Tệp báo cáo của {unit} ({code}) có danh sách chuyến đi kèm họ tên đảng viên nhưng không được mã hóa; Sổ 86 chỉ gửi danh sách đó khi đã mã hóa, nên tệp này không do Sổ 86 của đơn vị làm ra đúng cách. Không nhận tệp này; hãy báo đơn vị xuất lại tệp có mã hóa cho cấp trên và kiểm tra máy của đơn vị.',
    'error.EXCHANGE_DETAILS_NEED_ENCRYPTION':
      'Đợt báo cáo {round} yêu cầu gửi kèm danh sách chuyến đi có họ tên đảng viên, nên tệp báo cáo phải được mã hóa cho cấp trên. Hãy tin cậy thẻ khóa của cấp trên rồi xuất tệp có mã hóa.',
    'error.EXCHANGE_OWN_PACKAGE': 'Đây là tệp báo cáo do chính đơn vị mình xuất; chỉ nhập tệp của đơn vị cấp dưới.',
    'error.OFFICE_KEYS_ROLE':
      'Chỉ quản trị viên và lãnh đạo giữ khóa ký của đơn vị: vai trò của bạn không ký hoặc mở được tệp báo cáo mã hóa. Hãy nhờ quản trị viên hoặc lãnh đạo thực hiện.',
    'error.OFFICE_KEYS_NOT_GRANTED':
      'Tài khoản này chưa được cấp khóa ký của đơn vị. Hãy nhờ một quản trị viên đã có khóa đặt lại mật khẩu cho bạn (Cài đặt › Người dùng), đăng nhập lại rồi thử lại.',
    'error.EXCHANGE_AUDIT_REWRITTEN':
      'Nhật ký thao tác của {unit} ({code}) đã bị viết lại: tệp này không khớp với dấu mốc nhật ký (dòng {rows}) mà tệp báo cáo nhận trước đó của đơn vị đã ghi. Tệp không được nhập. Hãy báo cho đơn vị và cấp ủy để kiểm tra máy của đơn vị.',
    'exchange.outcome.imported': 'Đã nhập báo cáo.',
    'exchange.outcome.already_imported': 'Tệp này đã được nhập trước đó; không có gì thay đổi.',
    'exchange.outcome.superseded_older': 'Đã nhập phiên bản mới; phiên bản cũ được giữ trong lịch sử.',
    'exchange.outcome.older_than_current': 'Đã lưu vào lịch sử; đơn vị đã có phiên bản mới hơn nên vẫn dùng phiên bản mới.',
    'exchange.outcome.round_created': 'Đã nhận yêu cầu báo cáo của cấp trên.',
    'exchange.outcome.round_known': 'Yêu cầu báo cáo này đã được nhận trước đó.',
    'cli.report.written': 'Đã ghi {path}.',
    'cli.keys.card': 'Đã ghi thẻ khóa vào {path}. Dấu vân tay để đọc qua điện thoại cho cấp trên: {fingerprint}',
    'cli.keys.trusted': 'Đã tin cậy thẻ khóa của {unit} ({code}), dấu vân tay {fingerprint}.',
    'cli.package.exported': 'Đã ghi tệp báo cáo có chữ ký (phiên bản {version}) vào {path}.',
    'cli.package.signer': 'Đơn vị ký: {unit} ({code}), dấu vân tay {fingerprint}',
    'cli.package.period': 'Kỳ báo cáo: {from} đến {to}; yêu cầu: {round}; lập lúc {createdAt}',
    'cli.package.trusted': 'Kết quả: tệp nguyên vẹn, chữ ký của đơn vị đã được tin cậy.',
    'cli.package.intactOnly':
      'Kết quả: tệp nguyên vẹn và tự nhất quán; chưa đối chiếu với danh sách đơn vị tin cậy (dùng --db để đối chiếu).',
    'cli.package.figures': 'Số trường hợp được cho phép: {permitted} (công tác {official}; tự túc, việc riêng {private}).',
  },
  {
    'error.EXCHANGE_OWN_CARD': 'This is your own unit’s key card; only other units’ cards need trusting.',
    'error.EXCHANGE_CARD_REVOKED':
      'The key card of {unit} (fingerprint {fingerprint}) was revoked and cannot be trusted again. Ask the unit to make new keys and send its new card.',
    'error.EXCHANGE_NO_PARENT_CARD':
      'There is no key card of the upper level to encrypt the report file to. Import the upper level’s card (Report files › Key cards) or export without encryption.',
    'error.EXCHANGE_REQUEST_NOT_FROM_PARENT':
      'This reporting request is signed by {unit} ({code}), not by your unit’s direct upper level; only the upper level sets reporting rounds. Do not use this file; take the request your upper level sent.',
    'error.EXCHANGE_RECIPIENT_NOT_TRUSTED':
      'The key card of {unit} ({code}, fingerprint {fingerprint}) is not trusted in this registry or was revoked; report files are not encrypted to it. Trust the card first (so86 keys trust, checking the fingerprint) and export again.',
    'error.EXCHANGE_DETAILS_UNENCRYPTED':
      'The report file of {unit} ({code}) carries the list of trips with members’ names without encryption; Sổ 86 only sends that list encrypted, so this file was not made by the unit’s Sổ 86 as it should be. It is not taken in: ask the unit to export it again encrypted to its upper level, and to have its PC checked.',
    'error.EXCHANGE_DETAILS_NEED_ENCRYPTION':
      'Reporting round {round} asks for the list of trips with members’ names, so the report file must be encrypted to the upper level. Trust the upper level’s key card and export the file encrypted.',
    'error.EXCHANGE_OWN_PACKAGE': 'This report file was exported by your own unit; import only the files of subordinate units.',
    'error.OFFICE_KEYS_ROLE':
      'Only administrators and leaders hold the unit’s signing keys: your role cannot sign report files or open encrypted ones. Ask an administrator or leader to do it.',
    'error.OFFICE_KEYS_NOT_GRANTED':
      'This account has not been given the unit’s signing keys yet. Ask an administrator who holds them to reset your password (Settings › Users), sign in again and retry.',
    'error.EXCHANGE_AUDIT_REWRITTEN':
      'The audit log of {unit} ({code}) was rewritten: this file disagrees with the audit anchor (row {rows}) recorded by a report file received from the unit earlier. The file is not imported. Tell the unit and the party committee so the unit’s PC is checked.',
    'exchange.outcome.imported': 'Report imported.',
    'exchange.outcome.already_imported': 'This file was imported before; nothing changed.',
    'exchange.outcome.superseded_older': 'The new version is imported; the older one stays in the history.',
    'exchange.outcome.older_than_current': 'Kept in the history; the unit already has a newer version, which stays in use.',
    'exchange.outcome.round_created': 'The upper level’s reporting request is received.',
    'exchange.outcome.round_known': 'This reporting request was received before.',
    'cli.report.written': 'Wrote {path}.',
    'cli.keys.card': 'Wrote the key card to {path}. Fingerprint to read to the upper level over the phone: {fingerprint}',
    'cli.keys.trusted': 'Trusted the key card of {unit} ({code}), fingerprint {fingerprint}.',
    'cli.package.exported': 'Wrote the signed report file (version {version}) to {path}.',
    'cli.package.signer': 'Signed by: {unit} ({code}), fingerprint {fingerprint}',
    'cli.package.period': 'Period: {from} to {to}; request: {round}; made at {createdAt}',
    'cli.package.trusted': 'Result: the file is intact and signed by a trusted unit.',
    'cli.package.intactOnly':
      'Result: the file is intact and self-consistent; not checked against trusted units (use --db for that).',
    'cli.package.figures': 'Trips permitted: {permitted} (official {official}; self-funded or private {private}).',
  },
);
