import { ActionIcon, Button, Group, Popover, Text, Tooltip } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useT } from '../i18n';

interface DeleteButtonProps {
  /** What is about to go, in one sentence. */
  question: string;
  onConfirm(): Promise<unknown>;
  disabled?: boolean;
  'data-testid'?: string;
}

/** A bin icon that asks once before deleting; Escape or a click elsewhere keeps the record. */
export function DeleteButton({ question, onConfirm, disabled, 'data-testid': testId }: DeleteButtonProps) {
  const t = useT();
  const [opened, setOpened] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm();
    } finally {
      setBusy(false);
      setOpened(false);
    }
  };
  return (
    <Popover opened={opened} onChange={setOpened} withArrow trapFocus position="left" shadow="md">
      <Popover.Target>
        <Tooltip label={t('action.delete')} withArrow disabled={opened}>
          <ActionIcon
            variant="subtle"
            color="red"
            onClick={() => setOpened((value) => !value)}
            disabled={disabled}
            aria-label={t('action.delete')}
            data-testid={testId}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Tooltip>
      </Popover.Target>
      <Popover.Dropdown maw={300}>
        <Text size="sm" mb="xs">
          {question}
        </Text>
        <Group gap="xs" justify="flex-end">
          <Button size="xs" variant="default" onClick={() => setOpened(false)}>
            {t('ui.cancel')}
          </Button>
          <Button size="xs" color="red" loading={busy} onClick={() => void confirm()} data-testid="confirm-delete">
            {t('action.delete')}
          </Button>
        </Group>
      </Popover.Dropdown>
    </Popover>
  );
}
