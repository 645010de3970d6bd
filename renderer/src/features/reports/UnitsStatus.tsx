import { Stack, Table, Text } from '@mantine/core';
import type { ReportUnitEntry } from '../../../../shared/report/data';
import { SubmissionBadge } from '../../components/ReportTables';
import { useT } from '../../i18n';

/** At a province or the centre: which subordinate units' reports the combined report holds. */
export function UnitsStatus({ units }: { units: readonly ReportUnitEntry[] }) {
  const t = useT();
  const count = (status: ReportUnitEntry['status']) => units.filter((unit) => unit.status === status).length;
  return (
    <Stack gap="sm" maw={860} data-testid="report-units">
      <Text size="sm" c="dimmed">
        {t('reportScreen.units.explain')}
      </Text>
      {units.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('reportScreen.units.none')}
        </Text>
      ) : (
        <>
          <Text size="sm" fw={600}>
            {t('reportScreen.units.counts', { submitted: count('submitted'), late: count('late'), missing: count('missing') })}
          </Text>
          <Table striped fz="sm" verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={160}>{t('setup.unit.code')}</Table.Th>
                <Table.Th>{t('completeness.unit')}</Table.Th>
                <Table.Th w={140}>{t('completeness.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {units.map((unit) => (
                <Table.Tr key={unit.code} data-testid="report-unit-row">
                  <Table.Td ff="monospace">{unit.code}</Table.Td>
                  <Table.Td>{unit.name}</Table.Td>
                  <Table.Td>
                    <SubmissionBadge status={unit.status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Stack>
  );
}
