import { Button, Checkbox, Group, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useCallback, useMemo, useRef } from 'react';
import type { TripRow } from '@shared/contract/registry';
import { complianceFlags, tripStates } from '@shared/domain/enums';
import { useNavigation } from '../../state/navigation';
import { useCanEnterData } from '../../app/permissions';
import { useCountryNames } from '../../components/CountrySelect';
import { dateText } from '../../components/DateField';
import { EnumSelect } from '../../components/EnumSelect';
import { ListSearch } from '../../components/ListSearch';
import { PageHeader } from '../../components/PageHeader';
import { PrintListButton } from '../../components/PrintListButton';
import { call } from '../../api/client';
import { BracketLabel, FlagSummary, TripStateBadge } from '../../components/tripLabels';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { useFormatNumber, useT } from '../../i18n';
import { useTripList } from '../../data/tripList';

export function TripsScreen() {
  const t = useT();
  const formatNumber = useFormatNumber();
  const canEdit = useCanEnterData();
  const open = useNavigation((state) => state.open);
  const filters = useTripList((state) => state.filters);
  const setFilters = useTripList((state) => state.setFilters);
  const total = useTripList((state) => state.total);
  const countryNames = useCountryNames();
  const listRef = useRef<HTMLDivElement>(null);
  const printList = useCallback(
    () =>
      call('lists.printTrips', {
        query: filters.query.trim() || undefined,
        state: filters.state ?? undefined,
        flag: filters.flag ?? undefined,
        openFlagsOnly: filters.flag && filters.openFlagsOnly ? true : undefined,
      }),
    [filters],
  );

  const columns = useMemo<Column<TripRow>[]>(
    () => [
      {
        key: 'member',
        header: t('tripField.member'),
        width: 'minmax(9rem, 1.6fr)',
        render: (row) => <span className="strong-cell">{row.memberName}</span>,
      },
      { key: 'code', header: t('memberField.code'), width: '6.5rem', render: (row) => row.memberCode },
      { key: 'purpose', header: t('tripField.purpose'), width: '7.5rem', render: (row) => t(`purpose.${row.purpose}`) },
      {
        key: 'countries',
        header: t('tripField.countries'),
        width: 'minmax(6rem, 1fr)',
        render: (row) => countryNames(row.countries),
      },
      {
        key: 'period',
        header: t('trips.plannedPeriod'),
        width: '11.5rem',
        render: (row) => `${dateText(row.plannedDeparture)} – ${dateText(row.plannedReturn)}`,
      },
      { key: 'state', header: t('tripField.state'), width: '10.5rem', render: (row) => <TripStateBadge state={row.state} /> },
      {
        key: 'bracket',
        header: t('tripField.bracket'),
        width: '8.5rem',
        render: (row) => <BracketLabel bracket={row.bracket} />,
      },
      {
        key: 'flags',
        header: t('tripField.flags'),
        width: '6rem',
        align: 'center',
        render: (row) => <FlagSummary flags={row.flagDetails} />,
      },
    ],
    [t, countryNames],
  );

  return (
    <div className="list-screen" data-testid="trips-screen">
      <PageHeader
        title={t('trips.title')}
        actions={
          <Group gap="xs">
            <PrintListButton title={t('trips.title')} load={printList} data-testid="trips-print-list" />
            {canEdit && (
              <Button
                leftSection={<IconPlus size={16} />}
                onClick={() => open('trips', { kind: 'tripForm', tripId: null, memberId: null })}
                data-testid="new-trip"
              >
                {t('trips.new')}
              </Button>
            )}
          </Group>
        }
      />
      <Group gap="sm" wrap="nowrap">
        <ListSearch
          initial={filters.query}
          onSearch={(text) => setFilters({ query: text })}
          listRef={listRef}
          placeholder={t('trips.searchPlaceholder')}
          label={t('trips.search')}
          testId="trip-search"
        />
        <EnumSelect
          w={210}
          placeholder={t('trips.allStates')}
          aria-label={t('tripField.state')}
          values={tripStates}
          labelOf={(state) => `tripState.${state}`}
          value={filters.state}
          onChange={(state) => setFilters({ state })}
          clearable
          data-testid="trip-state-filter"
        />
        <EnumSelect
          w={300}
          placeholder={t('trips.allFlags')}
          aria-label={t('tripField.flags')}
          values={complianceFlags}
          labelOf={(flag) => `flag.${flag}`}
          value={filters.flag}
          onChange={(flag) => setFilters({ flag })}
          clearable
          comboboxProps={{ width: 420 }}
          data-testid="trip-flag-filter"
        />
        {filters.flag && (
          <Checkbox
            label={t('trips.openFlagsOnly')}
            checked={filters.openFlagsOnly}
            onChange={(event) => setFilters({ openFlagsOnly: event.currentTarget.checked })}
            data-testid="trip-open-flags-only"
          />
        )}
      </Group>
      <Text size="sm" c="dimmed" data-testid="trip-total">
        {total === null ? t('ui.loading') : t('trips.total', { count: formatNumber(total) })}
      </Text>
      <VirtualTable
        ref={listRef}
        list={useTripList}
        columns={columns}
        rowKey={(row) => row.id}
        onOpen={(row) => open('trips', { kind: 'trip', tripId: row.id })}
        label={t('trips.title')}
        emptyText={filters.query.trim() === '' && !filters.state && !filters.flag ? t('trips.none') : t('trips.empty')}
        data-testid="trip-list"
      />
    </div>
  );
}
