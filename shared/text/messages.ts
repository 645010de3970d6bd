import { messages } from '../i18n/catalog';

export const textMessages = messages(
  {
    'nationalId.format': 'Số CCCD phải gồm đúng 12 chữ số.',
    'nationalId.leadingZerosLost':
      'Số CCCD bị mất chữ số 0 ở đầu (bảng tính đã coi nó là một số). Hãy định dạng cột là Văn bản rồi nhập đủ 12 chữ số.',
    'nationalId.province': 'Ba chữ số đầu của số CCCD không phải mã tỉnh, thành phố nơi đăng ký khai sinh.',
    'nationalId.century': 'Chữ số thứ tư của số CCCD (mã thế kỷ và giới tính) không hợp lệ.',
    'nationalId.birthYear': 'Số CCCD không khớp với năm sinh: chữ số thứ tư đến thứ sáu ghi thế kỷ và năm sinh.',
    'nationalId.gender': 'Số CCCD không khớp với giới tính: chữ số thứ tư ghi giới tính.',
    'country.unknown': 'Mã nước không có trong danh mục ISO 3166-1 (ví dụ: KR, JP, CN, LA, KH, US).',
    'text.encoding.utf-8': 'UTF-8',
    'text.encoding.utf-16le': 'UTF-16',
    'text.encoding.utf-16be': 'UTF-16',
    'text.encoding.tcvn3': 'TCVN3 (ABC, phông .Vn)',
    'text.encoding.vni': 'VNI (phông VNI-)',
    'text.encoding.windows-1252': 'Windows-1252',
    'text.encoding.windows-1258': 'Windows-1258 (CSV của Excel tiếng Việt)',
    'text.legacyConverted': 'Đã chuyển {count} ô từ bảng mã {encoding} sang Unicode.',
  },
  {
    'nationalId.format': 'A CCCD number has exactly 12 digits.',
    'nationalId.leadingZerosLost':
      'The CCCD number lost its leading zeros (the spreadsheet treated it as a number). Format the column as Text and enter all 12 digits.',
    'nationalId.province': 'The first three digits of the CCCD number are not the code of a province of birth registration.',
    'nationalId.century': 'The fourth digit of the CCCD number (century and gender) is not valid.',
    'nationalId.birthYear':
      'The CCCD number does not match the birth year: digits four to six record the century and year of birth.',
    'nationalId.gender': 'The CCCD number does not match the gender: the fourth digit records it.',
    'country.unknown': 'Not an ISO 3166-1 country code (for example KR, JP, CN, LA, KH, US).',
    'text.encoding.utf-8': 'UTF-8',
    'text.encoding.utf-16le': 'UTF-16',
    'text.encoding.utf-16be': 'UTF-16',
    'text.encoding.tcvn3': 'TCVN3 (ABC, .Vn fonts)',
    'text.encoding.vni': 'VNI (VNI- fonts)',
    'text.encoding.windows-1252': 'Windows-1252',
    'text.encoding.windows-1258': 'Windows-1258 (Vietnamese Excel CSV)',
    'text.legacyConverted': 'Converted {count} cells from {encoding} to Unicode.',
  },
);
