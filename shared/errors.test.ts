import { describe, expect, it } from 'vitest';
import { errorSentence, issueSentence } from './errors';
import { translatorIn } from './i18n';

const vi = translatorIn('vi');

describe('the one wording of an error', () => {
  it('words the code with its parameters', () => {
    expect(errorSentence({ code: 'USER_EXISTS', params: { username: 'canbo' }, issues: [] }, vi)).toBe(
      'Tên đăng nhập “canbo” đã có người dùng. Hãy chọn tên đăng nhập khác.',
    );
  });

  it('takes a {reason} from the first field issue', () => {
    const refused = { code: 'ATTACHMENT_REFUSED', params: {}, issues: [{ path: ['contentBase64'], key: 'attachment.type' }] };
    expect(errorSentence(refused, vi)).toBe('Không nhận tệp đính kèm này. Chỉ nhận tệp PDF hoặc ảnh (JPEG, PNG, TIFF, WebP).');
    expect(errorSentence(refused, translatorIn('en'))).toBe(
      'This attachment was refused. Only PDF files and images (JPEG, PNG, TIFF, WebP) are accepted.',
    );
  });

  it('reads a code or an issue it has no message for as internal or invalid, never as a raw key', () => {
    expect(errorSentence({ code: 'NO_SUCH_CODE', params: {}, issues: [] }, vi)).toBe(vi('error.INTERNAL'));
    expect(issueSentence({ path: ['x'], key: 'no.such.key' }, vi)).toBe(vi('validation.invalid'));
  });
});
