import { Badge, Card, Group, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import { useCallback } from 'react';
import type { AnnualRecordCell } from '@shared/contract/annualRecords';
import { call } from '../api/client';
import { useRecord } from './useRecord';
import { useFormatNumber, useT } from '../i18n';
import { currentYear, showAnnualRecords } from '../data/annualRecordFilter';

/** A commune has a few dozen cells; the card stays short however many a registry holds. */
const cellsShown = 12;

/** The cells owing the most first, in their usual order among equals. */
function cellsToChase(cells: readonly AnnualRecordCell[]): AnnualRecordCell[] {
  return [...cells].sort((a, b) => b.outstanding - a.outstanding).slice(0, cellsShown);
}

/** The dashboard's count of this year's supplements still to be handed in, per cell; a cell opens its list to chase. */
export function AnnualRecordsCard() {
  const t = useT();
  const formatNumber = useFormatNumber();
  const year = currentYear();
  const read = useCallback(() => call('annualRecords.summary', { year }), [year]);
  const list = useRecord(read);
  if (!list.value || list.value.cells.length === 0) return null;
  const { cells, outstanding } = list.value;
  const shown = cellsToChase(cells);
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
        {shown.map((cell) => (
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
      {cells.length > shown.length && (
        <Text size="xs" c="dimmed" mt={4} data-testid="annual-card-more">
          {t('annualRecord.dashboardMoreCells', { count: formatNumber(cells.length - shown.length) })}
        </Text>
      )}
      <UnstyledButton className="tile-link" mt={6} onClick={() => showAnnualRecords(year, null)} data-testid="annual-card-open">
        {t('annualRecord.dashboardOpen')}
        <IconChevronRight size={14} />
      </UnstyledButton>
    </Card>
  );
}
