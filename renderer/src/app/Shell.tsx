import { AppShell, Button, Group, Loader, NavLink, Stack, Text, Title } from '@mantine/core';
import {
  IconBooks,
  IconClipboardCheck,
  IconFileExport,
  IconHistory,
  IconHome,
  IconListSearch,
  IconLock,
  IconPlaneDeparture,
  IconReportAnalytics,
  IconSettings,
  IconTableImport,
  IconUsers,
} from '@tabler/icons-react';
import { Suspense, useEffect, type ComponentType } from 'react';
import { auditReaders } from '@shared/contract/audit';
import { dataEntry } from '@shared/contract/define';
import type { UserRole } from '@shared/domain/enums';
import type { MessageKey } from '@shared/i18n';
import { HomeScreen } from '../features/home/HomeScreen';
import { PackageFileDrop } from '../features/packages/PackageFileDrop';
import { useT } from '../i18n';
import { lazyScreen } from './lazyScreen';
import { LanguageSwitch } from './LanguageSwitch';
import { useNavigation, type View } from '../state/navigation';
import { useSession } from '../state/sessionStore';
import { TrainingBanner } from './TrainingBanner';
import { TrainingSwitch } from './TrainingSwitch';
import { UnsavedChangesDialog } from './UnsavedChanges';
import { useActivityReporter } from './useActivityReporter';

// Each section's code is a chunk of its own, all fetched once the dashboard is up (see Shell).
const MembersScreen = lazyScreen(async () => (await import('../features/members/MembersScreen')).MembersScreen);
const TripsScreen = lazyScreen(async () => (await import('../features/trips/TripsScreen')).TripsScreen);
const AnnualRecordsScreen = lazyScreen(
  async () => (await import('../features/annualRecords/AnnualRecordsScreen')).AnnualRecordsScreen,
);
const ReportsScreen = lazyScreen(async () => (await import('../features/reports/ReportsScreen')).ReportsScreen);
const PackagesScreen = lazyScreen(async () => (await import('../features/packages/PackagesScreen')).PackagesScreen);
const CataloguesScreen = lazyScreen(async () => (await import('../features/catalogues/CataloguesScreen')).CataloguesScreen);
const ImportScreen = lazyScreen(async () => (await import('../features/import/ImportScreen')).ImportScreen);
const ReconcileScreen = lazyScreen(async () => (await import('../features/reconcile/ReconcileScreen')).ReconcileScreen);
const AuditScreen = lazyScreen(async () => (await import('../features/audit/AuditScreen')).AuditScreen);
const SettingsScreen = lazyScreen(async () => (await import('../features/settings/SettingsScreen')).SettingsScreen);
const DetailScreen = lazyScreen(async () => (await import('./DetailScreen')).DetailScreen);
const deferredScreens = [
  MembersScreen,
  TripsScreen,
  AnnualRecordsScreen,
  ReportsScreen,
  PackagesScreen,
  CataloguesScreen,
  ImportScreen,
  ReconcileScreen,
  AuditScreen,
  SettingsScreen,
  DetailScreen,
];

const sections: {
  view: View;
  label: MessageKey;
  icon: ComponentType<{ size?: number }>;
  screen: ComponentType;
  roles?: readonly UserRole[];
}[] = [
  { view: 'home', label: 'nav.home', icon: IconHome, screen: HomeScreen },
  { view: 'members', label: 'nav.members', icon: IconUsers, screen: MembersScreen },
  { view: 'trips', label: 'nav.trips', icon: IconPlaneDeparture, screen: TripsScreen },
  { view: 'annualRecords', label: 'annualRecord.nav', icon: IconClipboardCheck, screen: AnnualRecordsScreen },
  { view: 'reports', label: 'nav.reports', icon: IconReportAnalytics, screen: ReportsScreen },
  { view: 'packages', label: 'nav.packages', icon: IconFileExport, screen: PackagesScreen },
  { view: 'catalogues', label: 'nav.catalogues', icon: IconBooks, screen: CataloguesScreen },
  { view: 'import', label: 'nav.import', icon: IconTableImport, screen: ImportScreen },
  { view: 'reconcile', label: 'nav.reconcile', icon: IconListSearch, screen: ReconcileScreen, roles: dataEntry },
  { view: 'audit', label: 'nav.audit', icon: IconHistory, screen: AuditScreen, roles: auditReaders },
  { view: 'settings', label: 'nav.settings', icon: IconSettings, screen: SettingsScreen },
];

export function Shell() {
  const t = useT();
  const status = useSession((state) => state.status);
  const lock = useSession((state) => state.lock);
  const view = useNavigation((state) => state.view);
  const detail = useNavigation((state) => state.detail);
  const go = useNavigation((state) => state.go);
  const leaveThen = useNavigation((state) => state.leaveThen);
  const Screen = sections.find((section) => section.view === view)?.screen ?? HomeScreen;
  const headerHeight = status?.training ? 84 : 56;
  useActivityReporter();

  // Fetched after the dashboard's first paint, so a click on a section never waits for its code.
  useEffect(() => {
    const timer = setTimeout(() => {
      for (const screen of deferredScreens) void screen.preload();
    }, 0);
    return () => clearTimeout(timer);
  }, []);

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
            {status?.training && <TrainingSwitch withAccount={false} />}
            <LanguageSwitch />
            <Text size="sm">{t('nav.signedInAs', { name: status?.user?.displayName ?? '' })}</Text>
            <Button
              variant="light"
              leftSection={<IconLock size={16} />}
              onClick={() => leaveThen(() => void lock())}
              data-testid="lock"
            >
              {t('nav.lock')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <Stack gap={2}>
          {sections
            .filter((section) => !section.roles || (status?.user && section.roles.includes(status.user.role)))
            .map((section) => (
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
        <PackageFileDrop />
        <UnsavedChangesDialog />
        <Suspense fallback={<Loader m="md" />}>{detail ? <DetailScreen detail={detail} /> : <Screen key={view} />}</Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
