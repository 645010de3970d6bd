import { Badge, Card, Group, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import { useCallback } from 'react';
import { call } from '../api/client';
import { useRecord } from './useRecord';
import { useFormatNumber, useT } from '../i18n';
import { currentYear, showAnnualRecords } from '../data/annualRecordFilter';

/** The dashboard's count of this year's supplements still to be handed in, per cell; a cell opens its list to chase. */
export function AnnualRecordsCard() {
  const t = useT();
  const formatNumber = useFormatNumber();
  const year = currentYear();
  const read = useCallback(() => call('annualRecords.list', { year }), [year]);
  const list = useRecord(read);
  if (!list.value || list.value.cells.length === 0) return null;
  const { cells, outstanding } = list.value;
  return (
    <Card withBorder data-testid="annual-card">
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb={2}>
        <Title order={3} fz="sm">
          {t('annualRecord.dashboardTitle', { year })}
        </Title>
        <Text fz={28} fw={700} lh={1} c={outstanding > 0 ? 'orange.8' : 'green.8'} data-testid="annual-card-count">
          {formatNumber(outstanding)}
        </Text>
      </Group>
      <Text size="xs" c="dimmed" mb="xs">
        {t('annualRecord.dashboardExplain')}
      </Text>
      <Stack gap={0}>
        {cells.map((cell) => (
          <UnstyledButton
            key={cell.cellId}
            className="flag-row"
            data-active
            onClick={() => showAnnualRecords(year, cell.cellId)}
            data-testid="annual-card-cell"
          >
            <Text size="sm" truncate>
              {cell.cellName}
            </Text>
            <Badge
              color={cell.outstanding > 0 ? 'orange' : 'green'}
              variant={cell.outstanding > 0 ? 'filled' : 'light'}
              radius="sm"
              miw={36}
              data-testid="annual-card-cell-count"
            >
              {formatNumber(cell.outstanding)}
            </Badge>
          </UnstyledButton>
        ))}
      </Stack>
      <UnstyledButton className="tile-link" mt={6} onClick={() => showAnnualRecords(year, null)} data-testid="annual-card-open">
        {t('annualRecord.dashboardOpen')}
        <IconChevronRight size={14} />
      </UnstyledButton>
    </Card>
  );
}
