import { Button, Group, Text } from '@mantine/core';
import { useT } from '../../i18n';

/** The foot of a settings card: Save for administrators, and for everyone else the reason there is none. */
export function SettingsSaveRow({ editable, busy, testId }: { editable: boolean; busy: boolean; testId: string }) {
  const t = useT();
  if (!editable) {
    return (
      <Text size="sm" c="dimmed">
        {t('settingsPage.administratorsOnly')}
      </Text>
    );
  }
  return (
    <Group>
      <Button type="submit" loading={busy} data-testid={testId}>
        {t('ui.save')}
      </Button>
    </Group>
  );
}
