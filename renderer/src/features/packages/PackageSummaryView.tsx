import { Stack } from '@mantine/core';
import type { PackageSummary } from '@shared/contract/exchange';
import { useSession } from '../../state/sessionStore';
import { dateText } from '../../components/DateField';
import { instantText } from '../../components/format';
import { InfoGrid } from '../../components/InfoGrid';
import { useFormatNumber, useT } from '../../i18n';
import { Fingerprint } from './Fingerprint';

/** Who signed a report file, for which period and round, when, and how it travelled. */
export function PackageSummaryView({ summary }: { summary: Omit<PackageSummary, 'report'> }) {
  const t = useT();
  const lang = useSession((state) => state.lang);
  const formatNumber = useFormatNumber();
  return (
    <Stack gap="sm" data-testid="package-summary">
      <InfoGrid
        items={[
          { label: t('packageSummary.kind'), value: t(`packageSummary.kind.${summary.kind}`) },
          { label: t('packageSummary.unit'), value: `${summary.unit.name} (${summary.unit.code})` },
          { label: t('packageSummary.period'), value: `${dateText(summary.period.from)} – ${dateText(summary.period.to)}` },
          { label: t('packageSummary.round'), value: summary.round ?? t('packageSummary.noRound') },
          { label: t('packageSummary.createdAt'), value: instantText(summary.createdAt, lang) },
          {
            label: t('packageSummary.encrypted'),
            value: t(summary.encrypted ? 'packageSummary.encrypted.yes' : 'packageSummary.encrypted.no'),
          },
          ...(summary.kind === 'report'
            ? [
                {
                  label: t('packageSummary.details'),
                  value:
                    summary.detailsCount === null
                      ? t('packageSummary.noDetails')
                      : t('packageSummary.detailsCount', { count: formatNumber(summary.detailsCount) }),
                },
              ]
            : []),
          { label: t('packageSummary.fingerprint'), value: <Fingerprint value={summary.signerFingerprint} />, wide: true },
        ]}
      />
    </Stack>
  );
}
