import {
  ActionIcon,
  Button,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { IconEdit, IconPlus } from '@tabler/icons-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import type { ActivityEventInput, ActivityEventRow, MemberDetail } from '@shared/contract/registry';
import {
  foreignMarriageOutcomes,
  partyActivityEventKinds,
  type ForeignMarriageOutcome,
  type PartyActivityEventKind,
} from '@shared/domain/enums';
import { hasMessage } from '@shared/i18n';
import { isCountryCode, type CountryCode } from '@shared/text';
import { call } from '../../api/client';
import { useCanEnterData } from '../../app/permissions';
import { CountrySelect, useCountryNames } from '../../components/CountrySelect';
import { DateField, datePayload, dateText } from '../../components/DateField';
import { DeleteButton } from '../../components/DeleteButton';
import { EnumSelect } from '../../components/EnumSelect';
import { FailureAlert } from '../../components/FailureAlert';
import { RecordModal, type Editing } from '../../components/RecordModal';
import { useAction } from '../../components/useAction';
import { useT } from '../../i18n';

type EventField =
  | 'tripId'
  | 'endDate'
  | 'destination'
  | 'returned'
  | 'returnedDate'
  | 'spouseCountry'
  | 'marriageOutcome'
  | 'disciplineForm'
  | 'decidingBody'
  | 'decisionRef'
  | 'decisionDate'
  | 'reason';

/** The details each kind of event records, in the order the form asks for them. */
const fieldsByKind: Record<PartyActivityEventKind, readonly EventField[]> = {
  temporary_transfer_out: ['tripId', 'destination', 'endDate', 'decisionRef', 'decisionDate', 'reason'],
  official_transfer_out: ['tripId', 'destination', 'decidingBody', 'decisionRef', 'decisionDate', 'reason'],
  exemption: ['tripId', 'endDate', 'decidingBody', 'decisionRef', 'decisionDate', 'reason'],
  return_readmission: ['tripId', 'decidingBody', 'decisionRef', 'decisionDate'],
  labour_export_transfer: ['tripId', 'destination', 'returned', 'returnedDate', 'decisionRef', 'decisionDate'],
  labour_export_return: ['tripId', 'decidingBody', 'decisionRef', 'decisionDate'],
  foreign_marriage: ['spouseCountry', 'marriageOutcome', 'decidingBody', 'decisionRef', 'decisionDate'],
  left_party: ['reason', 'decidingBody', 'decisionRef', 'decisionDate'],
  struck_off: ['reason', 'decidingBody', 'decisionRef', 'decisionDate'],
  discipline: ['disciplineForm', 'reason', 'decidingBody', 'decisionRef', 'decisionDate'],
};

interface EventDraft {
  kind: PartyActivityEventKind;
  effectiveDate: string;
  tripId: string | null;
  endDate: string;
  destination: string;
  returned: 'unknown' | 'yes' | 'no';
  returnedDate: string;
  spouseCountry: CountryCode | null;
  marriageOutcome: ForeignMarriageOutcome | null;
  disciplineForm: string;
  decidingBody: string;
  decisionRef: string;
  decisionDate: string;
  reason: string;
  notes: string;
}

function draftOf(event: ActivityEventRow | null): EventDraft {
  return {
    kind: event?.kind ?? 'temporary_transfer_out',
    effectiveDate: dateText(event?.effectiveDate),
    tripId: event?.tripId ?? null,
    endDate: dateText(event?.endDate),
    destination: event?.destination ?? '',
    returned: event?.returned === true ? 'yes' : event?.returned === false ? 'no' : 'unknown',
    returnedDate: dateText(event?.returnedDate),
    spouseCountry: event?.spouseCountry && isCountryCode(event.spouseCountry) ? event.spouseCountry : null,
    marriageOutcome: event?.marriageOutcome ?? null,
    disciplineForm: event?.disciplineForm ?? '',
    decidingBody: event?.decidingBody ?? '',
    decisionRef: event?.decisionRef ?? '',
    decisionDate: dateText(event?.decisionDate),
    reason: event?.reason ?? '',
    notes: event?.notes ?? '',
  };
}

/** Only the details the kind records are sent: a kind changed half-way leaves no stray fields behind. */
function payloadOf(draft: EventDraft, memberId: string, id: string | undefined): ActivityEventInput {
  const asked = new Set(fieldsByKind[draft.kind]);
  const text = (field: EventField & keyof EventDraft, value: string) => (asked.has(field) && value.trim() !== '' ? value : null);
  const date = (field: EventField, value: string) => (asked.has(field) ? datePayload(value) : null);
  return {
    ...(id ? { id } : {}),
    memberId,
    kind: draft.kind,
    effectiveDate: datePayload(draft.effectiveDate) ?? '',
    tripId: asked.has('tripId') ? draft.tripId : null,
    endDate: date('endDate', draft.endDate),
    destination: text('destination', draft.destination),
    returned: asked.has('returned') && draft.returned !== 'unknown' ? draft.returned === 'yes' : null,
    returnedDate: asked.has('returned') && draft.returned === 'yes' ? date('returnedDate', draft.returnedDate) : null,
    spouseCountry: asked.has('spouseCountry') ? draft.spouseCountry : null,
    marriageOutcome: asked.has('marriageOutcome') ? draft.marriageOutcome : null,
    disciplineForm: text('disciplineForm', draft.disciplineForm),
    decidingBody: text('decidingBody', draft.decidingBody),
    decisionRef: text('decisionRef', draft.decisionRef),
    decisionDate: date('decisionDate', draft.decisionDate),
    reason: text('reason', draft.reason),
    notes: draft.notes.trim() === '' ? null : draft.notes,
  };
}

interface ActivityEventsProps {
  member: MemberDetail;
  onChanged(): Promise<void>;
}

/** Transfers, exemptions, returns, labour export, foreign marriage, leaving the party, discipline. */
export function ActivityEvents({ member, onChanged }: ActivityEventsProps) {
  const t = useT();
  const canEdit = useCanEnterData();
  const [editing, setEditing] = useState<Editing<ActivityEventRow>>(null);
  const removal = useAction();
  const summary = useEventSummary();

  return (
    <Stack gap="sm" data-testid="activity-events">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('activity.explain')}
        </Text>
        {canEdit && (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} />}
            onClick={() => setEditing('new')}
            data-testid="activity-add"
          >
            {t('activity.add')}
          </Button>
        )}
      </Group>
      <FailureAlert error={removal.error} />
      {member.events.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('activity.none')}
        </Text>
      ) : (
        <Table striped verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('activity.kind')}</Table.Th>
              <Table.Th>{t('activity.period')}</Table.Th>
              <Table.Th>{t('activity.details')}</Table.Th>
              <Table.Th>{t('activity.decision')}</Table.Th>
              <Table.Th w={80} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {member.events.map((event) => (
              <Table.Tr key={event.id} data-testid="activity-row">
                <Table.Td fw={500}>{t(`activityEvent.${event.kind}`)}</Table.Td>
                <Table.Td>
                  {dateText(event.effectiveDate)}
                  {event.endDate && ` – ${dateText(event.endDate)}`}
                </Table.Td>
                <Table.Td>{summary(event)}</Table.Td>
                <Table.Td>{[event.decisionRef, dateText(event.decisionDate)].filter(Boolean).join(', ')}</Table.Td>
                <Table.Td>
                  {canEdit && (
                    <Group gap={2} wrap="nowrap" justify="flex-end">
                      <Tooltip label={t('action.edit')} withArrow>
                        <ActionIcon variant="subtle" onClick={() => setEditing(event)} aria-label={t('action.edit')}>
                          <IconEdit size={16} />
                        </ActionIcon>
                      </Tooltip>
                      <DeleteButton
                        question={t('activity.deleteQuestion', {
                          kind: t(`activityEvent.${event.kind}`),
                          date: dateText(event.effectiveDate),
                        })}
                        onConfirm={async () => {
                          if (await removal.run(() => call('activityEvents.delete', { id: event.id }))) await onChanged();
                        }}
                      />
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <RecordModal editing={editing} onClose={() => setEditing(null)} addTitle={t('activity.add')} editTitle={t('activity.edit')}>
        {(record) => (
          <ActivityEventForm
            member={member}
            event={record}
            onSaved={async () => {
              setEditing(null);
              await onChanged();
            }}
          />
        )}
      </RecordModal>
    </Stack>
  );
}

/** The recorded details of an event in one line: where to, until when, the outcome. */
function useEventSummary(): (event: ActivityEventRow) => string {
  const t = useT();
  const countryNames = useCountryNames();
  return (event) =>
    [
      event.destination,
      event.decidingBody,
      event.spouseCountry && countryNames([event.spouseCountry]),
      event.marriageOutcome && t(`marriageOutcome.${event.marriageOutcome}`),
      event.returned === true && t('activity.returned.yesOn', { date: dateText(event.returnedDate) || '…' }),
      event.returned === false && t('activity.returned.no'),
      event.disciplineForm,
      event.reason,
    ]
      .filter(Boolean)
      .join(' · ');
}

interface ActivityEventFormProps {
  member: MemberDetail;
  event: ActivityEventRow | null;
  onSaved(): Promise<void>;
}

function ActivityEventForm({ member, event, onSaved }: ActivityEventFormProps) {
  const t = useT();
  const [draft, setDraft] = useState(() => draftOf(event));
  const save = useAction();
  const asked = fieldsByKind[draft.kind];
  const set = <Field extends keyof EventDraft>(field: Field, value: EventDraft[Field]) =>
    setDraft((current) => ({ ...current, [field]: value }));
  /** A label worded for the kind where the general one would be vague ("Miễn sinh hoạt từ ngày"). */
  const label = (field: EventField | 'effectiveDate') => {
    const specific = `activityField.${field}.${draft.kind}`;
    return hasMessage(specific) ? t(specific) : t(`activityField.${field}`);
  };
  const textField = (field: 'destination' | 'disciplineForm' | 'decidingBody' | 'decisionRef') => (
    <TextInput
      key={field}
      label={label(field)}
      value={draft[field]}
      onChange={(change) => set(field, change.currentTarget.value)}
      error={save.errors[field]}
      data-testid={`activity-${field}`}
    />
  );
  const dateField = (field: 'endDate' | 'returnedDate' | 'decisionDate') => (
    <DateField
      key={field}
      label={label(field)}
      value={draft[field]}
      onChange={(value) => set(field, value)}
      error={save.errors[field]}
      withAsterisk={field === 'endDate' && draft.kind === 'exemption'}
      data-testid={`activity-${field}`}
    />
  );
  const fields: Record<EventField, () => ReactNode> = {
    tripId: () => (
      <Select
        key="tripId"
        label={label('tripId')}
        data={member.trips.map((trip) => ({
          value: trip.id,
          label: `${t(`purpose.${trip.purpose}`)} · ${dateText(trip.plannedDeparture)} – ${dateText(trip.plannedReturn)}`,
        }))}
        value={draft.tripId}
        onChange={(tripId) => set('tripId', tripId)}
        clearable
        error={save.errors.tripId}
      />
    ),
    endDate: () => dateField('endDate'),
    destination: () => textField('destination'),
    returned: () => (
      <Stack key="returned" gap={4}>
        <Text size="sm" fw={500}>
          {label('returned')}
        </Text>
        <SegmentedControl
          size="xs"
          value={draft.returned}
          onChange={(value) => set('returned', value === 'yes' ? 'yes' : value === 'no' ? 'no' : 'unknown')}
          data={[
            { value: 'unknown', label: t('activity.returned.unknown') },
            { value: 'yes', label: t('activity.returned.yes') },
            { value: 'no', label: t('activity.returned.no') },
          ]}
          data-testid="activity-returned"
        />
      </Stack>
    ),
    returnedDate: () => (draft.returned === 'yes' ? dateField('returnedDate') : null),
    spouseCountry: () => (
      <CountrySelect
        key="spouseCountry"
        label={label('spouseCountry')}
        value={draft.spouseCountry}
        onChange={(code) => set('spouseCountry', code)}
        error={save.errors.spouseCountry}
        data-testid="activity-spouseCountry"
      />
    ),
    marriageOutcome: () => (
      <EnumSelect
        key="marriageOutcome"
        label={label('marriageOutcome')}
        values={foreignMarriageOutcomes}
        labelOf={(outcome) => `marriageOutcome.${outcome}`}
        value={draft.marriageOutcome ?? 'pending'}
        onChange={(outcome) => set('marriageOutcome', outcome)}
        allowDeselect={false}
        error={save.errors.marriageOutcome}
        data-testid="activity-marriageOutcome"
      />
    ),
    disciplineForm: () => textField('disciplineForm'),
    decidingBody: () => textField('decidingBody'),
    decisionRef: () => textField('decisionRef'),
    decisionDate: () => dateField('decisionDate'),
    // The reason is long text, asked under the grid of short fields.
    reason: () => null,
  };

  const submit = async (submitted: FormEvent) => {
    submitted.preventDefault();
    const saved = await save.run(() => call('activityEvents.save', payloadOf(draft, member.id, event?.id)));
    if (saved) await onSaved();
  };

  return (
    <form onSubmit={(submitted) => void submit(submitted)} noValidate data-testid="activity-form">
      <Stack gap="sm">
        <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs">
          <EnumSelect
            label={t('activity.kind')}
            values={partyActivityEventKinds}
            labelOf={(kind) => `activityEvent.${kind}`}
            value={draft.kind}
            onChange={(kind) => kind && set('kind', kind)}
            allowDeselect={false}
            withAsterisk
            data-testid="activity-kind"
          />
          <DateField
            label={label('effectiveDate')}
            value={draft.effectiveDate}
            onChange={(value) => set('effectiveDate', value)}
            error={save.errors.effectiveDate}
            withAsterisk
            data-testid="activity-effectiveDate"
          />
          {asked.map((field) => fields[field]())}
        </SimpleGrid>
        {asked.includes('reason') && (
          <Textarea
            label={label('reason')}
            value={draft.reason}
            onChange={(change) => set('reason', change.currentTarget.value)}
            autosize
            minRows={2}
            error={save.errors.reason}
            data-testid="activity-reason"
          />
        )}
        <Textarea
          label={t('activityField.notes')}
          value={draft.notes}
          onChange={(change) => set('notes', change.currentTarget.value)}
          autosize
          minRows={1}
          error={save.errors.notes}
        />
        <FailureAlert error={save.error} shownFields={['kind', 'effectiveDate', 'notes', ...asked]} />
        <Group justify="flex-end">
          <Button type="submit" loading={save.busy} data-testid="activity-save">
            {t('ui.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
