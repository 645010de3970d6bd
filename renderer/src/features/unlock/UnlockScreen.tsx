import { Alert, Anchor, Button, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconLock, IconRestore } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { ApiError, call } from '../../api/client';
import { errorText, fieldErrors } from '../../api/errors';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { useSession } from '../../state/sessionStore';
import { TrainingBanner } from '../../app/TrainingBanner';
import { TrainingSwitch } from '../../app/TrainingSwitch';
import { RestoreWizard } from '../../components/RestoreWizard';
import { useT } from '../../i18n';

type Mode = 'unlock' | 'recover' | 'restore';

export function UnlockScreen() {
  const [mode, setMode] = useState<Mode>('unlock');
  return (
    <>
      <TrainingBanner />
      <div className="centre-screen">
        <Paper shadow="sm" p="xl" w={mode === 'restore' ? 680 : 440} radius="md" withBorder>
          {mode === 'recover' && <RecoverForm onBack={() => setMode('unlock')} />}
          {mode === 'restore' && <RestoreWizard onBack={() => setMode('unlock')} />}
          {mode === 'unlock' && <UnlockForm onForgot={() => setMode('recover')} onRestore={() => setMode('restore')} />}
        </Paper>
      </div>
    </>
  );
}

/** A file that will not open is not a wrong password: say what happened and offer the way out. */
const damageCodes = new Set(['DATABASE_DAMAGED', 'KEYFILE_MISSING', 'KEYFILE_DAMAGED']);

function DamageAlert({ code, onRestore }: { code: string; onRestore: () => void }) {
  const t = useT();
  const database = code === 'DATABASE_DAMAGED';
  // Found by the check that runs once the registry is open: what was typed since signing in is in the damaged file.
  const afterOpening = useSession((state) => state.status?.foundDamaged ?? false);
  return (
    <Alert
      color={database ? 'red' : 'orange'}
      icon={<IconAlertTriangle size={18} />}
      title={t(database ? 'unlock.damaged.title' : 'unlock.keyfile.title')}
      data-testid="unlock-damaged"
    >
      <Stack gap="xs">
        <Text size="sm">
          {t(database ? (afterOpening ? 'unlock.damaged.afterOpening' : 'unlock.damaged.body') : 'unlock.keyfile.body')}
        </Text>
        <Button
          size="xs"
          variant="white"
          color="red"
          leftSection={<IconRestore size={14} />}
          w="fit-content"
          onClick={onRestore}
          data-testid="unlock-damaged-restore"
        >
          {t('restore.link')}
        </Button>
      </Stack>
    </Alert>
  );
}

function UnlockForm({ onForgot, onRestore }: { onForgot: () => void; onRestore: () => void }) {
  const t = useT();
  const setStatus = useSession((state) => state.setStatus);
  const unitName = useSession((state) => state.status?.lockedUnitName ?? null);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [damage, setDamage] = useState<string | null>(null);
  const foundDamaged = useSession((state) => state.status?.foundDamaged ?? false);
  const shownDamage = damage ?? (foundDamaged && !failure ? 'DATABASE_DAMAGED' : null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    setDamage(null);
    try {
      setStatus(await call('session.unlock', { username, password }));
    } catch (error) {
      if (error instanceof ApiError && damageCodes.has(error.code)) setDamage(error.code);
      else setFailure(errorText(error, t));
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)}>
      <Stack>
        <Group justify="space-between">
          <Title order={2}>{t('app.name')}</Title>
          <LanguageSwitch />
        </Group>
        {unitName ? (
          <Stack gap={0}>
            <Text c="dimmed" size="sm">
              {t('unlock.titleFor')}
            </Text>
            <Text fw={700} size="lg" data-testid="unlock-unit">
              {unitName}
            </Text>
          </Stack>
        ) : (
          <Text c="dimmed">{t('unlock.title')}</Text>
        )}
        <TextInput
          label={t('unlock.username')}
          value={username}
          onChange={(event) => setUsername(event.currentTarget.value)}
          data-testid="unlock-username"
          autoComplete="username"
          autoFocus
          required
        />
        <PasswordInput
          label={t('unlock.password')}
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          data-testid="unlock-password"
          autoComplete="current-password"
          required
        />
        {failure && (
          <Alert color="red" data-testid="unlock-error">
            {failure}
          </Alert>
        )}
        <Button type="submit" leftSection={<IconLock size={16} />} loading={busy} data-testid="unlock-submit">
          {busy ? t('unlock.working') : t('unlock.submit')}
        </Button>
        {shownDamage && <DamageAlert code={shownDamage} onRestore={onRestore} />}
        <Anchor component="button" type="button" size="sm" onClick={onForgot} data-testid="unlock-forgot">
          {t('unlock.forgot')}
        </Anchor>
        <Anchor component="button" type="button" size="sm" onClick={onRestore} data-testid="unlock-restore">
          {t('restore.link')}
        </Anchor>
        <TrainingSwitch />
      </Stack>
    </form>
  );
}

function RecoverForm({ onBack }: { onBack: () => void }) {
  const t = useT();
  const setStatus = useSession((state) => state.setStatus);
  const [values, setValues] = useState({ recoveryKey: '', username: '', password: '', passwordConfirm: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const set = (field: keyof typeof values, value: string) => setValues((current) => ({ ...current, [field]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      setStatus(await call('session.recover', values));
    } catch (error) {
      setErrors(fieldErrors(error, t));
      setFailure(errorText(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)}>
      <Stack>
        <Title order={3}>{t('recover.title')}</Title>
        <TextInput
          label={t('recover.recoveryKey')}
          value={values.recoveryKey}
          onChange={(event) => set('recoveryKey', event.currentTarget.value)}
          error={errors.recoveryKey}
          data-testid="recover-key"
          required
        />
        <TextInput
          label={t('recover.username')}
          value={values.username}
          onChange={(event) => set('username', event.currentTarget.value)}
          error={errors.username}
          data-testid="recover-username"
          required
        />
        <PasswordInput
          label={t('recover.password')}
          value={values.password}
          onChange={(event) => set('password', event.currentTarget.value)}
          error={errors.password}
          data-testid="recover-password"
          required
        />
        <PasswordInput
          label={t('recover.passwordConfirm')}
          value={values.passwordConfirm}
          onChange={(event) => set('passwordConfirm', event.currentTarget.value)}
          error={errors.passwordConfirm}
          data-testid="recover-password-confirm"
          required
        />
        {failure && (
          <Alert color="red" data-testid="recover-error">
            {failure}
          </Alert>
        )}
        <Button type="submit" loading={busy} data-testid="recover-submit">
          {t('recover.submit')}
        </Button>
        <Anchor component="button" type="button" size="sm" onClick={onBack}>
          {t('recover.back')}
        </Anchor>
      </Stack>
    </form>
  );
}
