import { SegmentedControl } from '@mantine/core';
import type { Lang } from '@shared/i18n';
import { useT } from '../i18n';
import { useSession } from '../state/sessionStore';

export function LanguageSwitch() {
  const t = useT();
  const lang = useSession((state) => state.lang);
  const setLang = useSession((state) => state.setLang);
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('ui.language')}
      value={lang}
      onChange={(value) => void setLang(value as Lang)}
      data={[
        { value: 'vi', label: t('ui.language.vi') },
        { value: 'en', label: t('ui.language.en') },
      ]}
    />
  );
}
