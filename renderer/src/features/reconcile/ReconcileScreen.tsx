import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  FileButton,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarCheck, IconDownload, IconPlus, IconUpload } from '@tabler/icons-react';
import { useRef, useState, type ComponentProps, type ReactNode } from 'react';
import { maximumImportBytes } from '@shared/contract/importing';
import type { DatesDiffer, MemberCrossing, ReconcileResult, StillAbroad } from '@shared/contract/reconcile';
import { tripPurposes, type TripPurpose } from '@shared/domain/enums';
import type { MessageKey } from '@shared/i18n';
import { defaultToleranceDays, maximumToleranceDays } from '@shared/reconcile/match';
import { formatCivilDate } from '@shared/rules/dates';
import { isCountryCode, type CountryCode } from '@shared/text/countries';
import { call } from '../../api/client';
import { useNavigation } from '../../state/navigation';
import { useCanEnterData } from '../../app/permissions';
import { CountrySelect, useCountryNames } from '../../components/CountrySelect';
import { FailureAlert } from '../../components/FailureAlert';
import { blobOf, download, mediaTypeOf, readAsBase64 } from '../../components/files';
import { PageHeader } from '../../components/PageHeader';
import { useT, type Translate } from '../../i18n';
import { useReconcile } from './reconcileStore';

const dateText = (date: string | null) => (date ? formatCivilDate(date) : '—');

function personOf(crossing: MemberCrossing) {
  return {
    nationalId: crossing.listedNationalId,
    documentNumber: crossing.documentNumber,
    fullName: crossing.listedName,
    birthDate: crossing.listedBirthDate,
  };
}

/** The key of a crossing within one run: the list's rows it was made of. */
const crossingKey = (crossing: MemberCrossing) => crossing.rows.join('-');

export function ReconcileScreen() {
  const t = useT();
  const canAct = useCanEnterData();
  const { file, toleranceDays: tolerance, result, handled, set } = useReconcile();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [tooLarge, setTooLarge] = useState(false);
  const [creating, setCreating] = useState<MemberCrossing | null>(null);
  const [recording, setRecording] = useState<DatesDiffer | null>(null);
  const resetInput = useRef<() => void>(null);

  const run = async (chosen: NonNullable<typeof file>, toleranceDays: number) => {
    setBusy(true);
    setFailure(null);
    try {
      set({ result: await call('reconcile.run', { ...chosen, toleranceDays }), handled: {} });
    } catch (error) {
      set({ result: null });
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const choose = async (picked: File | null) => {
    resetInput.current?.();
    if (!picked) return;
    set({ result: null, file: null });
    setFailure(null);
    setTooLarge(picked.size > maximumImportBytes);
    if (picked.size > maximumImportBytes) return;
    const chosen = { fileName: picked.name, contentBase64: await readAsBase64(picked) };
    set({ file: chosen });
    await run(chosen, tolerance);
  };

  const downloadTemplate = async (format: 'xlsx' | 'csv') => {
    try {
      const template = await call('reconcile.template', { format });
      download(blobOf(template.contentBase64, format === 'csv' ? 'text/csv' : mediaTypeOf(template.fileName)), template.fileName);
    } catch (error) {
      setFailure(error);
    }
  };

  const markHandled = (crossing: MemberCrossing, tripId: string) =>
    set({ handled: { ...useReconcile.getState().handled, [crossingKey(crossing)]: tripId } });

  return (
    <Stack data-testid="reconcile-screen" maw={1200}>
      <PageHeader title={t('reconcile.title')} />
      <Card withBorder>
        <Stack>
          <Text c="dimmed" size="sm">
            {t('reconcile.intro')}
          </Text>
          <Group align="end" justify="space-between">
            <Group align="end">
              <NumberInput
                label={t('reconcile.tolerance')}
                description={t('reconcile.toleranceHelp')}
                min={0}
                max={maximumToleranceDays}
                clampBehavior="strict"
                allowDecimal={false}
                value={tolerance}
                onChange={(value) => set({ toleranceDays: typeof value === 'number' ? value : defaultToleranceDays })}
                w={260}
                data-testid="reconcile-tolerance"
              />
              <FileButton
                onChange={(picked) => void choose(picked)}
                accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                resetRef={resetInput}
                disabled={busy || !canAct}
                inputProps={{ 'data-testid': 'reconcile-file' } as ComponentProps<'input'>}
              >
                {(props) => (
                  <Button {...props} leftSection={<IconUpload size={16} />} loading={busy} disabled={!canAct}>
                    {t('reconcile.filePlaceholder')}
                  </Button>
                )}
              </FileButton>
              {file && (
                <Button variant="light" onClick={() => void run(file, tolerance)} disabled={busy} data-testid="reconcile-run">
                  {t('reconcile.run')}
                </Button>
              )}
            </Group>
            <Group gap="xs">
              <Button
                variant="default"
                leftSection={<IconDownload size={16} />}
                onClick={() => void downloadTemplate('xlsx')}
                data-testid="reconcile-template"
              >
                {t('reconcile.template')} (XLSX)
              </Button>
              <Button variant="default" onClick={() => void downloadTemplate('csv')}>
                CSV
              </Button>
            </Group>
          </Group>
          {file && (
            <Text size="sm">
              {t('reconcile.file')}: <b>{file.fileName}</b>
            </Text>
          )}
          {tooLarge && (
            <Alert color="red" data-testid="reconcile-too-large">
              {t('import.tooLarge')}
            </Alert>
          )}
          <FailureAlert error={failure} data-testid="reconcile-failure" />
        </Stack>
      </Card>
      {result && result.issueCount > 0 && <Issues result={result} />}
      {result && result.issueCount === 0 && (
        <Lists result={result} handled={handled} canAct={canAct} onCreate={setCreating} onRecord={setRecording} />
      )}
      {creating && (
        <CreateTripDialog
          crossing={creating}
          onClose={() => setCreating(null)}
          onCreated={(tripId) => {
            markHandled(creating, tripId);
            setCreating(null);
            notifications.show({ color: 'green', message: t('reconcile.created') });
          }}
        />
      )}
      {recording && (
        <RecordDatesDialog
          entry={recording}
          onClose={() => setRecording(null)}
          onRecorded={(tripId) => {
            markHandled(recording, tripId);
            setRecording(null);
            notifications.show({ color: 'green', message: t('reconcile.recordedDone') });
          }}
        />
      )}
    </Stack>
  );
}

function Issues({ result }: { result: ReconcileResult }) {
  const t = useT();
  return (
    <Alert color="red" title={t('reconcile.issues')} data-testid="reconcile-issues">
      <Stack gap={4}>
        <Text size="sm">{t('error.RECONCILE_ROWS_INVALID', { count: result.issueCount, rows: result.errorRows })}</Text>
        {result.issues.slice(0, 200).map((issue) => (
          <Text size="sm" key={`${issue.row}-${issue.column}-${issue.key}`}>
            {t('import.issueLine', { row: issue.row, column: issue.column, reason: issue.reason })}
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}

interface ListsProps {
  result: ReconcileResult;
  handled: Record<string, string>;
  canAct: boolean;
  onCreate(crossing: MemberCrossing): void;
  onRecord(entry: DatesDiffer): void;
}

function Lists({ result, handled, canAct, onCreate, onRecord }: ListsProps) {
  const t = useT();
  const open = useNavigation((state) => state.open);
  const openTrip = (tripId: string) => open('reconcile', { kind: 'trip', tripId });
  const doneOr = (crossing: MemberCrossing, action: ReactNode) => {
    const tripId = handled[crossingKey(crossing)];
    if (!tripId) return action;
    return (
      <Group gap={6} wrap="nowrap">
        <Badge color="green" variant="light">
          {t('reconcile.done')}
        </Badge>
        <Button size="compact-sm" variant="subtle" onClick={() => openTrip(tripId)} data-testid="reconcile-open-trip">
          {t('reconcile.openTrip')}
        </Button>
      </Group>
    );
  };
  return (
    <Card withBorder data-testid="reconcile-results">
      <Stack>
        <Text size="sm" data-testid="reconcile-summary">
          {t('reconcile.summary', { rows: result.rows, crossings: result.crossings, unmatched: result.unmatchedPersons })}
        </Text>
        <Tabs defaultValue="unreported" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="unreported" data-testid="reconcile-tab-unreported">
              {t('reconcile.unreported', { count: result.unreported.length })}
            </Tabs.Tab>
            <Tabs.Tab value="datesDiffer" data-testid="reconcile-tab-datesDiffer">
              {t('reconcile.datesDiffer', { count: result.datesDiffer.length })}
            </Tabs.Tab>
            <Tabs.Tab value="stillAbroad" data-testid="reconcile-tab-stillAbroad">
              {t('reconcile.stillAbroad', { count: result.stillAbroad.length })}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="unreported" pt="sm">
            <CrossingTable
              crossings={result.unreported}
              testId="reconcile-unreported"
              action={(crossing) =>
                doneOr(
                  crossing,
                  canAct && (
                    <Button
                      size="compact-sm"
                      leftSection={<IconPlus size={14} />}
                      onClick={() => onCreate(crossing)}
                      data-testid="reconcile-create"
                    >
                      {t('reconcile.createTrip')}
                    </Button>
                  ),
                )
              }
            />
          </Tabs.Panel>
          <Tabs.Panel value="datesDiffer" pt="sm">
            <CrossingTable
              crossings={result.datesDiffer}
              testId="reconcile-datesDiffer"
              registry={(entry) => <DatesDifferCell entry={entry as DatesDiffer} />}
              action={(entry) =>
                doneOr(
                  entry,
                  canAct && (
                    <Button
                      size="compact-sm"
                      leftSection={<IconCalendarCheck size={14} />}
                      onClick={() => onRecord(entry as DatesDiffer)}
                      data-testid="reconcile-record"
                    >
                      {t('reconcile.recordDates')}
                    </Button>
                  ),
                )
              }
            />
          </Tabs.Panel>
          <Tabs.Panel value="stillAbroad" pt="sm">
            <CrossingTable
              crossings={result.stillAbroad}
              testId="reconcile-stillAbroad"
              registry={(entry) => (
                <Text size="sm">
                  {t('reconcile.permittedReturn', {
                    date: dateText((entry as StillAbroad).permittedReturn),
                    days: (entry as StillAbroad).daysOverdue,
                  })}
                </Text>
              )}
              action={(entry) => (
                <Button size="compact-sm" variant="subtle" onClick={() => openTrip((entry as StillAbroad).tripId)}>
                  {t('reconcile.openTrip')}
                </Button>
              )}
            />
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </Card>
  );
}

function DatesDifferCell({ entry }: { entry: DatesDiffer }) {
  const t = useT();
  return (
    <Stack gap={0}>
      <Text size="sm" fw={500}>
        {entry.tripCode ?? ''} · {t(`reconcile.kind.${entry.kind}`)}
      </Text>
      <Text size="xs" c="dimmed">
        {entry.recordedDeparture || entry.recordedReturn
          ? t('reconcile.recorded', { departure: dateText(entry.recordedDeparture), return: dateText(entry.recordedReturn) })
          : t('reconcile.planned', { departure: dateText(entry.plannedDeparture), return: dateText(entry.plannedReturn) })}
      </Text>
    </Stack>
  );
}

interface CrossingTableProps {
  crossings: readonly MemberCrossing[];
  testId: string;
  registry?: (crossing: MemberCrossing) => ReactNode;
  action(crossing: MemberCrossing): ReactNode;
}

function CrossingTable({ crossings, testId, registry, action }: CrossingTableProps) {
  const t = useT();
  const countryNames = useCountryNames();
  if (crossings.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid={`${testId}-none`}>
        {t('reconcile.none')}
      </Text>
    );
  }
  return (
    <Table striped highlightOnHover data-testid={testId}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('reconcile.col.member')}</Table.Th>
          <Table.Th>{t('reconcile.col.crossing')}</Table.Th>
          <Table.Th>{t('reconcile.col.country')}</Table.Th>
          <Table.Th>{t('reconcile.col.document')}</Table.Th>
          <Table.Th>{t('reconcile.col.gate')}</Table.Th>
          {registry && <Table.Th>{t('reconcile.col.registry')}</Table.Th>}
          <Table.Th>{t('reconcile.col.action')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {crossings.map((crossing) => (
          <Table.Tr key={crossingKey(crossing)} data-testid="reconcile-row" data-member={crossing.memberCode}>
            <Table.Td>
              <Stack gap={2}>
                <Text size="sm" fw={500}>
                  {crossing.fullName}
                </Text>
                <Group gap={6}>
                  <Text size="xs" c="dimmed">
                    {crossing.memberCode}
                  </Text>
                  <MatchBadge crossing={crossing} t={t} />
                </Group>
              </Stack>
            </Table.Td>
            <Table.Td>
              {dateText(crossing.exitDate)} – {dateText(crossing.entryDate)}
            </Table.Td>
            <Table.Td>{crossing.country ? countryNames([crossing.country]) : '—'}</Table.Td>
            <Table.Td>
              <Stack gap={0}>
                <Text size="sm">{crossing.documentType ? t(`travelDocument.${crossing.documentType}` as MessageKey) : '—'}</Text>
                {crossing.documentNumber && (
                  <Text size="xs" c="dimmed">
                    {crossing.documentNumber}
                  </Text>
                )}
              </Stack>
            </Table.Td>
            <Table.Td>{crossing.borderGate ?? '—'}</Table.Td>
            {registry && <Table.Td>{registry(crossing)}</Table.Td>}
            <Table.Td>{action(crossing)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function MatchBadge({ crossing, t }: { crossing: MemberCrossing; t: Translate }) {
  if (crossing.needsConfirmation) {
    return (
      <Tooltip
        label={t('reconcile.needsConfirmationHelp', { name: crossing.listedName, birthDate: dateText(crossing.listedBirthDate) })}
        withArrow
        multiline
        w={280}
      >
        <Badge color="orange" variant="light" size="sm" data-testid="reconcile-needs-confirmation">
          {t('reconcile.needsConfirmation')}
        </Badge>
      </Tooltip>
    );
  }
  return (
    <Text size="xs" c="dimmed">
      · {t(`reconcile.match.${crossing.match}` as MessageKey)}
    </Text>
  );
}

function ConfirmPerson({
  crossing,
  confirmed,
  onChange,
}: {
  crossing: MemberCrossing;
  confirmed: boolean;
  onChange(value: boolean): void;
}) {
  const t = useT();
  if (!crossing.needsConfirmation) return null;
  return (
    <Alert color="orange" variant="light">
      <Stack gap="xs">
        <Text size="sm">
          {t('reconcile.needsConfirmationHelp', { name: crossing.listedName, birthDate: dateText(crossing.listedBirthDate) })}
        </Text>
        <Checkbox
          label={t('reconcile.confirmPerson', { name: crossing.fullName })}
          checked={confirmed}
          onChange={(event) => onChange(event.currentTarget.checked)}
          data-testid="reconcile-confirm-person"
        />
      </Stack>
    </Alert>
  );
}

function CreateTripDialog({
  crossing,
  onClose,
  onCreated,
}: {
  crossing: MemberCrossing;
  onClose(): void;
  onCreated(tripId: string): void;
}) {
  const t = useT();
  const [purpose, setPurpose] = useState<TripPurpose>('other_private');
  const [country, setCountry] = useState<CountryCode | null>(
    crossing.country && isCountryCode(crossing.country) ? crossing.country : null,
  );
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const create = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const trip = await call('reconcile.createTrip', {
        memberId: crossing.memberId,
        person: personOf(crossing),
        crossing: { exitDate: crossing.exitDate, entryDate: crossing.entryDate },
        country,
        documentType: crossing.documentType,
        borderGate: crossing.borderGate,
        purpose,
        confirmed,
      });
      onCreated(trip.id);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title={t('reconcile.createTitle')} size="lg" data-testid="reconcile-create-dialog">
      <Stack>
        <Text size="sm">{t('reconcile.createIntro', { name: crossing.fullName, code: crossing.memberCode })}</Text>
        <Text size="sm">
          {t('reconcile.col.crossing')}:{' '}
          <b>
            {dateText(crossing.exitDate)} – {dateText(crossing.entryDate)}
          </b>
          {crossing.borderGate ? ` · ${crossing.borderGate}` : ''}
        </Text>
        <Select
          label={t('reconcile.purpose')}
          data={tripPurposes.map((value) => ({ value, label: t(`purpose.${value}` as MessageKey) }))}
          value={purpose}
          onChange={(value) => value && setPurpose(value as TripPurpose)}
          allowDeselect={false}
          data-testid="reconcile-purpose"
        />
        <CountrySelect
          label={t('reconcile.countryPick')}
          value={country}
          onChange={setCountry}
          required
          data-testid="reconcile-country"
        />
        <ConfirmPerson crossing={crossing} confirmed={confirmed} onChange={setConfirmed} />
        <FailureAlert error={failure} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('reconcile.cancel')}
          </Button>
          <Button
            onClick={() => void create()}
            loading={busy}
            disabled={country === null || (crossing.needsConfirmation && !confirmed)}
            data-testid="reconcile-create-confirm"
          >
            {t('reconcile.confirmCreate')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function RecordDatesDialog({
  entry,
  onClose,
  onRecorded,
}: {
  entry: DatesDiffer;
  onClose(): void;
  onRecorded(tripId: string): void;
}) {
  const t = useT();
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const record = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const trip = await call('reconcile.recordDates', {
        tripId: entry.tripId,
        person: personOf(entry),
        crossing: { exitDate: entry.exitDate, entryDate: entry.entryDate },
        confirmed,
      });
      onRecorded(trip.id);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title={t('reconcile.recordTitle')} size="lg" data-testid="reconcile-record-dialog">
      <Stack>
        <Text size="sm">
          {t('reconcile.recordIntro', {
            trip: entry.tripCode ?? '',
            name: entry.fullName,
            departure: dateText(entry.exitDate),
            return: dateText(entry.entryDate),
          })}
        </Text>
        <DatesDifferCell entry={entry} />
        <ConfirmPerson crossing={entry} confirmed={confirmed} onChange={setConfirmed} />
        <FailureAlert error={failure} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('reconcile.cancel')}
          </Button>
          <Button
            onClick={() => void record()}
            loading={busy}
            disabled={entry.needsConfirmation && !confirmed}
            data-testid="reconcile-record-confirm"
          >
            {t('reconcile.confirmRecord')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
