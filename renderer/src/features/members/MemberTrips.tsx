import { Text } from '@mantine/core';
import type { MemberDetail } from '@shared/contract/registry';
import { useT } from '../../i18n';
import { TripTable } from '../../components/TripTable';

export function MemberTrips({ member }: { member: MemberDetail }) {
  const t = useT();
  if (member.trips.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        {t('memberPage.noTrips')}
      </Text>
    );
  }
  return <TripTable trips={member.trips} />;
}
