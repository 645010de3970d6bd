import { Badge, Button, Card, Group, Pagination, Select, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileSpreadsheet, IconFilterOff } from '@tabler/icons-react';
import { Fragment, useCallback, useMemo, useState } from 'react';
import { auditActionLabel, auditEntityLabel, auditFieldLabel, auditSubjectText, auditValueText } from '@shared/audit/labels';
import type { AuditFilter, AuditRow } from '@shared/contract/audit';
import { call } from '../../api/client';
import { useSession } from '../../state/sessionStore';
import { DateField, dateLooksWrong, dateOf } from '../../components/DateField';
import { FailureAlert } from '../../components/FailureAlert';
import { blobOf, download, mediaTypeOf } from '../../components/files';
import { instantText } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { useAction } from '../../components/useAction';
import { useRecord } from '../../components/useRecord';
import { useFormatNumber, useT } from '../../i18n';
import { AuditCheckCard } from '../../components/AuditCheckCard';

const pageSize = 50;

interface Filters {
  from: string;
  to: string;
  username: string | null;
  action: string | null;
  entity: string | null;
  outcome: 'done' | 'refused' | null;
}

const noFilters: Filters = { from: '', to: '', username: null, action: null, entity: null, outcome: null };

/** The filters as the contract takes them: empty and mistyped fields are left out. */
function auditFilter(filters: Filters): AuditFilter {
  const from = dateOf(filters.from);
  const to = dateOf(filters.to);
  return {
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(filters.username ? { username: filters.username } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.entity ? { entity: filters.entity } : {}),
    ...(filters.outcome ? { outcome: filters.outcome } : {}),
  };
}

/** Who changed what and when, newest first, with each change shown field by field. */
export function AuditScreen() {
  const t = useT();
  const lang = useSession((state) => state.lang);
  const formatNumber = useFormatNumber();
  const [filters, setFilters] = useState<Filters>(noFilters);
  const [page, setPage] = useState(1);
  const [openSeq, setOpenSeq] = useState<number | null>(null);
  const exporting = useAction();
  const filter = useMemo(() => auditFilter(filters), [filters]);

  const readFacets = useCallback(() => call('audit.facets', {}), []);
  const facets = useRecord(readFacets);
  const readPage = useCallback(
    () => call('audit.list', { ...filter, offset: (page - 1) * pageSize, limit: pageSize }),
    [filter, page],
  );
  const log = useRecord(readPage);

  const change = (patch: Partial<Filters>) => {
    setFilters((current) => ({ ...current, ...patch }));
    setPage(1);
    setOpenSeq(null);
  };

  const exportXlsx = async () => {
    const file = await exporting.run(() => call('audit.exportXlsx', filter));
    if (!file) return;
    download(blobOf(file.contentBase64, mediaTypeOf(file.fileName)), file.fileName);
    notifications.show({ color: 'green', message: t('auditLog.exported', { rows: formatNumber(file.rows) }) });
  };

  const options = (values: string[] | undefined, label: (value: string) => string) =>
    (values ?? []).map((value) => ({ value, label: label(value) }));
  const total = log.value?.total ?? 0;

  return (
    <Stack data-testid="audit-screen">
      <PageHeader
        title={t('auditLog.title')}
        actions={
          <Button
            variant="light"
            leftSection={<IconFileSpreadsheet size={16} />}
            loading={exporting.busy}
            onClick={() => void exportXlsx()}
            data-testid="audit-export"
          >
            {t('auditLog.export')}
          </Button>
        }
      />
      <Text size="sm" c="dimmed">
        {t('auditLog.explain')}
      </Text>
      <Card withBorder>
        <Group align="flex-end" gap="sm">
          <DateField
            label={t('auditLog.from')}
            w={150}
            value={filters.from}
            onChange={(from) => change({ from })}
            data-testid="audit-from"
          />
          <DateField
            label={t('auditLog.to')}
            w={150}
            value={filters.to}
            onChange={(to) => change({ to })}
            data-testid="audit-to"
          />
          <Select
            label={t('auditLog.user')}
            w={170}
            clearable
            searchable
            placeholder={t('auditLog.all')}
            data={options(facets.value?.usernames, (value) => value)}
            value={filters.username}
            onChange={(username) => change({ username })}
            data-testid="audit-user"
          />
          <Select
            label={t('auditLog.action')}
            w={260}
            clearable
            searchable
            placeholder={t('auditLog.all')}
            data={options(facets.value?.actions, (value) => auditActionLabel(lang, value))}
            value={filters.action}
            onChange={(action) => change({ action })}
            data-testid="audit-action"
          />
          <Select
            label={t('auditLog.entity')}
            w={200}
            clearable
            placeholder={t('auditLog.all')}
            data={options(facets.value?.entities, (value) => auditEntityLabel(lang, value))}
            value={filters.entity}
            onChange={(entity) => change({ entity })}
            data-testid="audit-entity"
          />
          <Select
            label={t('auditLog.outcome')}
            w={160}
            clearable
            placeholder={t('auditLog.all')}
            data={[
              { value: 'done', label: t('auditLog.outcome.done') },
              { value: 'refused', label: t('auditLog.outcome.refused') },
            ]}
            value={filters.outcome}
            onChange={(outcome) => change({ outcome: outcome as Filters['outcome'] })}
            data-testid="audit-outcome"
          />
          <Button variant="subtle" leftSection={<IconFilterOff size={16} />} onClick={() => change(noFilters)}>
            {t('auditLog.clear')}
          </Button>
        </Group>
        {(dateLooksWrong(filters.from) || dateLooksWrong(filters.to)) && (
          <Text size="sm" c="dimmed" mt="xs">
            {t('catalogues.periodIgnored')}
          </Text>
        )}
      </Card>
      <FailureAlert error={log.failure ?? facets.failure ?? exporting.error} />
      <Group justify="space-between">
        <Text size="sm" data-testid="audit-total">
          {t('auditLog.total', { total: formatNumber(total) })}
        </Text>
        {total > pageSize && (
          <Pagination size="sm" total={Math.ceil(total / pageSize)} value={page} onChange={setPage} data-testid="audit-pages" />
        )}
      </Group>
      {log.value && log.value.rows.length === 0 && <Text c="dimmed">{t('auditLog.empty')}</Text>}
      {log.value && log.value.rows.length > 0 && (
        <Table verticalSpacing={4} fz="sm" highlightOnHover data-testid="audit-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={70}>{t('auditLog.seq')}</Table.Th>
              <Table.Th w={150}>{t('auditLog.at')}</Table.Th>
              <Table.Th w={140}>{t('auditLog.user')}</Table.Th>
              <Table.Th>{t('auditLog.action')}</Table.Th>
              <Table.Th w={160}>{t('auditLog.entity')}</Table.Th>
              <Table.Th>{t('auditLog.subject')}</Table.Th>
              <Table.Th w={130}>{t('auditLog.outcome')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {log.value.rows.map((row) => (
              <Fragment key={row.seq}>
                <Table.Tr
                  className="clickable-row"
                  onClick={() => setOpenSeq(openSeq === row.seq ? null : row.seq)}
                  data-testid="audit-row"
                >
                  <Table.Td>{row.seq}</Table.Td>
                  <Table.Td className="nowrap">{instantText(row.at, lang)}</Table.Td>
                  <Table.Td>{row.username ?? t('auditLog.system')}</Table.Td>
                  <Table.Td>{auditActionLabel(lang, row.action)}</Table.Td>
                  <Table.Td>{auditEntityLabel(lang, row.entity)}</Table.Td>
                  <Table.Td data-testid="audit-subject">{auditSubjectText(lang, row.subject)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={row.outcome === 'done' ? 'green' : 'red'}>
                      {t(`auditLog.outcome.${row.outcome}`)}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
                {openSeq === row.seq && (
                  <Table.Tr>
                    <Table.Td colSpan={7}>
                      <AuditChanges row={row} />
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <AuditCheckCard />
    </Stack>
  );
}

const changeColours = { added: 'green.0', removed: 'red.0', changed: 'yellow.0' } as const;

/** Before and after, one field per line: what was there, what is there now. */
function AuditChanges({ row }: { row: AuditRow }) {
  const t = useT();
  const lang = useSession((state) => state.lang);
  if (row.changes.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="audit-changes">
        {t('auditLog.noChanges')}
      </Text>
    );
  }
  return (
    <Table withTableBorder verticalSpacing={2} fz="sm" data-testid="audit-changes">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="30%">{t('auditLog.field')}</Table.Th>
          <Table.Th w="35%">{t('auditLog.before')}</Table.Th>
          <Table.Th w="35%">{t('auditLog.after')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {row.changes.map((change) => (
          <Table.Tr key={change.field} bg={changeColours[change.kind]}>
            <Table.Td>{auditFieldLabel(lang, row.entity, change.field)}</Table.Td>
            <Table.Td td={change.kind === 'changed' ? 'line-through' : undefined}>
              {auditValueText(lang, change.field, change.before)}
            </Table.Td>
            <Table.Td>{auditValueText(lang, change.field, change.after)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
