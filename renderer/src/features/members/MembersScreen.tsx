import { Badge, Button, Checkbox, Group, Select, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useCallback, useMemo, useRef } from 'react';
import type { MemberRow } from '@shared/contract/registry';
import { memberStatuses } from '@shared/domain/enums';
import { useNavigation } from '../../state/navigation';
import { dateText } from '../../components/DateField';
import { EnumSelect } from '../../components/EnumSelect';
import { ListSearch } from '../../components/ListSearch';
import { PageHeader } from '../../components/PageHeader';
import { PrintListButton } from '../../components/PrintListButton';
import { call } from '../../api/client';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { cellChoicesFilter, cellChoicesShown, useCells } from '../../data/cells';
import { FirstSteps } from '../../components/FirstSteps';
import { useFormatNumber, useT } from '../../i18n';
import { useMemberList } from '../../data/memberList';

export function MembersScreen() {
  const t = useT();
  const formatNumber = useFormatNumber();
  const open = useNavigation((state) => state.open);
  const filters = useMemberList((state) => state.filters);
  const setFilters = useMemberList((state) => state.setFilters);
  const total = useMemberList((state) => state.total);
  const cells = useCells();
  const listRef = useRef<HTMLDivElement>(null);
  const printList = useCallback(
    () =>
      call('lists.printMembers', {
        query: filters.query.trim() || undefined,
        cellId: filters.cellId ?? undefined,
        status: filters.status ?? undefined,
        includeArchived: filters.includeArchived,
      }),
    [filters],
  );

  const columns = useMemo<Column<MemberRow>[]>(
    () => [
      { key: 'code', header: t('memberField.code'), width: '8rem', render: (row) => row.code },
      {
        key: 'name',
        header: t('memberField.fullName'),
        width: 'minmax(12rem, 2fr)',
        render: (row) => (
          <>
            <span className="strong-cell">{row.fullName}</span>
            {row.archived && (
              <Badge size="xs" color="gray" variant="outline" tt="none" ml={6}>
                {t('members.archivedBadge')}
              </Badge>
            )}
          </>
        ),
      },
      { key: 'cell', header: t('memberField.cell'), width: 'minmax(10rem, 1.5fr)', render: (row) => row.cellName },
      { key: 'status', header: t('memberField.status'), width: '10rem', render: (row) => t(`memberStatus.${row.status}`) },
      { key: 'birthDate', header: t('memberField.birthDate'), width: '7rem', render: (row) => dateText(row.birthDate) },
      { key: 'trips', header: t('members.tripCount'), width: '6rem', align: 'end', render: (row) => formatNumber(row.tripCount) },
      {
        key: 'abroad',
        header: t('members.abroadNow'),
        width: '8rem',
        align: 'center',
        render: (row) =>
          row.abroadNow ? (
            <Badge size="sm" color="indigo" variant="light" tt="none">
              {t('members.abroadNow.yes')}
            </Badge>
          ) : null,
      },
    ],
    [t, formatNumber],
  );

  return (
    <div className="list-screen" data-testid="members-screen">
      <PageHeader
        title={t('members.title')}
        actions={
          <Group gap="xs">
            <PrintListButton title={t('members.title')} load={printList} data-testid="members-print-list" />
            <Button
              leftSection={<IconPlus size={16} />}
              onClick={() => open('members', { kind: 'newMember' })}
              data-testid="new-member"
            >
              {t('members.new')}
            </Button>
          </Group>
        }
      />
      <Group gap="sm" align="flex-end" wrap="nowrap">
        <ListSearch
          initial={filters.query}
          onSearch={(text) => setFilters({ query: text })}
          listRef={listRef}
          placeholder={t('members.searchPlaceholder')}
          label={t('members.search')}
          testId="member-search"
        />
        <Select
          w={220}
          placeholder={t('members.allCells')}
          aria-label={t('memberField.cell')}
          data={cells.map((cell) => ({ value: cell.id, label: cell.name }))}
          value={filters.cellId}
          onChange={(cellId) => setFilters({ cellId })}
          searchable
          limit={cellChoicesShown}
          filter={cellChoicesFilter}
          clearable
          data-testid="member-cell-filter"
        />
        <EnumSelect
          w={190}
          placeholder={t('members.allStatuses')}
          aria-label={t('memberField.status')}
          values={memberStatuses}
          labelOf={(status) => `memberStatus.${status}`}
          value={filters.status}
          onChange={(status) => setFilters({ status })}
          clearable
        />
        <Checkbox
          label={t('members.includeArchived')}
          checked={filters.includeArchived}
          onChange={(event) => setFilters({ includeArchived: event.currentTarget.checked })}
          mb={8}
        />
      </Group>
      <Text size="sm" c="dimmed" data-testid="member-total">
        {total === null ? t('ui.loading') : t('members.total', { count: formatNumber(total) })}
      </Text>
      <VirtualTable
        list={useMemberList}
        columns={columns}
        rowKey={(row) => row.id}
        onOpen={(row) => open('members', { kind: 'member', memberId: row.id })}
        label={t('members.title')}
        emptyText={filters.query.trim() === '' && !filters.cellId && !filters.status ? <FirstSteps /> : t('members.empty')}
        ref={listRef}
        data-testid="member-list"
      />
    </div>
  );
}
