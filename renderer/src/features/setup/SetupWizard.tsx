import {
  Alert,
  Anchor,
  Button,
  Group,
  Paper,
  PasswordInput,
  Select,
  Stack,
  Stepper,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { SetupInput, UnitInput } from '@shared/contract/foundation';
import { unitLevels, type UnitLevel } from '@shared/domain/enums';
import type { MessageKey } from '@shared/i18n';
import { emptyReportHeadingSettings, type ReportHeadingSettings } from '@shared/report/issuer';
import { issuesFromZod } from '@shared/validation';
import { call } from '../../api/client';
import { errorText, fieldErrors, localFieldErrors } from '../../api/errors';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { useSession } from '../../state/sessionStore';
import { TrainingSwitch } from '../../app/TrainingSwitch';
import { ReportHeadingFields } from '../../components/ReportHeadingFields';
import { useT } from '../../i18n';
import { RestoreWizard } from '../../components/RestoreWizard';
import { RecoveryKeyConfirmation } from '../../components/RecoveryKeyConfirmation';

interface Draft {
  unit: { code: string; name: string; level: UnitLevel; parentCode: string };
  reportHeading: ReportHeadingSettings;
  admin: { username: string; displayName: string; password: string; passwordConfirm: string };
}

const emptyDraft: Draft = {
  unit: { code: '', name: '', level: 'commune', parentCode: '' },
  reportHeading: emptyReportHeadingSettings,
  admin: { username: '', displayName: '', password: '', passwordConfirm: '' },
};

/** The heading fields are optional: left empty, the registry derives them from the unit's name and level. */
function unitPayload(draft: Draft) {
  const headingGiven = Object.values(draft.reportHeading).some((value) => value.trim() !== '');
  return {
    ...draft.unit,
    parentCode: draft.unit.parentCode.trim() === '' ? null : draft.unit.parentCode,
    ...(headingGiven ? { reportHeading: draft.reportHeading } : {}),
  };
}

export function SetupWizard() {
  const t = useT();
  const setStatus = useSession((state) => state.setStatus);
  const [step, setStep] = useState(0);
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [restoring, setRestoring] = useState(false);

  const setUnit = (field: keyof Draft['unit'], value: string) =>
    setDraft((current) => ({ ...current, unit: { ...current.unit, [field]: value } }));
  const setAdmin = (field: keyof Draft['admin'], value: string) =>
    setDraft((current) => ({ ...current, admin: { ...current.admin, [field]: value } }));

  const nextFromUnit = () => {
    const checked = UnitInput.safeParse(unitPayload(draft));
    const found = checked.success ? {} : localFieldErrors(issuesFromZod(checked.error), t, 'unit');
    if (draft.unit.level !== 'central' && draft.unit.parentCode.trim() === '')
      found['unit.parentCode'] = t('error.PARENT_REQUIRED');
    setErrors(found);
    if (Object.keys(found).length === 0) setStep(1);
  };

  const nextFromAdmin = async () => {
    const checked = SetupInput.safeParse({ unit: unitPayload(draft), admin: draft.admin, recoveryKeyConfirmed: true });
    const found = checked.success ? {} : localFieldErrors(issuesFromZod(checked.error), t);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    if (!recoveryKey) setRecoveryKey((await call('setup.newRecoveryKey', {})).recoveryKey);
    setStep(2);
  };

  const finish = async () => {
    setBusy(true);
    setFailure(null);
    try {
      setStatus(
        await call('setup.create', { unit: unitPayload(draft), admin: draft.admin, recoveryKeyConfirmed: confirmed as true }),
      );
    } catch (error) {
      const found = fieldErrors(error, t);
      setErrors(found);
      setFailure(errorText(error, t));
      if (Object.keys(found).some((path) => path.startsWith('unit.'))) setStep(0);
      else if (Object.keys(found).some((path) => path.startsWith('admin.'))) setStep(1);
    } finally {
      setBusy(false);
    }
  };

  if (restoring) {
    return (
      <div className="centre-screen">
        <Paper shadow="sm" p="xl" w={680} radius="md" withBorder>
          <RestoreWizard onBack={() => setRestoring(false)} />
        </Paper>
      </div>
    );
  }

  return (
    <div className="centre-screen">
      <Paper shadow="sm" p="xl" w={640} radius="md" withBorder>
        <Stack>
          <Group justify="space-between" className="no-print">
            <Title order={2}>{t('setup.title')}</Title>
            <LanguageSwitch />
          </Group>
          <Text c="dimmed" className="no-print">
            {t('setup.intro')}
          </Text>
          <Anchor
            component="button"
            type="button"
            size="sm"
            className="no-print"
            w="fit-content"
            onClick={() => setRestoring(true)}
            data-testid="setup-restore"
          >
            {t('setup.restoreInstead')}
          </Anchor>
          <div className="no-print">
            <TrainingSwitch />
          </div>
          <Stepper active={step} size="sm">
            <Stepper.Step label={t('setup.step.unit')}>
              <Stack mt="md">
                <TextInput
                  label={t('setup.unit.name')}
                  description={t('setup.unit.name.hint')}
                  value={draft.unit.name}
                  onChange={(event) => setUnit('name', event.currentTarget.value)}
                  error={errors['unit.name']}
                  data-testid="unit-name"
                  required
                />
                <TextInput
                  label={t('setup.unit.code')}
                  description={t('setup.unit.code.hint')}
                  value={draft.unit.code}
                  onChange={(event) => setUnit('code', event.currentTarget.value)}
                  error={errors['unit.code']}
                  data-testid="unit-code"
                  required
                />
                <Select
                  label={t('setup.unit.level')}
                  value={draft.unit.level}
                  onChange={(value) => value && setUnit('level', value)}
                  data={unitLevels.map((level) => ({ value: level, label: t(`level.${level}` as MessageKey) }))}
                  allowDeselect={false}
                  withAsterisk
                  data-testid="unit-level"
                />
                <TextInput
                  label={t('setup.unit.parent')}
                  description={t('setup.unit.parent.hint')}
                  value={draft.unit.parentCode}
                  onChange={(event) => setUnit('parentCode', event.currentTarget.value)}
                  error={errors['unit.parentCode']}
                  withAsterisk={draft.unit.level !== 'central'}
                  data-testid="unit-parent"
                />
                <Stack gap={4}>
                  <Text fw={500} size="sm">
                    {t('settingsPage.reportHeading')}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('settingsPage.reportHeading.help')}
                  </Text>
                </Stack>
                <ReportHeadingFields
                  value={draft.reportHeading}
                  onChange={(reportHeading) => setDraft((current) => ({ ...current, reportHeading }))}
                  errors={errors}
                  errorPrefix="unit.reportHeading"
                  narrow
                />
                <Group justify="flex-end">
                  <Button onClick={nextFromUnit} data-testid="next">
                    {t('ui.next')}
                  </Button>
                </Group>
              </Stack>
            </Stepper.Step>
            <Stepper.Step label={t('setup.step.admin')}>
              <Stack mt="md">
                <TextInput
                  label={t('setup.admin.displayName')}
                  value={draft.admin.displayName}
                  onChange={(event) => setAdmin('displayName', event.currentTarget.value)}
                  error={errors['admin.displayName']}
                  data-testid="admin-name"
                  required
                />
                <TextInput
                  label={t('setup.admin.username')}
                  value={draft.admin.username}
                  onChange={(event) => setAdmin('username', event.currentTarget.value)}
                  error={errors['admin.username']}
                  data-testid="admin-username"
                  autoComplete="off"
                  required
                />
                <PasswordInput
                  label={t('setup.admin.password')}
                  description={t('setup.admin.password.hint')}
                  value={draft.admin.password}
                  onChange={(event) => setAdmin('password', event.currentTarget.value)}
                  error={errors['admin.password']}
                  data-testid="admin-password"
                  required
                />
                <PasswordInput
                  label={t('setup.admin.passwordConfirm')}
                  value={draft.admin.passwordConfirm}
                  onChange={(event) => setAdmin('passwordConfirm', event.currentTarget.value)}
                  error={errors['admin.passwordConfirm']}
                  data-testid="admin-password-confirm"
                  required
                />
                <Group justify="space-between">
                  <Button variant="default" onClick={() => setStep(0)}>
                    {t('ui.back')}
                  </Button>
                  <Button onClick={() => void nextFromAdmin()} data-testid="next">
                    {t('ui.next')}
                  </Button>
                </Group>
              </Stack>
            </Stepper.Step>
            <Stepper.Step label={t('setup.step.recovery')}>
              <Stack mt="md">
                <RecoveryKeyConfirmation
                  recoveryKey={recoveryKey}
                  explanation={t('setup.recovery.explain')}
                  confirmed={confirmed}
                  onConfirmedChange={setConfirmed}
                />
                {failure && (
                  <Alert color="red" className="no-print" data-testid="setup-error">
                    {failure}
                  </Alert>
                )}
                <Group justify="space-between" className="no-print">
                  <Button variant="default" onClick={() => setStep(1)} disabled={busy}>
                    {t('ui.back')}
                  </Button>
                  <Button onClick={() => void finish()} disabled={!confirmed} loading={busy} data-testid="finish">
                    {t('setup.finish')}
                  </Button>
                </Group>
              </Stack>
            </Stepper.Step>
          </Stepper>
        </Stack>
      </Paper>
    </div>
  );
}
