import { Alert, Badge, Card, Grid, Group, Loader, SimpleGrid, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle, IconChevronRight } from '@tabler/icons-react';
import { useCallback, useMemo, type ReactNode } from 'react';
import type { Dashboard as DashboardData } from '@shared/contract/dashboard';
import type { TripRow } from '@shared/contract/registry';
import { complianceFlags, durationBrackets, tripPurposes, type ComplianceFlag, type DurationBracket } from '@shared/domain/enums';
import { call } from '../../api/client';
import { errorText } from '../../api/errors';
import { showFlaggedTrips, useNavigation } from '../../state/navigation';
import { useSession } from '../../state/sessionStore';
import { BarChart, type BarSeries } from '../../components/BarChart';
import { useCountryNames } from '../../components/CountrySelect';
import { dateText } from '../../components/DateField';
import { PeriodPicker } from '../../components/PeriodPicker';
import { PrintListButton } from '../../components/PrintListButton';
import type { PrintableFile } from '../../components/PrintPreview';
import { yearToDateLabel } from '@shared/report/narrative';
import { useRecord } from '../../components/useRecord';
import { useReportingPeriod } from '../../data/reportingPeriod';
import { useFormatNumber, useT } from '../../i18n';
import '../../styles/reports.css';
import { AnnualRecordsCard } from '../../components/AnnualRecordsCard';

/** Flags recorded against a member rather than a trip: the trips list cannot filter by them. */
const memberFlags: readonly ComplianceFlag[] = ['foreign_marriage_unprocessed'];

const bracketColours: Record<DurationBracket, string> = {
  under1m: 'var(--mantine-color-teal-5)',
  from1to3m: 'var(--mantine-color-blue-5)',
  from3to12m: 'var(--mantine-color-violet-6)',
  over12m: 'var(--mantine-color-red-7)',
};
const singleColour = 'var(--mantine-color-blue-6)';

/** What the office looks at first: who is abroad or due back, what awaits a decision, every flag, and the period in charts. */
export function Dashboard() {
  const t = useT();
  const period = useReportingPeriod((state) => state.period);
  const level = useSession((state) => state.status?.unit?.level);
  const read = useCallback(() => call('dashboard.get', period), [period]);
  const dashboard = useRecord(read);

  return (
    <Stack gap="md" data-testid="dashboard">
      <PeriodPicker />
      {level !== 'commune' && (
        <Text size="sm" c="dimmed">
          {t('dashboard.ownRecordsOnly')}
        </Text>
      )}
      {dashboard.failure ? <Alert color="red">{errorText(dashboard.failure, t)}</Alert> : null}
      {dashboard.value ? <DashboardView data={dashboard.value} /> : !dashboard.failure && <Loader size="sm" />}
    </Stack>
  );
}

function DashboardView({ data }: { data: DashboardData }) {
  const t = useT();
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
        <TripListTile
          title={t('dashboard.abroadNow')}
          trips={data.abroadNow}
          dateOf={(trip) => t('dashboard.returnOn', { date: dateText(trip.plannedReturn) })}
          printList={printAbroadNow}
          data-testid="tile-abroad"
        />
        <TripListTile
          title={t('dashboard.returnsDueThisWeek')}
          trips={data.returnsDueThisWeek}
          dateOf={(trip) => t('dashboard.returnOn', { date: dateText(trip.plannedReturn) })}
          data-testid="tile-due"
        />
        <Tile
          title={t('dashboard.reportsOverdue')}
          count={data.reportsOverdue}
          alert={data.reportsOverdue > 0}
          data-testid="tile-overdue"
        >
          <Text size="sm" c="dimmed">
            {t('dashboard.reportsOverdueExplain')}
          </Text>
          {data.reportsOverdue > 0 && (
            <UnstyledButton
              className="tile-link"
              onClick={() => showFlaggedTrips('return_report_overdue', true)}
              data-testid="overdue-open"
            >
              {t('dashboard.showTrips')}
              <IconChevronRight size={14} />
            </UnstyledButton>
          )}
        </Tile>
        <TripListTile
          title={t('dashboard.awaitingDecision')}
          trips={data.awaitingDecision}
          dateOf={(trip) => t('dashboard.departOn', { date: dateText(trip.plannedDeparture) })}
          data-testid="tile-awaiting"
        />
      </SimpleGrid>
      <Grid gap="md" align="flex-start">
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <FlagCounts flags={data.flags} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            <AnnualRecordsCard />
            <Card withBorder>
              <ByYearChart data={data} />
            </Card>
            <Card withBorder>
              <BarChart
                title={t('dashboard.byPurpose')}
                series={[{ key: 'count', label: t('dashboard.trips'), colour: singleColour }]}
                rows={tripPurposes
                  .map((purpose) => ({
                    key: purpose,
                    label: t(`purpose.${purpose}`),
                    values: [data.byPurpose.find((entry) => entry.purpose === purpose)?.count ?? 0],
                  }))
                  .filter((row) => (row.values[0] ?? 0) > 0)}
                emptyText={t('dashboard.noTripsInPeriod')}
                data-testid="chart-purpose"
              />
            </Card>
            <Card withBorder>
              <ByCountryChart data={data} />
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function Tile({
  title,
  count,
  alert = false,
  children,
  'data-testid': testId,
}: {
  title: string;
  count: number;
  alert?: boolean;
  children: ReactNode;
  'data-testid'?: string;
}) {
  const formatNumber = useFormatNumber();
  return (
    <Card withBorder padding="sm" data-testid={testId}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb={6}>
        <Text size="sm" fw={600}>
          {title}
        </Text>
        <Text fz={28} fw={700} lh={1} c={alert ? 'red.8' : undefined} data-testid="tile-count">
          {formatNumber(count)}
        </Text>
      </Group>
      {children}
    </Card>
  );
}

interface TripListTileProps {
  title: string;
  trips: readonly TripRow[];
  dateOf(trip: TripRow): string;
  /** Offers "In danh sách" for the trips listed. */
  printList?: () => Promise<PrintableFile>;
  'data-testid'?: string;
}

const printAbroadNow = () => call('lists.printTrips', { abroadNow: true });

/** A count and the trips behind it; each opens the trip's page. */
function TripListTile({ title, trips, dateOf, printList, 'data-testid': testId }: TripListTileProps) {
  const t = useT();
  const open = useNavigation((state) => state.open);
  const countryNames = useCountryNames();
  return (
    <Tile title={title} count={trips.length} data-testid={testId}>
      {trips.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('dashboard.noneListed')}
        </Text>
      ) : (
        <div className="tile-list">
          <Stack gap={0}>
            {trips.map((trip) => (
              <UnstyledButton
                key={trip.id}
                className="tile-row"
                onClick={() => open('trips', { kind: 'trip', tripId: trip.id })}
                data-testid="tile-trip"
              >
                <Text size="sm" fw={500} truncate>
                  {trip.memberName}
                </Text>
                <Text size="xs" c="dimmed" truncate>
                  {countryNames(trip.countries)} · {dateOf(trip)}
                </Text>
              </UnstyledButton>
            ))}
          </Stack>
        </div>
      )}
      {printList && trips.length > 0 ? (
        <Group justify="flex-end" mt="xs">
          <PrintListButton title={title} load={printList} data-testid={`${testId ?? 'tile'}-print`} />
        </Group>
      ) : null}
    </Tile>
  );
}

/** Every compliance flag with its count; a trip flag opens the trips list filtered by it. */
function FlagCounts({ flags }: { flags: Record<ComplianceFlag, number> }) {
  const t = useT();
  const formatNumber = useFormatNumber();
  return (
    <Card withBorder data-testid="flag-counts">
      <Title order={3} fz="sm" mb={2}>
        {t('dashboard.flags')}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t('dashboard.flagsExplain')}
      </Text>
      <Stack gap={0}>
        {complianceFlags.map((flag) => {
          const count = flags[flag] ?? 0;
          const onMembers = memberFlags.includes(flag);
          const content = (
            <>
              <Group gap={8} wrap="nowrap" miw={0}>
                <IconAlertTriangle size={16} className="flag-row-icon" />
                <Stack gap={0} miw={0}>
                  <Text size="sm">{t(`flag.${flag}`)}</Text>
                  {onMembers && count > 0 && (
                    <Text size="xs" c="dimmed">
                      {t('dashboard.flagOnMembers')}
                    </Text>
                  )}
                </Stack>
              </Group>
              <Badge
                color={count > 0 ? 'orange' : 'gray'}
                variant={count > 0 ? 'filled' : 'light'}
                radius="sm"
                miw={36}
                data-testid="flag-count"
              >
                {formatNumber(count)}
              </Badge>
            </>
          );
          return count > 0 && !onMembers ? (
            <UnstyledButton
              key={flag}
              className="flag-row"
              data-active
              onClick={() => showFlaggedTrips(flag)}
              data-testid={`flag-${flag}`}
            >
              {content}
            </UnstyledButton>
          ) : (
            <div key={flag} className="flag-row" data-zero={count === 0 || undefined} data-testid={`flag-${flag}`}>
              {content}
            </div>
          );
        })}
      </Stack>
    </Card>
  );
}

function ByYearChart({ data }: { data: DashboardData }) {
  const t = useT();
  const series = useMemo<BarSeries[]>(
    () => durationBrackets.map((bracket) => ({ key: bracket, label: t(`bracket.${bracket}`), colour: bracketColours[bracket] })),
    [t],
  );
  return (
    <BarChart
      title={t('dashboard.byYear')}
      series={series}
      rows={data.byYear
        .filter((row) => row.total > 0)
        .map((row) => ({
          key: String(row.year),
          label: yearToDateLabel(row),
          values: durationBrackets.map((bracket) => row[bracket]),
        }))}
      emptyText={t('dashboard.noTripsInPeriod')}
      data-testid="chart-year"
    />
  );
}

function ByCountryChart({ data }: { data: DashboardData }) {
  const t = useT();
  const countryNames = useCountryNames();
  return (
    <BarChart
      title={t('dashboard.byCountry')}
      series={[{ key: 'count', label: t('dashboard.trips'), colour: singleColour }]}
      rows={data.byCountry
        .slice(0, 10)
        .map((entry) => ({ key: entry.country, label: countryNames([entry.country]), values: [entry.count] }))}
      emptyText={t('dashboard.noTripsInPeriod')}
      data-testid="chart-country"
    />
  );
}
