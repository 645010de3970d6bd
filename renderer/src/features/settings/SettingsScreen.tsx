import { Alert, Button, Card, Center, Loader, PasswordInput, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import type { RegistrySettings } from '@shared/contract/registry';
import { call } from '../../api/client';
import { errorText, fieldErrors } from '../../api/errors';
import { useIsAdministrator } from '../../app/permissions';
import { useSession } from '../../state/sessionStore';
import { useRegistrySettings } from '../../data/registrySettings';
import { ReportHeadingCard } from './ReportHeadingCard';
import { useT } from '../../i18n';
import { BackupPanel } from './BackupPanel';
import { AuditCheckCard } from '../../components/AuditCheckCard';
import { AutoLockCard } from './AutoLockCard';
import { DeadlineSettingsCard } from './DeadlineSettingsCard';
import { HolidayCalendarCard } from './HolidayCalendarCard';
import { RekeyCard } from './RekeyCard';
import { UsersCard } from './UsersCard';
import { UnsavedCards } from './unsavedCards';
import { ConfirmDialog } from '../../components/ConfirmDialog';

export function SettingsScreen() {
  return <UnsavedCards>{(anyUnsaved) => <SettingsTabs anyUnsaved={anyUnsaved} />}</UnsavedCards>;
}

/** A tab's cards are dropped when another tab is chosen, so a card holding typing asks first. */
function SettingsTabs({ anyUnsaved }: { anyUnsaved: boolean }) {
  const t = useT();
  const status = useSession((state) => state.status);
  const administrator = useIsAdministrator();
  const [tab, setTab] = useState('general');
  const [pendingTab, setPendingTab] = useState<string | null>(null);
  return (
    <Stack maw={1080} data-testid="settings-screen">
      <Title order={2} fz="h3">
        {t('settings.title')}
      </Title>
      <ConfirmDialog
        opened={pendingTab !== null}
        title={t('unsaved.title')}
        confirmLabel={t('unsaved.leave')}
        danger
        onConfirm={() => {
          if (pendingTab) setTab(pendingTab);
          setPendingTab(null);
        }}
        onCancel={() => setPendingTab(null)}
        data-testid="settings-unsaved"
      >
        {t('unsaved.explain')}
      </ConfirmDialog>
      <Tabs value={tab} onChange={(value) => value && (anyUnsaved ? setPendingTab(value) : setTab(value))} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="general">{t('settingsPage.tab.general')}</Tabs.Tab>
          <Tabs.Tab value="deadlines" data-testid="tab-deadlines">
            {t('settingsPage.tab.deadlines')}
          </Tabs.Tab>
          <Tabs.Tab value="security" data-testid="tab-security">
            {t('settingsPage.tab.security')}
          </Tabs.Tab>
          {administrator && (
            <Tabs.Tab value="users" data-testid="tab-users">
              {t('settingsPage.tab.users')}
            </Tabs.Tab>
          )}
          {administrator && (
            <Tabs.Tab value="backup" data-testid="tab-backup">
              {t('backup.tab')}
            </Tabs.Tab>
          )}
        </Tabs.List>
        <Tabs.Panel value="general" pt="md">
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
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
            <AuditCheckCard />
          </SimpleGrid>
        </Tabs.Panel>
        <Tabs.Panel value="deadlines" pt="md">
          <RegistrySettingsPanel
            render={(settings) => (
              <>
                <DeadlineSettingsCard settings={settings} editable={administrator} />
                <ReportHeadingCard settings={settings} editable={administrator} />
                <HolidayCalendarCard settings={settings} editable={administrator} />
              </>
            )}
          />
        </Tabs.Panel>
        <Tabs.Panel value="security" pt="md">
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
            <ChangePassword />
            <RegistrySettingsPanel render={(settings) => <AutoLockCard settings={settings} editable={administrator} />} />
          </SimpleGrid>
        </Tabs.Panel>
        {administrator && (
          <Tabs.Panel value="users" pt="md">
            <Stack>
              <UsersCard />
              <RekeyCard />
            </Stack>
          </Tabs.Panel>
        )}
        {administrator && (
          <Tabs.Panel value="backup" pt="md">
            <BackupPanel />
          </Tabs.Panel>
        )}
      </Tabs>
    </Stack>
  );
}

/** Cards of the registry's settings (deadlines, holidays, auto-lock): one settings record, read once per session. */
function RegistrySettingsPanel({ render }: { render(settings: RegistrySettings): ReactNode }) {
  const t = useT();
  const settings = useRegistrySettings((state) => state.settings);
  const load = useRegistrySettings((state) => state.load);
  const [failure, setFailure] = useState<unknown>(null);
  useEffect(() => {
    load().catch(setFailure);
  }, [load]);
  if (failure) return <Alert color="red">{errorText(failure, t)}</Alert>;
  if (!settings) {
    return (
      <Center p="xl">
        <Loader />
      </Center>
    );
  }
  return <Stack gap="md">{render(settings)}</Stack>;
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
        <PasswordInput
          label={t('settings.currentPassword')}
          value={values.currentPassword}
          onChange={(event) => set('currentPassword', event.currentTarget.value)}
          error={errors.currentPassword}
          required
        />
        <PasswordInput
          label={t('settings.newPassword')}
          value={values.password}
          onChange={(event) => set('password', event.currentTarget.value)}
          error={errors.password}
          required
        />
        <PasswordInput
          label={t('settings.newPasswordConfirm')}
          value={values.passwordConfirm}
          onChange={(event) => set('passwordConfirm', event.currentTarget.value)}
          error={errors.passwordConfirm}
          required
        />
        {failure && <Alert color="red">{failure}</Alert>}
        <Button type="submit" loading={busy} w="fit-content">
          {t('ui.save')}
        </Button>
      </Stack>
    </Card>
  );
}
