import { Alert, Button, Group, Modal, Stack, Text, type ModalProps } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useT } from '../i18n';

/**
 * A dialog that holds typing: once something has been typed or chosen in it, closing it by its
 * cross, Escape or a click beside it asks first, as leaving a form does; closing or reloading the
 * window is held by the browser's own question. A save that closes the dialog is not asked about.
 * The question is shown inside the dialog itself, above what was typed, so nothing is hidden and a
 * second Escape simply goes back to typing.
 */
export function GuardedModal({ opened, onClose, children, ...rest }: ModalProps) {
  const t = useT();
  const [typed, setTyped] = useState(false);
  const [asking, setAsking] = useState(false);

  useEffect(() => {
    if (!opened) {
      setTyped(false);
      setAsking(false);
    }
  }, [opened]);

  useEffect(() => {
    if (!opened || !typed) return undefined;
    const holdUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', holdUnload);
    return () => window.removeEventListener('beforeunload', holdUnload);
  }, [opened, typed]);

  const requestClose = () => {
    if (asking) setAsking(false);
    else if (typed) setAsking(true);
    else onClose();
  };

  return (
    <Modal opened={opened} onClose={requestClose} {...rest}>
      {asking ? (
        <Alert color="orange" mb="md" title={t('unsaved.dialogTitle')} data-testid="dialog-unsaved">
          <Stack gap="sm">
            <Text size="sm">{t('unsaved.dialogExplain')}</Text>
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={() => setAsking(false)} data-autofocus data-testid="confirm-cancel">
                {t('confirm.goBack')}
              </Button>
              <Button color="red" onClick={onClose} data-testid="confirm-accept">
                {t('unsaved.discard')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      ) : null}
      <div onInput={() => setTyped(true)} onChange={() => setTyped(true)}>
        {children}
      </div>
    </Modal>
  );
}
