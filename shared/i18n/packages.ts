import { messages } from './catalog';

/** Report packages (`.so86`) and key cards: every refusal says what is wrong and what to do. */
export const packagesMessages = messages(
  {
    'error.PKG_FILE_TOO_LARGE':
      'Tệp gói báo cáo quá lớn ({size} byte, giới hạn {limit} byte). Hãy kiểm tra đã chọn đúng tệp do đơn vị gửi, hoặc đề nghị đơn vị gửi lại.',
    'error.PKG_CREATED_IN_FUTURE':
      'Tệp báo cáo ghi ngày lập {createdAt}, muộn hơn hôm nay ({today}) trên máy này; không nhận tệp ghi ngày ở tương lai. Hãy kiểm tra ngày giờ của máy này; nếu đúng, đề nghị đơn vị chỉnh đồng hồ máy của họ rồi xuất lại tệp.',
    'error.PKG_CARD_CREATED_IN_FUTURE':
      'Thẻ khóa ghi ngày tạo {createdAt}, muộn hơn hôm nay ({today}) trên máy này; không tin cậy thẻ khóa ghi ngày ở tương lai. Hãy kiểm tra ngày giờ của máy này; nếu đúng, đề nghị đơn vị chỉnh đồng hồ máy của họ rồi tạo lại thẻ khóa.',
    'error.PKG_NOT_A_PACKAGE': 'Tệp này không phải là gói báo cáo của Sổ 86. Hãy chọn đúng tệp có đuôi .so86 do đơn vị gửi.',
    'error.PKG_VERSION_UNSUPPORTED':
      'Gói báo cáo được tạo bởi phiên bản mới hơn của Sổ 86 (định dạng {found}, phiên bản này đọc được đến {supported}). Hãy cài phiên bản mới nhất rồi mở lại tệp.',
    'error.PKG_TRUNCATED':
      'Tệp gói báo cáo bị thiếu phần cuối, có thể do chép chưa xong. Hãy chép lại tệp từ USB hoặc đề nghị đơn vị gửi lại.',
    'error.PKG_MALFORMED': 'Cấu trúc tệp gói báo cáo bị hỏng hoặc đã bị sửa. Không dùng tệp này; hãy đề nghị đơn vị gửi lại.',
    'error.PKG_MANIFEST_TOO_LARGE':
      'Phần mô tả của gói báo cáo quá lớn ({size} byte, giới hạn {limit} byte). Không dùng tệp này; hãy đề nghị đơn vị gửi lại.',
    'error.PKG_MANIFEST_INVALID':
      'Phần mô tả của gói báo cáo không hợp lệ hoặc đã bị sửa. Không dùng tệp này; hãy đề nghị đơn vị gửi lại.',
    'error.PKG_JSON_TOO_DEEP':
      'Dữ liệu “{name}” trong gói báo cáo lồng nhau quá {limit} cấp. Không dùng tệp này; hãy đề nghị đơn vị gửi lại.',
    'error.PKG_PART_NAME_UNSAFE':
      'Gói báo cáo chứa một phần có tên không an toàn (“{name}”), có thể nhằm ghi tệp ra ngoài gói. Không dùng tệp này và báo cho bộ phận kỹ thuật.',
    'error.PKG_PART_DUPLICATE': 'Gói báo cáo chứa phần “{name}” hai lần. Không dùng tệp này; hãy đề nghị đơn vị gửi lại.',
    'error.PKG_PART_EXTRA':
      'Gói báo cáo chứa phần “{name}” không được phép hoặc không có trong phần mô tả đã ký. Không dùng tệp này; hãy đề nghị đơn vị gửi lại.',
    'error.PKG_PART_MISSING': 'Gói báo cáo thiếu phần “{name}”. Hãy chép lại tệp từ USB hoặc đề nghị đơn vị gửi lại.',
    'error.PKG_PART_TOO_LARGE':
      'Phần “{name}” của gói báo cáo quá lớn ({size} byte, giới hạn {limit} byte). Không dùng tệp này; hãy đề nghị đơn vị gửi lại.',
    'error.PKG_PART_SIZE_MISMATCH':
      'Kích thước phần “{name}” không khớp với phần mô tả đã ký, nên tệp đã bị sửa hoặc bị hỏng. Không dùng tệp này; hãy đề nghị đơn vị gửi lại.',
    'error.PKG_PART_HASH_MISMATCH':
      'Nội dung phần “{name}” đã bị thay đổi sau khi ký. Không dùng tệp này; hãy đề nghị đơn vị gửi lại.',
    'error.PKG_BAD_SIGNATURE':
      'Chữ ký của gói báo cáo không đúng: tệp đã bị sửa sau khi ký hoặc không do đơn vị ghi trên gói ký. Không dùng tệp này; hãy đề nghị đơn vị gửi lại.',
    'error.PKG_SIGNER_UNKNOWN':
      'Gói báo cáo được ký bằng một khóa chưa được tin cậy (dấu vân tay {fingerprint}). Hãy nhận thẻ khóa của đơn vị gửi và đối chiếu dấu vân tay qua điện thoại trước khi nhập.',
    'error.PKG_SIGNER_REVOKED':
      'Gói báo cáo được ký bằng một khóa đã bị thu hồi (dấu vân tay {fingerprint}). Hãy đề nghị đơn vị ký lại gói bằng khóa mới.',
    'error.PKG_SIGNER_UNIT_MISMATCH':
      'Gói báo cáo ghi là của đơn vị {unitCode} nhưng được ký bằng khóa của đơn vị {trustedUnitCode}. Không dùng tệp này và liên hệ hai đơn vị để làm rõ.',
    'error.PKG_SIGNER_INCONSISTENT':
      'Thông tin người ký trong gói báo cáo không khớp với dấu vân tay ghi trên gói. Không dùng tệp này; hãy đề nghị đơn vị gửi lại.',
    'error.PKG_WRONG_RECIPIENT':
      'Gói báo cáo này được mã hóa cho đơn vị khác ({recipient}) nên đơn vị này không đọc được. Hãy chuyển tệp đến đúng đơn vị nhận.',
    'error.PKG_RECIPIENT_KEY_REQUIRED':
      'Gói báo cáo được mã hóa cho đơn vị {recipient}. Hãy mở tệp bằng sổ dữ liệu của đơn vị nhận để giải mã.',
    'error.PKG_DECRYPTION_FAILED':
      'Không giải mã được gói báo cáo bằng khóa của đơn vị này. Có thể đơn vị gửi đã dùng thẻ khóa cũ; hãy gửi thẻ khóa hiện tại cho đơn vị gửi và đề nghị gửi lại gói.',
    'error.PKG_PART_INVALID':
      'Dữ liệu “{name}” trong gói báo cáo không đúng định dạng. Hãy đề nghị đơn vị cập nhật Sổ 86 rồi xuất lại gói.',
    'error.PKG_PART_INCONSISTENT':
      'Dữ liệu “{name}” không khớp với đơn vị, kỳ báo cáo hoặc đợt báo cáo ghi trên gói. Không dùng tệp này; hãy đề nghị đơn vị xuất lại gói.',
    'error.PKG_NOT_A_REPORT':
      'Tệp này là yêu cầu báo cáo của cấp trên, không phải gói báo cáo. Hãy dùng chức năng nhận yêu cầu báo cáo để mở tệp này.',
    'error.PKG_NOT_A_REQUEST':
      'Tệp này là gói báo cáo, không phải yêu cầu báo cáo của cấp trên. Hãy dùng chức năng nhập gói báo cáo để mở tệp này.',
    'error.PKG_KEY_INVALID':
      'Khóa ký của đơn vị không hợp lệ hoặc không khớp với thẻ khóa của đơn vị. Hãy kiểm tra lại cặp khóa của đơn vị trong phần cài đặt.',
    'error.PKG_CARD_MALFORMED': 'Tệp thẻ khóa không hợp lệ hoặc bị hỏng. Hãy đề nghị đơn vị xuất lại thẻ khóa và gửi lại.',
    'error.PKG_CARD_VERSION_UNSUPPORTED':
      'Thẻ khóa được tạo bởi phiên bản mới hơn của Sổ 86 (phiên bản thẻ {found}, phiên bản này đọc được đến {supported}). Hãy cài phiên bản mới nhất rồi mở lại thẻ.',
    'error.PKG_CARD_FINGERPRINT_MISMATCH':
      'Dấu vân tay ghi trên thẻ khóa không khớp với các khóa trong thẻ, nên thẻ đã bị sửa. Không dùng thẻ này; hãy đề nghị đơn vị xuất lại thẻ.',
    'error.PKG_CARD_BAD_SIGNATURE':
      'Chữ ký của thẻ khóa không đúng, nên thẻ đã bị sửa sau khi tạo. Không dùng thẻ này; hãy đề nghị đơn vị xuất lại thẻ.',
    'error.PKG_CARD_BAD_ROTATION_SIGNATURE':
      'Thẻ khóa mới không có chữ ký hợp lệ của khóa cũ mà nó thay thế (dấu vân tay {fingerprint}). Hãy gọi điện cho đơn vị để đối chiếu dấu vân tay của thẻ mới trước khi tin cậy.',
    'error.PKG_CARD_NOT_ROTATION':
      'Thẻ khóa này không thay thế thẻ khóa đang được tin cậy của đơn vị (dấu vân tay {fingerprint}). Hãy gọi điện cho đơn vị để đối chiếu dấu vân tay của thẻ mới trước khi tin cậy.',
    'error.PKG_FINGERPRINT_FORMAT':
      'Dấu vân tay phải gồm đúng 40 ký tự 0–9 và A–F, có thể cách nhau bằng dấu cách hoặc dấu gạch ngang. Hãy nhập lại đúng như được đọc qua điện thoại hoặc in trên giấy.',
    'error.PKG_FINGERPRINT_DIFFERENT':
      'Dấu vân tay vừa nhập không khớp với thẻ khóa (dấu vân tay của thẻ là {fingerprint}). Không tin cậy thẻ này; hãy gọi lại cho đơn vị để đối chiếu.',
  },
  {
    'error.PKG_FILE_TOO_LARGE':
      'The package file is too large ({size} bytes; the limit is {limit}). Check that this is the file the unit sent, or ask the unit to send it again.',
    'error.PKG_CREATED_IN_FUTURE':
      'The report file is dated {createdAt}, later than today ({today}) on this PC; files dated in the future are refused. Check this PC’s date and time; if it is right, ask the unit to correct its PC’s clock and export the file again.',
    'error.PKG_CARD_CREATED_IN_FUTURE':
      'The key card is dated {createdAt}, later than today ({today}) on this PC; cards dated in the future are not trusted. Check this PC’s date and time; if it is right, ask the unit to correct its PC’s clock and make the card again.',
    'error.PKG_NOT_A_PACKAGE': 'This file is not a So 86 report package. Choose the .so86 file the unit sent.',
    'error.PKG_VERSION_UNSUPPORTED':
      'The package was made by a newer version of So 86 (format {found}; this version reads up to {supported}). Install the latest version and open the file again.',
    'error.PKG_TRUNCATED':
      'The package file is cut short, probably by an unfinished copy. Copy it again from the USB stick or ask the unit to send it again.',
    'error.PKG_MALFORMED':
      'The structure of the package file is damaged or has been altered. Do not use it; ask the unit to send it again.',
    'error.PKG_MANIFEST_TOO_LARGE':
      'The package description is too large ({size} bytes; the limit is {limit}). Do not use the file; ask the unit to send it again.',
    'error.PKG_MANIFEST_INVALID':
      'The package description is invalid or has been altered. Do not use the file; ask the unit to send it again.',
    'error.PKG_JSON_TOO_DEEP':
      'The data “{name}” in the package is nested more than {limit} levels deep. Do not use the file; ask the unit to send it again.',
    'error.PKG_PART_NAME_UNSAFE':
      'The package contains a part with an unsafe name (“{name}”) that could write outside the package. Do not use the file and tell technical support.',
    'error.PKG_PART_DUPLICATE':
      'The package contains the part “{name}” twice. Do not use the file; ask the unit to send it again.',
    'error.PKG_PART_EXTRA':
      'The package contains a part “{name}” that is not allowed or not listed in the signed description. Do not use the file; ask the unit to send it again.',
    'error.PKG_PART_MISSING':
      'The package lacks the part “{name}”. Copy the file again from the USB stick or ask the unit to send it again.',
    'error.PKG_PART_TOO_LARGE':
      'The part “{name}” of the package is too large ({size} bytes; the limit is {limit}). Do not use the file; ask the unit to send it again.',
    'error.PKG_PART_SIZE_MISMATCH':
      'The size of the part “{name}” differs from the signed description, so the file was altered or damaged. Do not use it; ask the unit to send it again.',
    'error.PKG_PART_HASH_MISMATCH':
      'The content of the part “{name}” was changed after signing. Do not use the file; ask the unit to send it again.',
    'error.PKG_BAD_SIGNATURE':
      'The package signature is wrong: the file was altered after signing or was not signed by the unit it names. Do not use it; ask the unit to send it again.',
    'error.PKG_SIGNER_UNKNOWN':
      'The package is signed with a key that is not trusted here (fingerprint {fingerprint}). Get the sending unit’s key card and compare its fingerprint by phone before importing.',
    'error.PKG_SIGNER_REVOKED':
      'The package is signed with a revoked key (fingerprint {fingerprint}). Ask the unit to sign it again with its new key.',
    'error.PKG_SIGNER_UNIT_MISMATCH':
      'The package claims to come from unit {unitCode} but is signed with the key of unit {trustedUnitCode}. Do not use it; contact both units to clear this up.',
    'error.PKG_SIGNER_INCONSISTENT':
      'The signer details in the package do not match the fingerprint written in it. Do not use the file; ask the unit to send it again.',
    'error.PKG_WRONG_RECIPIENT':
      'This package is encrypted for another unit ({recipient}) and cannot be read here. Pass the file on to the unit it is addressed to.',
    'error.PKG_RECIPIENT_KEY_REQUIRED':
      'The package is encrypted for unit {recipient}. Open it with the receiving unit’s registry to decrypt it.',
    'error.PKG_DECRYPTION_FAILED':
      'The package cannot be decrypted with this unit’s key. The sender may have used an old key card; send them the current card and ask for the package again.',
    'error.PKG_PART_INVALID':
      'The data “{name}” in the package is not in the expected format. Ask the unit to update So 86 and export the package again.',
    'error.PKG_PART_INCONSISTENT':
      'The data “{name}” does not match the unit, period or reporting round written on the package. Do not use it; ask the unit to export the package again.',
    'error.PKG_NOT_A_REPORT':
      'This file is a reporting request from the upper level, not a report package. Open it with the function for reporting requests.',
    'error.PKG_NOT_A_REQUEST':
      'This file is a report package, not a reporting request from the upper level. Open it with the function for importing packages.',
    'error.PKG_KEY_INVALID':
      'The unit’s signing key is invalid or does not match the unit’s key card. Check the unit’s key pair in the settings.',
    'error.PKG_CARD_MALFORMED': 'The key card file is invalid or damaged. Ask the unit to export its key card and send it again.',
    'error.PKG_CARD_VERSION_UNSUPPORTED':
      'The key card was made by a newer version of So 86 (card version {found}; this version reads up to {supported}). Install the latest version and open it again.',
    'error.PKG_CARD_FINGERPRINT_MISMATCH':
      'The fingerprint written on the key card does not match the keys in it, so the card was altered. Do not use it; ask the unit to export it again.',
    'error.PKG_CARD_BAD_SIGNATURE':
      'The key card’s signature is wrong, so the card was altered after it was made. Do not use it; ask the unit to export it again.',
    'error.PKG_CARD_BAD_ROTATION_SIGNATURE':
      'The new key card lacks a valid signature by the old key it replaces (fingerprint {fingerprint}). Phone the unit and compare the new card’s fingerprint before trusting it.',
    'error.PKG_CARD_NOT_ROTATION':
      'This key card does not replace the unit’s currently trusted card (fingerprint {fingerprint}). Phone the unit and compare the new card’s fingerprint before trusting it.',
    'error.PKG_FINGERPRINT_FORMAT':
      'A fingerprint has exactly 40 characters 0–9 and A–F, optionally separated by spaces or dashes. Type it again exactly as read over the phone or printed on paper.',
    'error.PKG_FINGERPRINT_DIFFERENT':
      'The fingerprint you typed does not match the key card (the card’s fingerprint is {fingerprint}). Do not trust this card; phone the unit again to compare.',
  },
);
