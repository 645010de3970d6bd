import { AppShell, Button, Group, NavLink, Stack, Text, Title } from '@mantine/core';
import { IconFileExport, IconHome, IconLock, IconPlaneDeparture, IconReportAnalytics, IconSettings, IconUsers } from '@tabler/icons-react';
import type { ComponentType } from 'react';
import type { MessageKey } from '../../../shared/i18n';
import { HomeScreen } from '../features/home/HomeScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { ComingSoon } from './ComingSoon';
import { useT } from '../i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { useNavigation, type View } from './navigation';
import { useSession } from './sessionStore';
import { TrainingBanner } from './TrainingBanner';
import { useActivityReporter } from './useActivityReporter';

const sections: { view: View; label: MessageKey; icon: ComponentType<{ size?: number }>; screen: ComponentType }[] = [
  { view: 'home', label: 'nav.home', icon: IconHome, screen: HomeScreen },
  { view: 'members', label: 'nav.members', icon: IconUsers, screen: ComingSoon },
  { view: 'trips', label: 'nav.trips', icon: IconPlaneDeparture, screen: ComingSoon },
  { view: 'reports', label: 'nav.reports', icon: IconReportAnalytics, screen: ComingSoon },
  { view: 'packages', label: 'nav.packages', icon: IconFileExport, screen: ComingSoon },
  { view: 'settings', label: 'nav.settings', icon: IconSettings, screen: SettingsScreen },
];

export function Shell() {
  const t = useT();
  const status = useSession((state) => state.status);
  const lock = useSession((state) => state.lock);
  const view = useNavigation((state) => state.view);
  const go = useNavigation((state) => state.go);
  const Screen = sections.find((section) => section.view === view)?.screen ?? HomeScreen;
  const headerHeight = status?.training ? 84 : 56;
  useActivityReporter();

  return (
    <AppShell header={{ height: headerHeight }} navbar={{ width: 232, breakpoint: 0 }} padding="md">
      <AppShell.Header>
        <TrainingBanner />
        <Group h={56} px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Title order={3} c="red.8">
              {t('app.name')}
            </Title>
            <Text size="sm" c="dimmed" truncate>
              {status?.unit?.name}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitch />
            <Text size="sm">{t('nav.signedInAs', { name: status?.user?.displayName ?? '' })}</Text>
            <Button variant="light" leftSection={<IconLock size={16} />} onClick={() => void lock()} data-testid="lock">
              {t('nav.lock')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <Stack gap={2}>
          {sections.map((section) => (
            <NavLink
              key={section.view}
              label={t(section.label)}
              leftSection={<section.icon size={18} />}
              active={view === section.view}
              onClick={() => go(section.view)}
              data-testid={`nav-${section.view}`}
            />
          ))}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main>
        <Screen />
      </AppShell.Main>
    </AppShell>
  );
}
