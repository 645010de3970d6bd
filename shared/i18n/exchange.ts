import { messages } from './catalog';

/** Trust between offices, report files going up and requests coming down. */
export const exchangeMessages = messages(
  {
    'error.EXCHANGE_OWN_CARD': 'Đây là thẻ khóa của chính đơn vị mình; chỉ cần tin cậy thẻ khóa của đơn vị khác.',
    'error.EXCHANGE_CARD_REVOKED': 'Thẻ khóa của {unit} (dấu vân tay {fingerprint}) đã bị thu hồi; không tin cậy lại được. Hãy đề nghị đơn vị tạo khóa mới và gửi thẻ khóa mới.',
    'error.EXCHANGE_NO_PARENT_CARD': 'Chưa có thẻ khóa của cấp trên để mã hóa tệp báo cáo. Hãy nhập thẻ khóa của cấp trên (mục Tệp báo cáo › Thẻ khóa) hoặc xuất tệp không mã hóa.',
    'error.EXCHANGE_OWN_PACKAGE': 'Đây là tệp báo cáo do chính đơn vị mình xuất; chỉ nhập tệp của đơn vị cấp dưới.',
    'exchange.outcome.imported': 'Đã nhập báo cáo.',
    'exchange.outcome.already_imported': 'Tệp này đã được nhập trước đó; không có gì thay đổi.',
    'exchange.outcome.superseded_older': 'Đã nhập phiên bản mới; phiên bản cũ được giữ trong lịch sử.',
    'exchange.outcome.older_than_current': 'Đã lưu vào lịch sử; đơn vị đã có phiên bản mới hơn nên vẫn dùng phiên bản mới.',
    'exchange.outcome.round_created': 'Đã nhận yêu cầu báo cáo của cấp trên.',
    'exchange.outcome.round_known': 'Yêu cầu báo cáo này đã được nhận trước đó.',
  },
  {
    'error.EXCHANGE_OWN_CARD': 'This is your own unit’s key card; only other units’ cards need trusting.',
    'error.EXCHANGE_CARD_REVOKED': 'The key card of {unit} (fingerprint {fingerprint}) was revoked and cannot be trusted again. Ask the unit to make new keys and send its new card.',
    'error.EXCHANGE_NO_PARENT_CARD': 'There is no key card of the upper level to encrypt the report file to. Import the upper level’s card (Report files › Key cards) or export without encryption.',
    'error.EXCHANGE_OWN_PACKAGE': 'This report file was exported by your own unit; import only the files of subordinate units.',
    'exchange.outcome.imported': 'Report imported.',
    'exchange.outcome.already_imported': 'This file was imported before; nothing changed.',
    'exchange.outcome.superseded_older': 'The new version is imported; the older one stays in the history.',
    'exchange.outcome.older_than_current': 'Kept in the history; the unit already has a newer version, which stays in use.',
    'exchange.outcome.round_created': 'The upper level’s reporting request is received.',
    'exchange.outcome.round_known': 'This reporting request was received before.',
  },
);
