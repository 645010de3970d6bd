import { Table, Text } from '@mantine/core';
import type { TripRow } from '@shared/contract/registry';
import { useNavigation } from '../state/navigation';
import { useCountryNames } from './CountrySelect';
import { dateText } from './DateField';
import { BracketLabel, FlagSummary, TripStateBadge } from './tripLabels';
import { useT } from '../i18n';

/** A short list of trips (one member's), each row opening the trip. */
export function TripTable({ trips, withMember = false }: { trips: readonly TripRow[]; withMember?: boolean }) {
  const t = useT();
  const open = useNavigation((state) => state.open);
  const countryNames = useCountryNames();
  return (
    <Table highlightOnHover verticalSpacing={4} fz="sm" data-testid="trip-table">
      <Table.Thead>
        <Table.Tr>
          {withMember && <Table.Th>{t('tripField.member')}</Table.Th>}
          <Table.Th>{t('tripField.purpose')}</Table.Th>
          <Table.Th>{t('tripField.countries')}</Table.Th>
          <Table.Th>{t('trips.plannedPeriod')}</Table.Th>
          <Table.Th>{t('tripField.state')}</Table.Th>
          <Table.Th>{t('tripField.bracket')}</Table.Th>
          <Table.Th>{t('tripField.flags')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {trips.map((trip) => (
          <Table.Tr
            key={trip.id}
            className="clickable-row"
            tabIndex={0}
            onClick={() => open('trips', { kind: 'trip', tripId: trip.id })}
            onKeyDown={(event) => {
              if (event.key === 'Enter') open('trips', { kind: 'trip', tripId: trip.id });
            }}
            data-testid="trip-row"
          >
            {withMember && <Table.Td>{trip.memberName}</Table.Td>}
            <Table.Td>{t(`purpose.${trip.purpose}`)}</Table.Td>
            <Table.Td>
              <Text size="sm" lineClamp={1}>
                {countryNames(trip.countries)}
              </Text>
            </Table.Td>
            <Table.Td>
              {dateText(trip.plannedDeparture)} – {dateText(trip.plannedReturn)}
            </Table.Td>
            <Table.Td>
              <TripStateBadge state={trip.state} />
            </Table.Td>
            <Table.Td>
              <BracketLabel bracket={trip.bracket} />
            </Table.Td>
            <Table.Td>
              <FlagSummary flags={trip.flagDetails} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
