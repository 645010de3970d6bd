import {
  Alert,
  Button,
  Checkbox,
  FileInput,
  Group,
  PasswordInput,
  Stack,
  Stepper,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconFileCheck, IconRestore } from '@tabler/icons-react';
import { useState } from 'react';
import type { BackupCredentials, BackupInspection } from '@shared/contract/backup';
import type { Rekeyed } from '@shared/contract/users';
import { call } from '../api/client';
import { useSession } from '../state/sessionStore';
import { FailureAlert } from './FailureAlert';
import { readAsBase64 } from './files';
import { fileSizeText, instantText } from './format';
import { useAction } from './useAction';
import { useFormatNumber, useT } from '../i18n';
import { NewRecoveryKeyModal } from './NewRecoveryKeyModal';

interface RestoreWizardProps {
  /** Back to where the wizard was opened from, nothing changed. */
  onBack(): void;
}

interface ChosenFile {
  fileName: string;
  contentBase64: string;
}

/**
 * Restores the registry from a `.so86bak` file at the sign-in screen: the file is checked as
 * it is chosen (structure and every checksum), then opened with a password or the recovery key
 * (integrity check), and only after a confirmation does it replace the registry, which is kept.
 */
export function RestoreWizard({ onBack }: RestoreWizardProps) {
  const t = useT();
  const lang = useSession((state) => state.lang);
  const refresh = useSession((state) => state.refresh);
  const formatNumber = useFormatNumber();
  const [step, setStep] = useState(0);
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [inspection, setInspection] = useState<BackupInspection | null>(null);
  const [useRecoveryKey, setUseRecoveryKey] = useState(false);
  const [credentials, setCredentials] = useState({ username: '', password: '', recoveryKey: '' });
  const [understood, setUnderstood] = useState(false);
  const [keptAs, setKeptAs] = useState<string | null>(null);
  const [disabledAccounts, setDisabledAccounts] = useState<string[]>([]);
  const [rekeyed, setRekeyed] = useState<Rekeyed | null>(null);
  const reading = useAction();
  const checking = useAction();
  const restoring = useAction();

  const choose = async (chosen: File | null) => {
    setFile(null);
    setInspection(null);
    if (!chosen) return;
    const picked = { fileName: chosen.name, contentBase64: await readAsBase64(chosen) };
    const inspected = await reading.run(() => call('backup.inspect', picked));
    if (inspected) {
      setFile(picked);
      setInspection(inspected);
    }
  };

  const proof = (): BackupCredentials =>
    useRecoveryKey
      ? { recoveryKey: credentials.recoveryKey }
      : { password: credentials.password, ...(credentials.username.trim() ? { username: credentials.username.trim() } : {}) };

  const check = async () => {
    if (!file) return;
    const inspected = await checking.run(() => call('backup.inspect', { ...file, credentials: proof() }));
    if (inspected) setInspection(inspected);
  };

  const restore = async () => {
    if (!file) return;
    const restored = await restoring.run(() => call('backup.restore', { ...file, credentials: proof() }));
    if (!restored) return;
    setKeptAs(restored.keptAs);
    setDisabledAccounts(restored.disabledAccounts);
    setRekeyed(restored.rekeyed);
    setCredentials({ username: '', password: '', recoveryKey: '' });
    setStep(3);
  };

  const summary = inspection?.summary;
  const opened = inspection?.opened;

  return (
    <Stack data-testid="restore-wizard">
      <Title order={3}>{t('restore.title')}</Title>
      <Stepper active={step} size="sm">
        <Stepper.Step label={t('restore.step.file')}>
          <Stack mt="md">
            <FileInput
              label={t('restore.file')}
              description={t('restore.file.hint')}
              accept=".so86bak"
              leftSection={<IconFileCheck size={16} />}
              onChange={(chosen) => void choose(chosen)}
              disabled={reading.busy}
              data-testid="restore-file"
              clearable
            />
            {reading.busy && <Text size="sm">{t('restore.reading')}</Text>}
            <FailureAlert error={reading.error} data-testid="restore-file-error" />
            {summary && (
              <>
                <Alert color="green" icon={<IconCircleCheck size={18} />} data-testid="restore-structure">
                  {t('restore.structureOk')}
                </Alert>
                <Table withRowBorders={false} verticalSpacing={2} data-testid="restore-summary">
                  <Table.Tbody>
                    <Table.Tr>
                      <Table.Th w={180}>{t('restore.unit')}</Table.Th>
                      <Table.Td>{summary.unitCode}</Table.Td>
                    </Table.Tr>
                    <Table.Tr>
                      <Table.Th>{t('restore.createdAt')}</Table.Th>
                      <Table.Td>{instantText(summary.createdAt, lang)}</Table.Td>
                    </Table.Tr>
                    <Table.Tr>
                      <Table.Th>{t('restore.size')}</Table.Th>
                      <Table.Td>{fileSizeText(summary.bytes, lang)}</Table.Td>
                    </Table.Tr>
                    <Table.Tr>
                      <Table.Th>{t('restore.appVersion')}</Table.Th>
                      <Table.Td>{summary.appVersion}</Table.Td>
                    </Table.Tr>
                  </Table.Tbody>
                </Table>
              </>
            )}
            <Group justify="space-between">
              <Button variant="default" onClick={onBack}>
                {t('restore.back')}
              </Button>
              <Button onClick={() => setStep(1)} disabled={!summary} data-testid="restore-to-check">
                {t('ui.next')}
              </Button>
            </Group>
          </Stack>
        </Stepper.Step>

        <Stepper.Step label={t('restore.step.check')}>
          <Stack mt="md">
            <Text size="sm">{t('restore.credentials')}</Text>
            <Switch
              label={t('restore.useRecoveryKey')}
              checked={useRecoveryKey}
              onChange={(event) => setUseRecoveryKey(event.currentTarget.checked)}
              data-testid="restore-use-recovery"
            />
            {useRecoveryKey ? (
              <TextInput
                label={t('restore.recoveryKey')}
                value={credentials.recoveryKey}
                onChange={(event) => setCredentials({ ...credentials, recoveryKey: event.currentTarget.value })}
                data-testid="restore-recovery-key"
                autoComplete="off"
              />
            ) : (
              <>
                <TextInput
                  label={t('restore.username')}
                  value={credentials.username}
                  onChange={(event) => setCredentials({ ...credentials, username: event.currentTarget.value })}
                  data-testid="restore-username"
                  autoComplete="off"
                />
                <PasswordInput
                  label={t('restore.password')}
                  value={credentials.password}
                  onChange={(event) => setCredentials({ ...credentials, password: event.currentTarget.value })}
                  data-testid="restore-password"
                />
              </>
            )}
            <Button
              variant="light"
              w="fit-content"
              onClick={() => void check()}
              loading={checking.busy}
              data-testid="restore-check"
            >
              {checking.busy ? t('restore.checking') : t('restore.check')}
            </Button>
            <FailureAlert error={checking.error} data-testid="restore-check-error" />
            {opened && (
              <Alert
                color="green"
                icon={<IconCircleCheck size={18} />}
                title={t('restore.verdictOk')}
                data-testid="restore-verdict"
              >
                <Text size="sm">
                  {t('restore.counts', {
                    unit: opened.unitName,
                    members: formatNumber(opened.counts.members),
                    trips: formatNumber(opened.counts.trips),
                    users: formatNumber(opened.counts.users),
                  })}
                </Text>
                <Text size="sm" c={opened.auditChainIntact ? undefined : 'red'}>
                  {t(opened.auditChainIntact ? 'restore.auditIntact' : 'restore.auditBroken')}
                </Text>
              </Alert>
            )}
            <Group justify="space-between">
              <Button variant="default" onClick={() => setStep(0)}>
                {t('ui.back')}
              </Button>
              <Button onClick={() => setStep(2)} disabled={!opened} data-testid="restore-to-confirm">
                {t('ui.next')}
              </Button>
            </Group>
          </Stack>
        </Stepper.Step>

        <Stepper.Step label={t('restore.step.confirm')}>
          <Stack mt="md">
            <Alert color="orange" icon={<IconAlertTriangle size={18} />} data-testid="restore-confirm-text">
              {t('restore.confirm.explain', { time: summary ? instantText(summary.createdAt, lang) : '' })}
            </Alert>
            <Checkbox
              label={t('restore.confirm.understood')}
              checked={understood}
              onChange={(event) => setUnderstood(event.currentTarget.checked)}
              data-testid="restore-understood"
            />
            <FailureAlert error={restoring.error} data-testid="restore-error" />
            <Group justify="space-between">
              <Button variant="default" onClick={() => setStep(1)} disabled={restoring.busy}>
                {t('ui.back')}
              </Button>
              <Button
                color="red"
                leftSection={<IconRestore size={16} />}
                onClick={() => void restore()}
                disabled={!understood}
                loading={restoring.busy}
                data-testid="restore-submit"
              >
                {restoring.busy ? t('restore.working') : t('restore.submit')}
              </Button>
            </Group>
          </Stack>
        </Stepper.Step>

        <Stepper.Step label={t('restore.step.done')}>
          <Stack mt="md">
            <Alert color="green" icon={<IconCircleCheck size={18} />} data-testid="restore-done">
              {t('restore.done', { time: summary ? instantText(summary.createdAt, lang) : '' })}
            </Alert>
            {keptAs && (
              <Text size="sm" data-testid="restore-kept">
                {t('restore.kept', { file: keptAs })}
              </Text>
            )}
            {disabledAccounts.length > 0 && (
              <Alert color="orange" data-testid="restore-accounts-disabled">
                {t('restore.accountsDisabled', { users: disabledAccounts.join(', ') })}
              </Alert>
            )}
            <NewRecoveryKeyModal rekeyed={rekeyed} note={t('restore.rekeyed')} onDone={() => setRekeyed(null)} />
            <Group justify="flex-end">
              <Button onClick={() => void refresh().then(onBack)} data-testid="restore-sign-in">
                {t('restore.signIn')}
              </Button>
            </Group>
          </Stack>
        </Stepper.Step>
      </Stepper>
    </Stack>
  );
}
