import type { Lang } from '@shared/i18n';

const vietnamTime = 'Asia/Ho_Chi_Minh';

/** When something was recorded, in Vietnam's time: 03/05/2026 14:07. */
export function instantText(instant: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    timeZone: vietnamTime,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(instant));
}

/** A file's size the way a person reads it: 820 KB, 2,4 MB. */
export function fileSizeText(bytes: number, lang: Lang): string {
  const locale = lang === 'vi' ? 'vi-VN' : 'en-GB';
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString(locale)} KB`;
  return `${(bytes / (1024 * 1024)).toLocaleString(locale, { maximumFractionDigits: 1 })} MB`;
}
