import { ActionIcon, Button, Checkbox, Group, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChartBar, IconEdit, IconFileExport, IconPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { decisions } from '@shared/contract/define';
import type { RoundRow } from '@shared/contract/exchange';
import { call } from '../../api/client';
import { useHasRole } from '../../app/permissions';
import { useSession } from '../../state/sessionStore';
import { DateField, datePayload, dateText } from '../../components/DateField';
import { FailureAlert } from '../../components/FailureAlert';
import { blobOf, download } from '../../components/files';
import { GuardedModal } from '../../components/GuardedModal';
import { useAction } from '../../components/useAction';
import { useReportingPeriod, useRounds, useRoundsStore } from '../../data/reportingPeriod';
import { useT } from '../../i18n';
import { usePackagesView } from './packageStores';

/** The reporting rounds: asked of the subordinate units here, or received from the upper level. */
export function RoundsPanel() {
  const t = useT();
  const level = useSession((state) => state.status?.unit?.level);
  const canDecide = useHasRole(decisions);
  const rounds = useRounds();
  const refresh = useRoundsStore((state) => state.refresh);
  const choose = useReportingPeriod((state) => state.choose);
  const setTab = usePackagesView((state) => state.setTab);
  const [editing, setEditing] = useState<RoundRow | 'new' | null>(null);
  const exporting = useAction();
  const upperLevel = level !== 'commune';

  const exportRequest = async (round: RoundRow) => {
    const file = await exporting.run(() => call('rounds.exportRequest', { id: round.id }));
    if (!file) return;
    download(blobOf(file.contentBase64, 'application/octet-stream'), file.fileName);
    notifications.show({ color: 'green', autoClose: 6000, message: t('rounds.requestExported', { fileName: file.fileName }) });
  };

  return (
    <Stack gap="sm" data-testid="rounds">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Text size="sm" c="dimmed" maw={720}>
          {upperLevel ? t('rounds.explainOwn') : t('rounds.explainReceived')}
        </Text>
        {upperLevel && canDecide && (
          <Button
            variant="light"
            leftSection={<IconPlus size={16} />}
            onClick={() => setEditing('new')}
            flex="none"
            data-testid="round-new"
          >
            {t('rounds.new')}
          </Button>
        )}
      </Group>
      <FailureAlert error={exporting.error} />
      {rounds.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('rounds.none')}
        </Text>
      ) : (
        <Table striped fz="sm" verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={170}>{t('rounds.ref')}</Table.Th>
              <Table.Th>{t('rounds.title')}</Table.Th>
              <Table.Th w={200}>{t('rounds.period')}</Table.Th>
              <Table.Th w={110}>{t('rounds.deadline')}</Table.Th>
              <Table.Th w={180}>{t('rounds.issuer')}</Table.Th>
              {upperLevel && <Table.Th w={250} />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rounds.map((round) => (
              <Table.Tr key={round.id} data-testid="round-row">
                <Table.Td fw={500}>{round.ref}</Table.Td>
                <Table.Td>
                  {round.title}
                  {round.detailsRequested && (
                    <Text size="xs" c="blue.8">
                      {t('rounds.withDetails')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td className="nowrap">
                  {dateText(round.periodFrom)} – {dateText(round.periodTo)}
                </Table.Td>
                <Table.Td>{dateText(round.deadline) || '—'}</Table.Td>
                <Table.Td>{round.isOwn ? t('rounds.own') : (round.issuerName ?? round.issuerCode ?? '—')}</Table.Td>
                {upperLevel && (
                  <Table.Td>
                    <Group gap={2} wrap="nowrap" justify="flex-end">
                      <Tooltip label={t('rounds.showCompleteness')} withArrow>
                        <ActionIcon
                          variant="subtle"
                          onClick={() => {
                            choose({ from: round.periodFrom, to: round.periodTo }, round.id);
                            setTab('completeness');
                          }}
                          aria-label={t('rounds.showCompleteness')}
                          data-testid="round-completeness"
                        >
                          <IconChartBar size={16} />
                        </ActionIcon>
                      </Tooltip>
                      {round.isOwn && canDecide && (
                        <>
                          <Tooltip label={t('action.edit')} withArrow>
                            <ActionIcon
                              variant="subtle"
                              onClick={() => setEditing(round)}
                              aria-label={t('action.edit')}
                              data-testid="round-edit"
                            >
                              <IconEdit size={16} />
                            </ActionIcon>
                          </Tooltip>
                          <Button
                            size="xs"
                            variant="light"
                            leftSection={<IconFileExport size={14} />}
                            onClick={() => void exportRequest(round)}
                            loading={exporting.busy}
                            data-testid="round-export"
                          >
                            {t('rounds.exportRequest')}
                          </Button>
                        </>
                      )}
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <GuardedModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('rounds.new') : t('rounds.edit')}
        size="lg"
        data-testid="round-dialog"
      >
        {editing !== null && (
          <RoundForm
            round={editing === 'new' ? null : editing}
            onSaved={async (saved) => {
              setEditing(null);
              await refresh();
              notifications.show({ color: 'green', message: t('rounds.saved', { ref: saved.ref }) });
            }}
          />
        )}
      </GuardedModal>
    </Stack>
  );
}

function RoundForm({ round, onSaved }: { round: RoundRow | null; onSaved(round: RoundRow): Promise<void> }) {
  const t = useT();
  const [ref, setRef] = useState(round?.ref ?? '');
  const [title, setTitle] = useState(round?.title ?? '');
  const [refDate, setRefDate] = useState(dateText(round?.refDate));
  const [periodFrom, setPeriodFrom] = useState(dateText(round?.periodFrom));
  const [periodTo, setPeriodTo] = useState(dateText(round?.periodTo));
  const [deadline, setDeadline] = useState(dateText(round?.deadline));
  const [detailsRequested, setDetailsRequested] = useState(round?.detailsRequested ?? false);
  const save = useAction();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await save.run(() =>
      call('rounds.save', {
        ...(round ? { id: round.id } : {}),
        ref,
        title,
        refDate: datePayload(refDate),
        periodFrom: datePayload(periodFrom) ?? '',
        periodTo: datePayload(periodTo) ?? '',
        deadline: datePayload(deadline) ?? '',
        detailsRequested,
      }),
    );
    if (saved) await onSaved(saved);
  };

  const fields = ['ref', 'title', 'refDate', 'periodFrom', 'periodTo', 'deadline'];
  return (
    <form onSubmit={(event) => void submit(event)} data-testid="round-form">
      <Stack gap="sm">
        <SimpleGrid cols={2} spacing="sm">
          <TextInput
            label={t('rounds.ref')}
            description={t('rounds.ref.hint')}
            required
            value={ref}
            onChange={(event) => setRef(event.currentTarget.value)}
            error={save.errors.ref}
            data-testid="round-ref"
          />
          <DateField
            label={t('rounds.refDate')}
            value={refDate}
            onChange={setRefDate}
            error={save.errors.refDate}
            data-testid="round-refDate"
          />
        </SimpleGrid>
        <Textarea
          label={t('rounds.title')}
          required
          autosize
          minRows={2}
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          error={save.errors.title}
          data-testid="round-title"
        />
        <SimpleGrid cols={3} spacing="sm">
          <DateField
            label={t('rounds.periodFrom')}
            required
            value={periodFrom}
            onChange={setPeriodFrom}
            error={save.errors.periodFrom}
            data-testid="round-periodFrom"
          />
          <DateField
            label={t('rounds.periodTo')}
            required
            value={periodTo}
            onChange={setPeriodTo}
            error={save.errors.periodTo}
            data-testid="round-periodTo"
          />
          <DateField
            label={t('rounds.deadline')}
            required
            value={deadline}
            onChange={setDeadline}
            error={save.errors.deadline}
            data-testid="round-deadline"
          />
        </SimpleGrid>
        <Checkbox
          label={t('rounds.detailsRequested')}
          description={t('rounds.detailsRequested.hint')}
          checked={detailsRequested}
          onChange={(event) => setDetailsRequested(event.currentTarget.checked)}
          data-testid="round-details"
        />
        <FailureAlert error={save.error} shownFields={fields} />
        <Group justify="flex-end">
          <Button type="submit" loading={save.busy} data-testid="round-save">
            {t('ui.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
