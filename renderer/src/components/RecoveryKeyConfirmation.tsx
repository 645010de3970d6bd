import { Button, Checkbox, Group, Stack, Text } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useT } from '../i18n';

/**
 * A recovery key shown once, with a print button and the box to tick once it is written down:
 * at first run, and again each time the registry is rekeyed.
 */
export function RecoveryKeyConfirmation({
  recoveryKey,
  explanation,
  confirmed,
  onConfirmedChange,
}: {
  recoveryKey: string | null;
  explanation: string;
  confirmed: boolean;
  onConfirmedChange(confirmed: boolean): void;
}) {
  const t = useT();
  return (
    <Stack>
      <Text>{explanation}</Text>
      <div className="recovery-key" data-testid="recovery-key">
        {recoveryKey}
      </div>
      <Group className="no-print">
        <Button variant="default" leftSection={<IconPrinter size={16} />} onClick={() => window.print()}>
          {t('setup.recovery.print')}
        </Button>
      </Group>
      <Checkbox
        className="no-print"
        label={t('setup.recovery.confirm')}
        checked={confirmed}
        onChange={(event) => onConfirmedChange(event.currentTarget.checked)}
        data-testid="recovery-confirmed"
      />
    </Stack>
  );
}
