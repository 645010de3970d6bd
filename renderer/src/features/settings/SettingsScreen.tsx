import { Alert, Button, Card, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { call } from '../../api/client';
import { errorText, fieldErrors } from '../../app/errors';
import { useSession } from '../../app/sessionStore';
import { useT } from '../../i18n';

export function SettingsScreen() {
  const t = useT();
  const status = useSession((state) => state.status);
  return (
    <Stack maw={560}>
      <Title order={2}>{t('settings.title')}</Title>
      <Card withBorder>
        <Text size="sm" c="dimmed">
          {t('settings.dataFile')}
        </Text>
        <Text ff="monospace" size="sm">
          {status?.databaseFile}
        </Text>
        <Text size="sm" c="dimmed" mt="xs">
          {t('settings.version')}: {status?.version}
        </Text>
      </Card>
      <ChangePassword />
    </Stack>
  );
}

function ChangePassword() {
  const t = useT();
  const empty = { currentPassword: '', password: '', passwordConfirm: '' };
  const [values, setValues] = useState(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (field: keyof typeof values, value: string) => setValues((current) => ({ ...current, [field]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    setErrors({});
    try {
      await call('session.changePassword', values);
      setValues(empty);
      notifications.show({ color: 'green', message: t('settings.passwordChanged') });
    } catch (error) {
      setErrors(fieldErrors(error, t));
      setFailure(errorText(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card withBorder component="form" onSubmit={(event: FormEvent) => void submit(event)}>
      <Stack>
        <Title order={4}>{t('settings.changePassword')}</Title>
        <PasswordInput label={t('settings.currentPassword')} value={values.currentPassword} onChange={(event) => set('currentPassword', event.currentTarget.value)} error={errors.currentPassword} required />
        <PasswordInput label={t('settings.newPassword')} value={values.password} onChange={(event) => set('password', event.currentTarget.value)} error={errors.password} required />
        <PasswordInput label={t('settings.newPasswordConfirm')} value={values.passwordConfirm} onChange={(event) => set('passwordConfirm', event.currentTarget.value)} error={errors.passwordConfirm} required />
        {failure && <Alert color="red">{failure}</Alert>}
        <Button type="submit" loading={busy} w="fit-content">
          {t('ui.save')}
        </Button>
      </Stack>
    </Card>
  );
}
