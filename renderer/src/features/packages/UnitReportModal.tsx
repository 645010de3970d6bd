import { Alert, Badge, Loader, Modal, ScrollArea, Stack, Table, Tabs, Text } from '@mantine/core';
import { useCallback } from 'react';
import type { Period } from '@shared/contract/dashboard';
import type { PackageStanding, PackageTripRecord } from '@shared/contract/exchange';
import { call } from '../../api/client';
import { errorText } from '../../api/errors';
import { useSession } from '../../state/sessionStore';
import { useCountryNames } from '../../components/CountrySelect';
import { dateText } from '../../components/DateField';
import { instantText } from '../../components/format';
import { AppendixTables, FiguresTable } from '../../components/ReportTables';
import { BracketLabel, FlagMarks, TripStateBadge } from '../../components/tripLabels';
import { useRecord } from '../../components/useRecord';
import { useFormatNumber, useT } from '../../i18n';
import { PackageSummaryView } from './PackageSummaryView';

export interface OpenedUnit {
  code: string;
  name: string;
  packageId: string;
}

/** A subordinate unit's report as received: what it signed, its trip records when sent, and every version received. */
export function UnitReportModal({ unit, period, onClose }: { unit: OpenedUnit | null; period: Period; onClose(): void }) {
  const t = useT();
  return (
    <Modal
      opened={unit !== null}
      onClose={onClose}
      title={unit ? t('unitReport.title', { unit: unit.name }) : ''}
      size="90%"
      data-testid="unit-report"
    >
      {unit && <UnitReport unit={unit} period={period} />}
    </Modal>
  );
}

function UnitReport({ unit, period }: { unit: OpenedUnit; period: Period }) {
  const t = useT();
  const formatNumber = useFormatNumber();
  const read = useCallback(() => call('packages.unitReport', { packageId: unit.packageId }), [unit.packageId]);
  const received = useRecord(read);
  if (received.failure) return <Alert color="red">{errorText(received.failure, t)}</Alert>;
  if (!received.value) return <Loader size="sm" />;
  const summary = received.value;

  return (
    <Tabs defaultValue="report" keepMounted={false}>
      <Tabs.List>
        <Tabs.Tab value="report">{t('unitReport.tab.report')}</Tabs.Tab>
        <Tabs.Tab value="details" data-testid="tab-unit-details">
          {t('unitReport.tab.details', { count: formatNumber(summary.detailsCount ?? 0) })}
        </Tabs.Tab>
        <Tabs.Tab value="history" data-testid="tab-unit-history">
          {t('unitReport.tab.history')}
        </Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="report" pt="md">
        <Stack gap="lg">
          <PackageSummaryView summary={summary} />
          {summary.report && (
            <>
              <FiguresTable figures={summary.report.figures} />
              <AppendixTables data={summary.report} unauthorisedStayHandling="" />
            </>
          )}
        </Stack>
      </Tabs.Panel>
      <Tabs.Panel value="details" pt="md">
        {summary.detailsCount === null ? (
          <Text size="sm" c="dimmed">
            {t('unitReport.noDetails')}
          </Text>
        ) : (
          <UnitTrips packageId={unit.packageId} />
        )}
      </Tabs.Panel>
      <Tabs.Panel value="history" pt="md">
        <UnitHistory unitCode={unit.code} period={period} />
      </Tabs.Panel>
    </Tabs>
  );
}

function UnitTrips({ packageId }: { packageId: string }) {
  const t = useT();
  const countryNames = useCountryNames();
  const read = useCallback(() => call('packages.details', { packageId }), [packageId]);
  const details = useRecord(read);
  if (details.failure) return <Alert color="red">{errorText(details.failure, t)}</Alert>;
  if (!details.value) return <Loader size="sm" />;
  const trips: PackageTripRecord[] = details.value;
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {t('unitReport.detailsReadOnly')}
      </Text>
      <ScrollArea.Autosize mah="60vh" type="auto">
        <Table striped fz="sm" verticalSpacing={4} stickyHeader data-testid="unit-trips">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('tripField.member')}</Table.Th>
              <Table.Th>{t('unitReport.cell')}</Table.Th>
              <Table.Th>{t('tripField.purpose')}</Table.Th>
              <Table.Th>{t('tripField.countries')}</Table.Th>
              <Table.Th>{t('trips.plannedPeriod')}</Table.Th>
              <Table.Th>{t('tripField.state')}</Table.Th>
              <Table.Th>{t('tripField.bracket')}</Table.Th>
              <Table.Th ta="center">{t('tripField.flags')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {trips.map((trip, index) => (
              <Table.Tr key={index} data-testid="unit-trip">
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {trip.memberName}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {trip.memberCode}
                  </Text>
                </Table.Td>
                <Table.Td>{trip.cellName}</Table.Td>
                <Table.Td>{t(`purpose.${trip.purpose}`)}</Table.Td>
                <Table.Td>{countryNames(trip.countries)}</Table.Td>
                <Table.Td className="nowrap">
                  {dateText(trip.plannedDeparture)} – {dateText(trip.plannedReturn)}
                </Table.Td>
                <Table.Td>
                  <TripStateBadge state={trip.state} />
                </Table.Td>
                <Table.Td>
                  <BracketLabel bracket={trip.bracket} />
                </Table.Td>
                <Table.Td ta="center">
                  <FlagMarks flags={trip.flags} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Stack>
  );
}

const standingColours: Record<PackageStanding, string> = { current: 'green', superseded: 'gray', signer_revoked: 'red' };

function UnitHistory({ unitCode, period }: { unitCode: string; period: Period }) {
  const t = useT();
  const lang = useSession((state) => state.lang);
  const read = useCallback(() => call('packages.history', { unitCode, period }), [unitCode, period]);
  const history = useRecord(read);
  if (history.failure) return <Alert color="red">{errorText(history.failure, t)}</Alert>;
  if (!history.value) return <Loader size="sm" />;
  return (
    <Table striped fz="sm" verticalSpacing={6} data-testid="unit-history">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('packageSummary.createdAt')}</Table.Th>
          <Table.Th>{t('completeness.importedAt')}</Table.Th>
          <Table.Th>{t('packageSummary.round')}</Table.Th>
          <Table.Th>{t('packageSummary.encrypted')}</Table.Th>
          <Table.Th>{t('packageSummary.details')}</Table.Th>
          <Table.Th>{t('completeness.status')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {history.value.map((entry) => (
          <Table.Tr
            key={entry.packageId}
            className={entry.standing === 'current' ? undefined : 'replaced-row'}
            data-testid="unit-history-row"
          >
            <Table.Td>{instantText(entry.createdAt, lang)}</Table.Td>
            <Table.Td>{instantText(entry.importedAt, lang)}</Table.Td>
            <Table.Td>{entry.round ?? '—'}</Table.Td>
            <Table.Td>{t(entry.encrypted ? 'common.yes' : 'common.no')}</Table.Td>
            <Table.Td>
              {entry.detailsCount === null
                ? t('packageSummary.noDetails')
                : t('packageSummary.detailsCount', { count: entry.detailsCount })}
            </Table.Td>
            <Table.Td>
              <Badge color={standingColours[entry.standing]} variant="light" tt="none">
                {t(`unitReport.${entry.standing}`)}
              </Badge>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
