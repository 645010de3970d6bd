import { Button, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import type { CallInput } from '@shared/contract';
import type { TripDetail } from '@shared/contract/registry';
import { standingCommitteeOf } from '@shared/domain/committees';
import { civilDateInVietnam, formatCivilDate } from '@shared/rules/dates';
import { requiredText } from '@shared/domain/primitives';
import { transitionInputSchemas, type TripTransition } from '@shared/rules/tripMachine';
import { issuesFromZod } from '@shared/validation';
import { call } from '../../api/client';
import { localFieldErrors } from '../../api/errors';
import { useSession } from '../../state/sessionStore';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DateField, datePayload, dateText } from '../../components/DateField';
import { FailureAlert } from '../../components/FailureAlert';
import { GuardedModal } from '../../components/GuardedModal';
import { useAction } from '../../components/useAction';
import { useT } from '../../i18n';

type InputKind = 'date' | 'text' | 'longText';

interface InputField {
  /** The input's path, dotted for the return report's contents. */
  name: string;
  kind: InputKind;
  /** Most transitions record something that happened today. */
  today?: boolean;
  /** Most trips are decided by the unit's own standing committee: offered, and changed when another decided. */
  ownStandingCommittee?: boolean;
}

/** How each transition's input (`transitionInputSchemas`) is asked for; what is required comes from the schema itself. */
const transitionFields = {
  submit: [
    { name: 'applicationDate', kind: 'date', today: true },
    { name: 'commitmentDate', kind: 'date' },
    { name: 'cellOpinion', kind: 'longText' },
  ],
  approve: [
    { name: 'approvalRef', kind: 'text' },
    { name: 'approvalDate', kind: 'date', today: true },
    { name: 'approvingCommittee', kind: 'text', ownStandingCommittee: true },
  ],
  reject: [
    { name: 'decisionDate', kind: 'date', today: true },
    { name: 'decisionRef', kind: 'text' },
    { name: 'reason', kind: 'longText' },
  ],
  cancel: [
    { name: 'cancelledOn', kind: 'date', today: true },
    { name: 'reason', kind: 'longText' },
  ],
  depart: [{ name: 'actualDeparture', kind: 'date', today: true }],
  extend: [
    { name: 'extendedReturn', kind: 'date' },
    { name: 'extensionRef', kind: 'text' },
    { name: 'extensionDate', kind: 'date', today: true },
  ],
  record_unauthorised_stay: [
    { name: 'recordedOn', kind: 'date', today: true },
    { name: 'note', kind: 'longText' },
  ],
  return: [{ name: 'actualReturn', kind: 'date', today: true }],
  report: [
    { name: 'returnReportDate', kind: 'date', today: true },
    { name: 'contents.foreignContacts', kind: 'longText' },
    { name: 'contents.giftsAndInvitations', kind: 'longText' },
    { name: 'contents.documentsBroughtBack', kind: 'longText' },
    { name: 'contents.issues', kind: 'longText' },
  ],
  close: [
    { name: 'closedOn', kind: 'date', today: true },
    { name: 'evaluation', kind: 'longText' },
  ],
} as const satisfies Record<TripTransition, readonly InputField[]>;

function fieldSchema(transition: TripTransition, name: string): z.ZodType {
  let schema: z.ZodType = transitionInputSchemas[transition];
  for (const part of name.split('.')) schema = (schema as z.ZodObject<Record<string, z.ZodType>>).shape[part]!;
  return schema;
}

/** Required when the schema takes neither a missing value nor an empty one. */
function isRequired(transition: TripTransition, name: string): boolean {
  const schema = fieldSchema(transition, name);
  return !schema.safeParse(undefined).success && !schema.safeParse('').success;
}

/** The input object from the texts typed: empty optional values are left out, dates read from dd/mm/yyyy. */
function inputOf(transition: TripTransition, values: Record<string, string>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const field of transitionFields[transition]) {
    const text = values[field.name] ?? '';
    const value = field.kind === 'date' ? datePayload(text) : text;
    const omitted = (value === null || value === '') && fieldSchema(transition, field.name).safeParse(undefined).success;
    if (omitted) continue;
    const path = field.name.split('.');
    let target = input;
    for (const part of path.slice(0, -1)) target = (target[part] ??= {}) as Record<string, unknown>;
    target[path.at(-1)!] = value ?? undefined;
  }
  return input;
}

/** Errors by the dialog's field names, whether the schema here or the services found them. */
function withoutInputPrefix(errors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([path, message]) => [path.replace(/^input\./, ''), message]));
}

/** Steps that end the trip's prospects or put a violation on record: asked once more before they are recorded. */
export const irreversibleTransitions = [
  'reject',
  'cancel',
  'record_unauthorised_stay',
] as const satisfies readonly TripTransition[];
type IrreversibleTransition = (typeof irreversibleTransitions)[number];

export function isIrreversible(transition: TripTransition): transition is IrreversibleTransition {
  return irreversibleTransitions.some((candidate) => candidate === transition);
}

/** What the step recorded, as the dialog's texts: the starting point of a correction. */
function recordedTexts(transition: TripTransition, values: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    transitionFields[transition].map((field: InputField) => {
      const value = field.name
        .split('.')
        .reduce<unknown>(
          (node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined),
          values,
        );
      const textValue = typeof value === 'string' ? value : '';
      return [field.name, field.kind === 'date' ? dateText(textValue) : textValue];
    }),
  );
}

const CorrectionReason = requiredText(2000);

interface TransitionDialogProps {
  trip: TripDetail;
  transition: TripTransition | null;
  /** Correcting the trip's last recorded step rather than recording a new one. */
  correcting?: boolean;
  onClose(): void;
  onDone(trip: TripDetail): void;
}

export function TransitionDialog({ trip, transition, correcting = false, onClose, onDone }: TransitionDialogProps) {
  const t = useT();
  const title = transition
    ? correcting
      ? t('correction.title', { step: t(`transition.${transition}`) })
      : t(`transition.${transition}`)
    : '';
  return (
    <GuardedModal opened={transition !== null} onClose={onClose} title={title} size="lg" data-testid="transition-dialog">
      {transition && (
        <TransitionForm
          key={`${transition}-${String(correcting)}`}
          trip={trip}
          transition={transition}
          correcting={correcting}
          onDone={onDone}
          onCancel={onClose}
        />
      )}
    </GuardedModal>
  );
}

interface TransitionFormProps {
  trip: TripDetail;
  transition: TripTransition;
  correcting: boolean;
  onDone(trip: TripDetail): void;
  onCancel(): void;
}

function TransitionForm({ trip, transition, correcting, onDone, onCancel }: TransitionFormProps) {
  const t = useT();
  const fields = transitionFields[transition];
  const unitName = useSession((state) => state.status?.unit?.name ?? '');
  const [values, setValues] = useState<Record<string, string>>(() => {
    if (correcting) {
      const step = trip.events.findLast((event) => event.transition === transition);
      return recordedTexts(transition, step?.values ?? {});
    }
    const today = formatCivilDate(civilDateInVietnam(new Date()));
    return Object.fromEntries(
      fields.map((field: InputField) => [
        field.name,
        field.today ? today : field.ownStandingCommittee ? standingCommitteeOf(unitName) : '',
      ]),
    );
  });
  const [reason, setReason] = useState('');
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState<{ step: IrreversibleTransition; request: CallInput<'trips.transition'> } | null>(
    null,
  );
  const send = useAction();
  const errors = { ...localErrors, ...withoutInputPrefix(send.errors) };
  const set = (name: string, value: string) => {
    setValues((current) => ({ ...current, [name]: value }));
    setLocalErrors(({ [name]: _fixed, ...rest }) => rest);
  };

  const record = async (request: CallInput<'trips.transition'>) => {
    setConfirming(null);
    const updated = await send.run(() => call('trips.transition', request));
    if (updated) onDone(updated);
  };

  const correct = async (input: unknown, checkedReason: string) => {
    // The schema has just accepted this input for exactly this step.
    const request = { tripId: trip.id, reason: checkedReason, step: { transition, input } } as CallInput<'trips.correctStep'>;
    const updated = await send.run(() => call('trips.correctStep', request));
    if (updated) onDone(updated);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = inputOf(transition, values);
    const checked = transitionInputSchemas[transition].safeParse(input);
    const checkedReason = correcting ? CorrectionReason.safeParse(reason) : null;
    setLocalErrors({
      ...(checked.success ? {} : localFieldErrors(issuesFromZod(checked.error), t)),
      ...(checkedReason && !checkedReason.success ? localFieldErrors(issuesFromZod(checkedReason.error), t, 'reason') : {}),
    });
    send.clear();
    if (!checked.success || (checkedReason && !checkedReason.success)) return;
    if (checkedReason) {
      await correct(checked.data, checkedReason.data);
      return;
    }
    // The schema above has just accepted this input for exactly this transition.
    const request = { tripId: trip.id, transition, input: checked.data } as CallInput<'trips.transition'>;
    if (isIrreversible(transition)) setConfirming({ step: transition, request });
    else await record(request);
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid="transition-form">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {correcting ? t('correction.help') : t(`transitionHelp.${transition}`)}
        </Text>
        {fields.map((field, index) => {
          const common = {
            label: t(`transitionField.${field.name}`),
            withAsterisk: isRequired(transition, field.name),
            error: errors[field.name],
            'data-testid': `transition-${field.name}`,
            'data-autofocus': index === 0 || undefined,
          };
          if (field.kind === 'date')
            return (
              <DateField
                key={field.name}
                {...common}
                value={values[field.name] ?? ''}
                onChange={(value) => set(field.name, value)}
              />
            );
          if (field.kind === 'text')
            return (
              <TextInput
                key={field.name}
                {...common}
                value={values[field.name] ?? ''}
                onChange={(event) => set(field.name, event.currentTarget.value)}
              />
            );
          return (
            <Textarea
              key={field.name}
              {...common}
              autosize
              minRows={2}
              maxRows={8}
              value={values[field.name] ?? ''}
              onChange={(event) => set(field.name, event.currentTarget.value)}
            />
          );
        })}
        {correcting && (
          <Textarea
            label={t('correction.reason')}
            description={t('correction.reasonHint')}
            withAsterisk
            autosize
            minRows={2}
            value={reason}
            onChange={(event) => {
              setReason(event.currentTarget.value);
              setLocalErrors(({ reason: _fixed, ...rest }) => rest);
            }}
            error={errors.reason}
            data-testid="correction-reason"
          />
        )}
        <FailureAlert
          error={send.error}
          shownFields={[...fields.flatMap((field) => [field.name, `input.${field.name}`]), 'reason']}
          data-testid="transition-refusal"
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onCancel}>
            {t('ui.cancel')}
          </Button>
          <Button type="submit" loading={send.busy} data-testid="transition-confirm">
            {correcting ? t('correction.save') : t('tripPage.record')}
          </Button>
        </Group>
      </Stack>
      <ConfirmDialog
        opened={confirming !== null}
        title={t('confirmStep.title', { step: t(`transition.${transition}`) })}
        confirmLabel={t(`transition.${transition}`)}
        danger
        busy={send.busy}
        onConfirm={() => confirming && void record(confirming.request)}
        onCancel={() => setConfirming(null)}
      >
        {confirming && t(`confirmStep.${confirming.step}`, { name: trip.memberName })}
      </ConfirmDialog>
    </form>
  );
}
