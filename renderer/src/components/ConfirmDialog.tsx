import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useT } from '../i18n';

interface ConfirmDialogProps {
  opened: boolean;
  title: string;
  /** What will happen and why it cannot be undone. */
  children: ReactNode;
  confirmLabel: string;
  /** Red for what removes or ends something. */
  danger?: boolean;
  busy?: boolean;
  onConfirm(): void;
  onCancel(): void;
  'data-testid'?: string;
}

/** Asks once more before a step that cannot be undone; Escape or "Quay lại" changes nothing. */
export function ConfirmDialog({
  opened,
  title,
  children,
  confirmLabel,
  danger = false,
  busy = false,
  onConfirm,
  onCancel,
  'data-testid': testId = 'confirm-dialog',
}: ConfirmDialogProps) {
  const t = useT();
  return (
    <Modal opened={opened} onClose={onCancel} title={title} size="md" data-testid={testId}>
      <Stack gap="md">
        <Text size="sm" component="div">
          {children}
        </Text>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onCancel} data-autofocus data-testid="confirm-cancel">
            {t('confirm.goBack')}
          </Button>
          <Button color={danger ? 'red' : undefined} loading={busy} onClick={onConfirm} data-testid="confirm-accept">
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
