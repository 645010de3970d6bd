import {
  Alert,
  Button,
  Card,
  FileButton,
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import {
  IconCircleCheck,
  IconDatabaseImport,
  IconDownload,
  IconFileSpreadsheet,
  IconLanguage,
  IconUpload,
} from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState, type ComponentProps } from 'react';
import {
  maximumImportBytes,
  maximumImportSize,
  type ImportIssueRow,
  type ImportReport,
  type ImportSource,
} from '@shared/contract/importing';
import type { MessageKey } from '@shared/i18n';
import { columnLabelKey, columnsOf, valueLabelKey, type ImportColumn, type ImportKind } from '@shared/importing/columns';
import { formatCivilDate } from '@shared/rules/dates';
import { countryName, isCountryCode } from '@shared/text/countries';
import { call } from '../../api/client';
import { useCanEnterData } from '../../app/permissions';
import { useSession } from '../../state/sessionStore';
import { FailureAlert } from '../../components/FailureAlert';
import { JobProgress } from '../../components/JobProgress';
import { useJob } from '../../components/useJob';
import { blobOf, download, mediaTypeOf, readAsBase64 } from '../../components/files';
import { PageHeader } from '../../components/PageHeader';
import { useFormatNumber, useT, type Translate } from '../../i18n';
import '../../styles/import.css';

interface ChosenFile {
  fileName: string;
  contentBase64: string;
}

type Phase = 'checking' | 'writing';

/** Columns shown in the preview of the first rows; the rest of a trip's columns would not fit beside them. */
const previewKeys: Record<ImportKind, readonly string[]> = {
  members: ['member_code', 'full_name', 'gender', 'birth_date', 'cell', 'leadership', 'national_id', 'phone', 'status'],
  trips: ['trip_code', 'member_code', 'member_name', 'purpose', 'countries', 'planned_departure', 'planned_return', 'state'],
};

class TooLarge extends Error {}

export function ImportScreen() {
  const t = useT();
  const canImport = useCanEnterData();
  return (
    <Stack data-testid="import-screen" maw={1100}>
      <PageHeader title={t('importScreen.title')} />
      {canImport && <ImportCard />}
      <ExportCard />
    </Stack>
  );
}

function ImportCard() {
  const t = useT();
  const [kind, setKind] = useState<ImportKind>('members');
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [phase, setPhase] = useState<Phase | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const job = useJob();
  const resetInput = useRef<() => void>(null);

  // A cancelled check leaves nothing to commit; a cancelled commit wrote nothing and leaves the checked file ready again.
  const run = async (name: 'import.preview' | 'import.commit', chosen: ChosenFile, nextPhase: Phase) => {
    setPhase(nextPhase);
    setFailure(null);
    if (nextPhase === 'checking') setReport(null);
    try {
      const result = await job.run((jobId) => call(name, { kind, ...chosen, jobId }));
      if (result) setReport(result);
    } catch (error) {
      setReport(null);
      setFailure(error);
    } finally {
      setPhase(null);
    }
  };

  const choose = async (picked: File | null) => {
    resetInput.current?.();
    if (!picked) return;
    setReport(null);
    setFile(null);
    if (picked.size > maximumImportBytes) {
      setFailure(new TooLarge());
      return;
    }
    const chosen = { fileName: picked.name, contentBase64: await readAsBase64(picked) };
    setFile(chosen);
    await run('import.preview', chosen, 'checking');
  };

  const switchKind = (value: string) => {
    setKind(value as ImportKind);
    setFile(null);
    setReport(null);
    setFailure(null);
  };

  const downloadTemplate = async () => {
    try {
      const template = await call('import.template', { kind });
      download(blobOf(template.contentBase64, mediaTypeOf(template.fileName)), template.fileName);
    } catch (error) {
      setFailure(error);
    }
  };

  const ready = phase === null && report !== null && !report.committed && report.issueCount === 0 && file !== null;

  return (
    <Card withBorder>
      <Stack>
        <Text c="dimmed" size="sm">
          {t('importScreen.intro')}
        </Text>
        <Group justify="space-between" align="end">
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('importScreen.kind')}
            </Text>
            <SegmentedControl
              value={kind}
              onChange={switchKind}
              disabled={phase !== null}
              data={[
                { value: 'members', label: t('import.kind.members') },
                { value: 'trips', label: t('import.kind.trips') },
              ]}
              data-testid="import-kind"
            />
          </Stack>
          <Group gap="xs">
            <Button
              variant="default"
              leftSection={<IconDownload size={16} />}
              onClick={() => void downloadTemplate()}
              data-testid="import-template"
            >
              {t('importScreen.template')}
            </Button>
            <FileButton
              onChange={(picked) => void choose(picked)}
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              resetRef={resetInput}
              disabled={phase !== null}
              inputProps={{ 'data-testid': 'import-file' } as ComponentProps<'input'>}
            >
              {(props) => (
                <Button {...props} leftSection={<IconUpload size={16} />} disabled={phase !== null} data-testid="import-choose">
                  {t('importScreen.choose')}
                </Button>
              )}
            </FileButton>
          </Group>
        </Group>
        {phase && (
          <JobProgress
            job={job}
            label={t(phase === 'checking' ? 'importScreen.checking' : 'importScreen.writing')}
            count={(done, total) => t('importScreen.progress', { done, total })}
            data-testid="import-working"
          />
        )}
        {failure instanceof TooLarge ? (
          <Alert color="red" data-testid="import-failure">
            {t('error.IMPORT_TOO_LARGE', { limit: maximumImportSize })}
          </Alert>
        ) : (
          <FailureAlert error={failure} data-testid="import-failure" />
        )}
        {report && !phase && <ReportView report={report} kind={kind} />}
        {ready && (
          <Group>
            <Button
              leftSection={<IconDatabaseImport size={16} />}
              onClick={() => void run('import.commit', file, 'writing')}
              data-testid="import-commit"
            >
              {t('importScreen.commit')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

function ReportView({ report, kind }: { report: ImportReport; kind: ImportKind }) {
  const t = useT();
  const formatNumber = useFormatNumber();
  const { counts } = report;
  const figures: [MessageKey, number][] =
    kind === 'members'
      ? [
          ['importScreen.count.membersCreated', counts.membersCreated],
          ['importScreen.count.membersUpdated', counts.membersUpdated],
          ['importScreen.count.membersUnchanged', counts.membersUnchanged],
          ['importScreen.count.cellsCreated', counts.cellsCreated],
        ]
      : [['importScreen.count.tripsCreated', counts.tripsCreated]];
  return (
    <Stack data-testid="import-report">
      {report.sources.map((source) => (
        <SourceNotes key={source.fileName} source={source} />
      ))}
      {report.committed && (
        <Alert color="green" icon={<IconCircleCheck size={18} />} data-testid="import-done">
          {kind === 'members'
            ? t('importScreen.committed.members', {
                created: formatNumber(counts.membersCreated),
                updated: formatNumber(counts.membersUpdated),
                cells: formatNumber(counts.cellsCreated),
              })
            : t('importScreen.committed.trips', { created: formatNumber(counts.tripsCreated) })}
        </Alert>
      )}
      {!report.committed && report.issueCount === 0 && (
        <SimpleGrid cols={{ base: 2, sm: 4 }} data-testid="import-counts">
          {figures.map(([label, value]) => (
            <Paper key={label} withBorder p="sm">
              <Text size="xs" c="dimmed">
                {t(label)}
              </Text>
              <Text fw={700} fz="xl">
                {formatNumber(value)}
              </Text>
            </Paper>
          ))}
        </SimpleGrid>
      )}
      {report.issueCount > 0 && <Issues report={report} />}
      {report.issueCount === 0 && !report.committed && report.sources[0] && <Preview kind={kind} source={report.sources[0]} />}
    </Stack>
  );
}

function SourceNotes({ source }: { source: ImportSource }) {
  const t = useT();
  const formatNumber = useFormatNumber();
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <IconFileSpreadsheet size={18} />
        <Text size="sm" data-testid="import-file-name">
          {t('importScreen.file', { file: source.fileName, rows: formatNumber(source.rows) })}
        </Text>
      </Group>
      {source.legacyEncoding && (
        <Alert color="blue" icon={<IconLanguage size={18} />} data-testid="import-legacy">
          {t('text.legacyConverted', {
            count: formatNumber(source.convertedCells),
            encoding: t(`text.encoding.${source.legacyEncoding}` as MessageKey),
          })}
        </Alert>
      )}
      {source.ignoredColumns.length > 0 && (
        <Text size="sm" c="dimmed">
          {t('importScreen.ignoredColumns', { columns: source.ignoredColumns.join(', ') })}
        </Text>
      )}
    </Stack>
  );
}

const issueRowHeight = 37;

/** Every bad row, however many: only the rows in view are drawn. */
function Issues({ report }: { report: ImportReport }) {
  const t = useT();
  const formatNumber = useFormatNumber();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: report.issues.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => issueRowHeight,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const omitted = report.issueCount - report.issues.length;
  return (
    <Stack gap="xs">
      <Alert
        color="red"
        title={t('importScreen.errors.title', { count: formatNumber(report.issueCount), rows: formatNumber(report.errorRows) })}
        data-testid="import-errors-title"
      >
        {t('importScreen.errors.explain')}
      </Alert>
      <div ref={scrollRef} className="import-issues" data-testid="import-errors">
        <Table stickyHeader striped verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th className="import-issues-row-number">{t('importScreen.column.row')}</Table.Th>
              <Table.Th className="import-issues-column">{t('importScreen.column.column')}</Table.Th>
              <Table.Th>{t('importScreen.column.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {before > 0 && <Spacer height={before} />}
            {items.map((item) => (
              <IssueRow
                key={item.key}
                issue={report.issues[item.index]!}
                index={item.index}
                measure={virtualizer.measureElement}
              />
            ))}
            {after > 0 && <Spacer height={after} />}
          </Table.Tbody>
        </Table>
      </div>
      {omitted > 0 && (
        <Text size="sm" c="dimmed">
          {t('importScreen.errors.omitted', { count: formatNumber(omitted) })}
        </Text>
      )}
    </Stack>
  );
}

function Spacer({ height }: { height: number }) {
  return (
    <tr aria-hidden>
      <td colSpan={3} className="import-issues-spacer" style={{ height }} />
    </tr>
  );
}

function IssueRow({
  issue,
  index,
  measure,
}: {
  issue: ImportIssueRow;
  index: number;
  measure: (element: Element | null) => void;
}) {
  const t = useT();
  return (
    <Table.Tr ref={measure} data-index={index} data-testid="import-error-row">
      <Table.Td className="import-issues-row-number">{issue.row}</Table.Td>
      <Table.Td className="import-issues-column">{issue.column}</Table.Td>
      <Table.Td>{t(issue.key as MessageKey, issue.params)}</Table.Td>
    </Table.Tr>
  );
}

function displayValue(
  column: ImportColumn,
  value: ImportSource['preview'][number]['values'][string] | undefined,
  t: Translate,
  lang: 'vi' | 'en',
): string {
  if (value === null || value === undefined) return '';
  const type = column.type;
  if (typeof value === 'boolean') return t(value ? 'import.yes' : 'import.no');
  if (Array.isArray(value)) return value.map((code) => (isCountryCode(code) ? countryName(code, lang) : code)).join('; ');
  if (type.kind === 'date') return formatCivilDate(value);
  if (type.kind === 'enum') return t(valueLabelKey(type.labels, value));
  return value;
}

function Preview({ kind, source }: { kind: ImportKind; source: ImportSource }) {
  const t = useT();
  const lang = useSession((state) => state.lang);
  const columns = previewKeys[kind].map((key) => columnsOf(kind).find((column) => column.key === key)!);
  return (
    <Stack gap="xs">
      <Alert color="green" icon={<IconCircleCheck size={18} />} data-testid="import-ready">
        {t('importScreen.ready')}
      </Alert>
      <Title order={5}>{t('importScreen.preview')}</Title>
      <Table.ScrollContainer minWidth={900}>
        <Table striped withTableBorder fz="sm" className="import-preview" data-testid="import-preview">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('importScreen.column.row')}</Table.Th>
              {kind === 'members' && <Table.Th>{t('importScreen.column.action')}</Table.Th>}
              {columns.map((column) => (
                <Table.Th key={column.key}>{t(columnLabelKey(column))}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {source.preview.map((row) => (
              <Table.Tr key={row.row}>
                <Table.Td>{row.row}</Table.Td>
                {kind === 'members' && (
                  <Table.Td>
                    <Text
                      span
                      size="sm"
                      fw={500}
                      c={row.action === 'create' ? 'green.8' : row.action === 'update' ? 'blue.8' : 'dimmed'}
                    >
                      {t(`importScreen.action.${row.action}`)}
                    </Text>
                  </Table.Td>
                )}
                {columns.map((column) => (
                  <Table.Td key={column.key}>{displayValue(column, row.values[column.key], t, lang)}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function ExportCard() {
  const t = useT();
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState<'export.members' | 'export.trips' | null>(null);
  const exportList = async (name: 'export.members' | 'export.trips') => {
    setBusy(name);
    setFailure(null);
    try {
      const file = await call(name, {});
      download(blobOf(file.contentBase64, mediaTypeOf(file.fileName)), file.fileName);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Card withBorder>
      <Stack>
        <Title order={4}>{t('importScreen.export.title')}</Title>
        <Group gap="xs">
          <Button
            variant="default"
            leftSection={<IconDownload size={16} />}
            loading={busy === 'export.members'}
            onClick={() => void exportList('export.members')}
            data-testid="export-members"
          >
            {t('importScreen.export.members')}
          </Button>
          <Button
            variant="default"
            leftSection={<IconDownload size={16} />}
            loading={busy === 'export.trips'}
            onClick={() => void exportList('export.trips')}
            data-testid="export-trips"
          >
            {t('importScreen.export.trips')}
          </Button>
        </Group>
        <FailureAlert error={failure} />
      </Stack>
    </Card>
  );
}
