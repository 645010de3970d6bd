import { Alert, Badge, Button, Group, Loader, Menu, Modal, Select, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconChevronDown, IconPrinter } from '@tabler/icons-react';
import { useCallback, useState, type FormEvent } from 'react';
import type { AnnualRecordMember, AnnualRecordScope } from '@shared/contract/annualRecords';
import { civilDateInVietnam, formatCivilDate } from '@shared/rules/dates';
import { call } from '../../api/client';
import { errorText } from '../../api/errors';
import { useCanEnterData } from '../../app/permissions';
import { DateField, dateText, datePayload } from '../../components/DateField';
import { FailureAlert } from '../../components/FailureAlert';
import { blobOf, download, mediaTypeOf } from '../../components/files';
import { PageHeader } from '../../components/PageHeader';
import { PrintPreview } from '../../components/PrintPreview';
import { useAction } from '../../components/useAction';
import { useRecord } from '../../components/useRecord';
import { useFormatNumber, useT } from '../../i18n';
import { currentYear, useAnnualRecordFilter } from '../../data/annualRecordFilter';
import { cellChoicesFilter, cellChoicesShown } from '../../data/cells';

/** The years a supplement is usually chased for: the current one, a few before it and the next. */
function yearOptions(): string[] {
  const now = currentYear();
  return Array.from({ length: 7 }, (_, index) => String(now + 1 - index));
}

/** Downloads supplements as a Word file to edit before printing; busy while the file is made. */
function useDownloadDocx() {
  const t = useT();
  const [busy, setBusy] = useState<string | null>(null);
  const print = async (key: string, year: number, scope: AnnualRecordScope) => {
    setBusy(key);
    try {
      const file = await call('annualRecords.render', { year, scope, format: 'docx' });
      download(blobOf(file.contentBase64, mediaTypeOf(file.fileName)), file.fileName);
      notifications.show({ color: 'green', autoClose: 3000, message: t('annualRecord.downloaded', { fileName: file.fileName }) });
    } catch (error) {
      notifications.show({ color: 'red', autoClose: false, message: errorText(error, t) });
    } finally {
      setBusy(null);
    }
  };
  return { busy, print };
}

/** Who has handed in the year's supplement to the personal record, printed from the registry for each member to sign. */
export function AnnualRecordsScreen() {
  const t = useT();
  const formatNumber = useFormatNumber();
  const { year, cellId, set } = useAnnualRecordFilter();
  const canEnterData = useCanEnterData();
  const read = useCallback(() => call('annualRecords.list', cellId ? { year, cellId } : { year }), [year, cellId]);
  const list = useRecord(read);
  const { busy, print } = useDownloadDocx();
  const [marking, setMarking] = useState<AnnualRecordMember | null>(null);
  const [previewed, setPreviewed] = useState<AnnualRecordScope | null>(null);
  const loadPreview = useCallback(
    () => call('annualRecords.render', { year, scope: previewed ?? { kind: 'all' }, format: 'pdf' }),
    [year, previewed],
  );

  const cells = list.value?.cells ?? [];
  const cell = cells.find((entry) => entry.cellId === cellId) ?? null;
  const outstanding = cell ? cell.outstanding : (list.value?.outstanding ?? 0);
  const groupScope: AnnualRecordScope = cell ? { kind: 'cell', cellName: cell.cellName } : { kind: 'all' };

  const unmark = async (member: AnnualRecordMember) => {
    try {
      await call('annualRecords.unmarkReceived', { memberId: member.memberId, year });
      notifications.show({ color: 'green', autoClose: 3000, message: t('annualRecord.unmarked', { name: member.fullName }) });
      await list.reload();
    } catch (error) {
      notifications.show({ color: 'red', autoClose: false, message: errorText(error, t) });
    }
  };

  return (
    <Stack gap="md" data-testid="annual-records">
      <PageHeader
        title={t('annualRecord.title')}
        actions={
          <Menu position="bottom-end" withArrow>
            <Menu.Target>
              <Button
                leftSection={<IconPrinter size={16} />}
                rightSection={<IconChevronDown size={14} />}
                loading={busy === 'group'}
                disabled={!list.value || list.value.members.length === 0}
                data-testid="annual-print-group"
              >
                {cell ? t('annualRecord.printCell') : t('annualRecord.printAll')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => void print('group', year, groupScope)} data-testid="annual-print-group-docx">
                {t('annualRecord.asDocx')}
              </Menu.Item>
              <Menu.Item onClick={() => setPreviewed(groupScope)} data-testid="annual-print-group-pdf">
                {t('annualRecord.asPdf')}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        }
      />
      <Text size="sm" c="dimmed">
        {t('annualRecord.explain')}
      </Text>
      <Group gap="md" align="flex-end">
        <Select
          label={t('annualRecord.year')}
          w={130}
          data={yearOptions()}
          value={String(year)}
          onChange={(value) => value && set({ year: Number(value) })}
          allowDeselect={false}
          data-testid="annual-year"
        />
        <Select
          label={t('annualRecord.cell')}
          w={320}
          data={[
            { value: '', label: t('annualRecord.allCells') },
            ...cells.map((entry) => ({ value: entry.cellId, label: entry.cellName })),
          ]}
          value={cellId ?? ''}
          onChange={(value) => set({ cellId: value ? value : null })}
          allowDeselect={false}
          searchable
          limit={cellChoicesShown}
          filter={cellChoicesFilter}
          data-testid="annual-cell"
        />
        {list.value && (
          <Badge size="lg" color={outstanding > 0 ? 'orange' : 'green'} variant="light" data-testid="annual-outstanding">
            {outstanding > 0 ? t('annualRecord.outstandingTotal', { count: formatNumber(outstanding) }) : t('annualRecord.allIn')}
          </Badge>
        )}
      </Group>
      {list.failure ? <Alert color="red">{errorText(list.failure, t)}</Alert> : null}
      {!list.value && !list.failure && <Loader size="sm" />}
      {list.value && list.value.members.length === 0 && <Text c="dimmed">{t('annualRecord.none')}</Text>}
      {list.value && list.value.members.length > 0 && (
        <Table striped highlightOnHover withTableBorder verticalSpacing={6} data-testid="annual-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('annualRecord.column.member')}</Table.Th>
              <Table.Th>{t('annualRecord.column.cell')}</Table.Th>
              <Table.Th ta="center">{t('annualRecord.column.trips')}</Table.Th>
              <Table.Th>{t('annualRecord.column.receipt')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.value.members.map((member) => (
              <Table.Tr key={member.memberId} data-testid="annual-row" data-received={member.receivedOn ? 'yes' : 'no'}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {member.fullName}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {member.code}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{member.cellName}</Text>
                </Table.Td>
                <Table.Td ta="center">
                  <Text size="sm">{member.tripCount > 0 ? formatNumber(member.tripCount) : t('annualRecord.noTrips')}</Text>
                </Table.Td>
                <Table.Td>
                  {member.receivedOn ? (
                    <Group gap={6} wrap="nowrap">
                      <IconCheck size={16} color="var(--mantine-color-green-7)" />
                      <Text size="sm" data-testid="annual-received">
                        {t('annualRecord.receivedBy', {
                          date: formatCivilDate(member.receivedOn),
                          user: member.recordedBy ?? '',
                        })}
                      </Text>
                    </Group>
                  ) : (
                    <Badge color="orange" variant="light" miw="max-content" data-testid="annual-not-received">
                      {t('annualRecord.notReceived')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    <Button
                      size="xs"
                      variant="default"
                      leftSection={<IconPrinter size={14} />}
                      loading={busy === member.memberId}
                      onClick={() => void print(member.memberId, year, { kind: 'member', memberCode: member.code })}
                      data-testid="annual-print-member"
                    >
                      {t('annualRecord.printMember')}
                    </Button>
                    {canEnterData &&
                      (member.receivedOn ? (
                        <Button
                          size="xs"
                          variant="subtle"
                          color="gray"
                          onClick={() => void unmark(member)}
                          data-testid="annual-unmark"
                        >
                          {t('annualRecord.unmark')}
                        </Button>
                      ) : (
                        <Button size="xs" variant="light" onClick={() => setMarking(member)} data-testid="annual-mark">
                          {t('annualRecord.markReceived')}
                        </Button>
                      ))}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <PrintPreview
        title={previewed ? t('annualRecord.previewTitle', { year: String(year) }) : null}
        load={loadPreview}
        onClose={() => setPreviewed(null)}
      />
      {marking && (
        <MarkReceivedDialog
          member={marking}
          year={year}
          onClose={() => setMarking(null)}
          onSaved={async () => {
            setMarking(null);
            await list.reload();
          }}
        />
      )}
    </Stack>
  );
}

function MarkReceivedDialog({
  member,
  year,
  onClose,
  onSaved,
}: {
  member: AnnualRecordMember;
  year: number;
  onClose(): void;
  onSaved(): Promise<void>;
}) {
  const t = useT();
  const [receivedOn, setReceivedOn] = useState(dateText(civilDateInVietnam(new Date())));
  const save = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await save.run(() =>
      call('annualRecords.markReceived', { memberId: member.memberId, year, receivedOn: datePayload(receivedOn) ?? '' }),
    );
    if (!saved) return;
    notifications.show({ color: 'green', autoClose: 3000, message: t('annualRecord.marked', { name: member.fullName }) });
    await onSaved();
  };
  return (
    <Modal opened onClose={onClose} title={`${t('annualRecord.markReceived')} – ${member.fullName}`}>
      <form onSubmit={(event) => void submit(event)} data-testid="annual-mark-dialog">
        <Stack gap="sm">
          <DateField
            label={t('annualRecord.receivedOn')}
            required
            value={receivedOn}
            onChange={setReceivedOn}
            error={save.errors.receivedOn}
            data-testid="annual-received-on"
          />
          <FailureAlert error={save.error} shownFields={['receivedOn']} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('ui.cancel')}
            </Button>
            <Button type="submit" loading={save.busy} data-testid="annual-mark-save">
              {t('ui.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
