import { Stack, Table, Text } from '@mantine/core';
import { isIncludedStatus, type ReportUnitEntry } from '@shared/report/data';
import { civilDateInVietnam } from '@shared/rules/dates';
import { SubmissionBadge } from '../../components/ReportTables';
import { dateText } from '../../components/DateField';
import { useT } from '../../i18n';

/** At a province or the centre: which subordinate units' reports the combined report holds, and why the others are not in. */
export function UnitsStatus({ units }: { units: readonly ReportUnitEntry[] }) {
  const t = useT();
  const count = (status: ReportUnitEntry['status']) => units.filter((unit) => unit.status === status).length;
  return (
    <Stack gap="sm" maw={1000} data-testid="report-units">
      <Text size="sm" c="dimmed">
        {t('reportScreen.units.explain')}
      </Text>
      {units.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('reportScreen.units.none')}
        </Text>
      ) : (
        <>
          <Text size="sm" fw={600} data-testid="report-units-counts">
            {t('reportScreen.units.counts', {
              submitted: count('submitted'),
              late: count('late'),
              missing: count('missing'),
              periodDiffers: count('period_differs'),
            })}
          </Text>
          <Table striped fz="sm" verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={140}>{t('setup.unit.code')}</Table.Th>
                <Table.Th>{t('completeness.unit')}</Table.Th>
                <Table.Th w={150}>{t('completeness.status')}</Table.Th>
                <Table.Th w={200}>{t('reportScreen.units.heldPeriod')}</Table.Th>
                <Table.Th w={110}>{t('completeness.signedAt')}</Table.Th>
                <Table.Th w={90} ta="center">
                  {t('completeness.versions')}
                </Table.Th>
                <Table.Th w={100}>{t('reportScreen.units.included')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {units.map((unit) => (
                <Table.Tr key={unit.code} data-testid="report-unit-row" data-unit={unit.code} data-status={unit.status}>
                  <Table.Td ff="monospace">{unit.code}</Table.Td>
                  <Table.Td>{unit.name}</Table.Td>
                  <Table.Td>
                    <SubmissionBadge status={unit.status} />
                  </Table.Td>
                  <Table.Td data-testid="report-unit-period">
                    {unit.from && unit.to ? `${dateText(unit.from)} – ${dateText(unit.to)}` : ''}
                  </Table.Td>
                  <Table.Td>{unit.signedAt ? dateText(civilDateInVietnam(unit.signedAt)) : ''}</Table.Td>
                  <Table.Td ta="center">{unit.versions ?? ''}</Table.Td>
                  <Table.Td>{isIncludedStatus(unit.status) ? t('reportScreen.units.yes') : t('reportScreen.units.no')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Stack>
  );
}
