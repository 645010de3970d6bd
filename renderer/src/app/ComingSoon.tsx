import { Alert } from '@mantine/core';
import { useT } from '../i18n';

export function ComingSoon() {
  const t = useT();
  return <Alert color="gray">{t('placeholder.comingSoon')}</Alert>;
}
