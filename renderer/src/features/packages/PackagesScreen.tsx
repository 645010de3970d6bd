import { Stack, Tabs } from '@mantine/core';
import { useSession } from '../../state/sessionStore';
import { PageHeader } from '../../components/PageHeader';
import { PeriodPicker } from '../../components/PeriodPicker';
import { useT } from '../../i18n';
import { CompletenessPanel } from './CompletenessPanel';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';
import { KeyCardsPanel } from './KeyCardsPanel';
import { usePackagesView, type PackagesTab } from './packageStores';
import { RoundsPanel } from './RoundsPanel';

const tabs: readonly PackagesTab[] = ['send', 'receive', 'completeness', 'rounds', 'keys'];

/**
 * Report files between levels: sending this office's signed report up, receiving the units' reports
 * (or the upper level's request), following who has reported, the reporting rounds and the key cards.
 */
export function PackagesScreen() {
  const t = useT();
  const unit = useSession((state) => state.status?.unit);
  const chosen = usePackagesView((state) => state.tab);
  const setTab = usePackagesView((state) => state.setTab);
  const hasParent = Boolean(unit?.parentCode);
  const upperLevel = unit !== undefined && unit !== null && unit.level !== 'commune';
  const shown = tabs.filter((tab) => (tab === 'send' ? hasParent : tab === 'completeness' ? upperLevel : true));
  const tab = chosen && shown.includes(chosen) ? chosen : (shown[0] ?? 'receive');
  const withPeriod = tab === 'send' || tab === 'completeness';

  return (
    <Stack gap="md" data-testid="packages-screen">
      <PageHeader title={t('packagesScreen.title')} />
      <Tabs
        value={tab}
        onChange={(value) => setTab(tabs.find((candidate) => candidate === value) ?? 'receive')}
        keepMounted={false}
      >
        <Tabs.List>
          {shown.map((value) => (
            <Tabs.Tab key={value} value={value} data-testid={`tab-packages-${value}`}>
              {t(`packagesScreen.tab.${value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {withPeriod && (
          <Stack pt="md">
            <PeriodPicker />
          </Stack>
        )}
        <Tabs.Panel value="send" pt="md">
          <ExportPanel />
        </Tabs.Panel>
        <Tabs.Panel value="receive" pt="md">
          <ImportPanel />
        </Tabs.Panel>
        <Tabs.Panel value="completeness" pt="md">
          <CompletenessPanel />
        </Tabs.Panel>
        <Tabs.Panel value="rounds" pt="md">
          <RoundsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="keys" pt="md">
          <KeyCardsPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
