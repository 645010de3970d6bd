import {
  Alert,
  Button,
  Center,
  Grid,
  Group,
  List,
  Loader,
  Paper,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconArchive, IconEdit, IconHistory, IconPencilCheck, IconTrash, IconUser } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { TripDeletion, type FlagEntry, type MemberDetail, type TripDetail } from '@shared/contract/registry';
import type { MessageKey } from '@shared/i18n';
import { issuesFromZod } from '@shared/validation';
import type { TripState } from '@shared/domain/enums';
import { correctionEventName } from '@shared/rules/tripCorrection';
import { TripTransition, tripTransitions, transitionBlockers, transitionRules } from '@shared/rules/tripMachine';
import type { RuleIssue } from '@shared/rules/types';
import { call } from '../../api/client';
import { errorText, localFieldErrors } from '../../api/errors';
import { useNavigation } from '../../state/navigation';
import { useCanEnterData } from '../../app/permissions';
import { useSession } from '../../state/sessionStore';
import { useCountryNames } from '../../components/CountrySelect';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { dateText } from '../../components/DateField';
import { FailureAlert } from '../../components/FailureAlert';
import { useAction } from '../../components/useAction';
import { instantText } from '../../components/format';
import { InfoGrid } from '../../components/InfoGrid';
import { PageHeader } from '../../components/PageHeader';
import { BracketLabel, TripStateBadge } from '../../components/tripLabels';
import { useRecord } from '../../components/useRecord';
import { useRuleContext, type RuleContext } from '../../data/registrySettings';
import { useT } from '../../i18n';
import { Attachments } from './Attachments';
import { PrintForms } from './PrintForms';
import { isIrreversible, TransitionDialog } from './TransitionDialog';
import { tripRecordFacts } from './tripDraft';
import { TripHintsPanel } from './TripHintsPanel';
import { tripsChanged } from '../../data/tripList';

/** The step that moves the trip on comes first; refusing, cancelling and recording an overstay after it. */
function forwardFirst(transitions: readonly TripTransition[]): TripTransition[] {
  return [...transitions.filter((transition) => !isIrreversible(transition)), ...transitions.filter(isIrreversible)];
}

export function TripPage({ tripId }: { tripId: string }) {
  const t = useT();
  const read = useCallback(() => call('trips.get', { id: tripId }), [tripId]);
  const trip = useRecord(read);
  if (trip.failure) return <Alert color="red">{errorText(trip.failure, t)}</Alert>;
  if (!trip.value) {
    return (
      <Center p="xl">
        <Loader />
      </Center>
    );
  }
  return <TripView trip={trip.value} onChanged={trip.set} reload={trip.reload} />;
}

interface TripViewProps {
  trip: TripDetail;
  onChanged(trip: TripDetail): void;
  reload(): Promise<void>;
}

function TripView({ trip, onChanged, reload }: TripViewProps) {
  const t = useT();
  const canEdit = useCanEnterData();
  const open = useNavigation((state) => state.open);
  const context = useRuleContext();
  const [member, setMember] = useState<MemberDetail | null>(null);
  const [transition, setTransition] = useState<TripTransition | null>(null);
  const [correcting, setCorrecting] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const facts = useMemo(() => tripRecordFacts(trip), [trip]);

  useEffect(() => {
    let current = true;
    call('members.get', { id: trip.memberId })
      .then((found) => current && setMember(found))
      .catch(() => current && setMember(null));
    return () => {
      current = false;
    };
  }, [trip.memberId]);

  const done = (updated: TripDetail) => {
    const recorded = transition;
    const corrected = correcting;
    setTransition(null);
    setCorrecting(false);
    onChanged(updated);
    tripsChanged();
    if (!recorded) return;
    const message = corrected
      ? t('correction.done', { step: t(`transition.${recorded}`) })
      : t('tripPage.recorded', { transition: t(`transition.${recorded}`), state: t(`tripState.${updated.state}`) });
    notifications.show({ color: 'green', autoClose: 3000, message });
  };
  const correctStep = trip.correctableStep;

  return (
    <Stack gap="md" data-testid="trip-page">
      <PageHeader
        withBack
        title={t('tripPage.title', { name: trip.memberName })}
        badges={
          <Group gap={6} wrap="nowrap">
            {trip.code && (
              <Text c="dimmed" size="sm">
                {trip.code}
              </Text>
            )}
            <TripStateBadge state={trip.state} />
          </Group>
        }
        actions={
          <>
            <Button
              variant="default"
              leftSection={<IconUser size={16} />}
              onClick={() => open('members', { kind: 'member', memberId: trip.memberId })}
              data-testid="trip-open-member"
            >
              {t('tripPage.member')}
            </Button>
            <PrintForms tripId={trip.id} />
            {canEdit && (
              <Button
                variant="default"
                leftSection={<IconEdit size={16} />}
                onClick={() => open('trips', { kind: 'tripForm', tripId: trip.id, memberId: trip.memberId })}
                data-testid="trip-edit"
              >
                {t('action.edit')}
              </Button>
            )}
          </>
        }
      />
      <Grid gap="md" align="flex-start">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            {canEdit && <TransitionBar trip={trip} member={member} context={context} onChoose={setTransition} />}
            {canEdit && (correctStep || trip.deletable) && (
              <Group gap="xs" justify="flex-end" data-testid="record-corrections">
                {correctStep && (
                  <Tooltip
                    label={t('correction.tooltip', { step: t(`transition.${correctStep}`) })}
                    withArrow
                    multiline
                    maw={320}
                  >
                    <Button
                      size="xs"
                      variant="subtle"
                      leftSection={<IconPencilCheck size={14} />}
                      onClick={() => {
                        setCorrecting(true);
                        setTransition(correctStep);
                      }}
                      data-testid="trip-correct-step"
                    >
                      {t('correction.button')}
                    </Button>
                  </Tooltip>
                )}
                {trip.deletable && (
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    leftSection={<IconTrash size={14} />}
                    onClick={() => setDeleting(true)}
                    data-testid="trip-delete"
                  >
                    {t('tripDelete.button')}
                  </Button>
                )}
              </Group>
            )}
            {trip.unreportedFoundOn && (
              <Text size="sm" c="red.8" data-testid="trip-unreported-found">
                {t('tripPage.unreportedFoundOn', { date: dateText(trip.unreportedFoundOn) })}
              </Text>
            )}
            <FlagList trip={trip} />
            <TripDetails trip={trip} member={member} />
            <Section title={t('tripPage.history')}>
              <History trip={trip} />
            </Section>
            <Section title={t('tripPage.attachments')}>
              <Attachments tripId={trip.id} attachments={trip.attachments} onChanged={reload} />
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }} className="hints-column">
          <TripHintsPanel facts={facts} context={context} />
        </Grid.Col>
      </Grid>
      <TransitionDialog
        trip={trip}
        transition={transition}
        correcting={correcting}
        onClose={() => {
          setTransition(null);
          setCorrecting(false);
        }}
        onDone={done}
      />
      {deleting && <DeleteTripDialog trip={trip} onClose={() => setDeleting(false)} />}
    </Stack>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="sm">
      <Title order={4} fz="sm" mb="xs">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

interface TransitionBarProps {
  trip: TripDetail;
  member: MemberDetail | null;
  context: RuleContext | null;
  onChoose(transition: TripTransition): void;
}

/**
 * The next steps of the trip's life. The services list the steps open now; the steps its state
 * allows but a condition blocks are shown disabled with the rules' reasons, so nobody has to guess.
 */
function TransitionBar({ trip, member, context, onChoose }: TransitionBarProps) {
  const t = useT();
  if (trip.memberArchived) {
    return (
      <Alert color="gray" icon={<IconArchive size={18} />}>
        {t('tripPage.memberArchived')}
      </Alert>
    );
  }
  const allowedByState = (state: TripState) =>
    tripTransitions.filter((candidate) => transitionRules[candidate].from.includes(state));
  const blocked = allowedByState(trip.state).filter((candidate) => !trip.availableTransitions.includes(candidate));
  const reasons = new Map<TripTransition, RuleIssue[]>(
    blocked.map((candidate) => [
      candidate,
      context ? transitionBlockers(tripRecordFacts(trip), candidate, { today: context.today, member }) : [],
    ]),
  );
  if (trip.availableTransitions.length === 0 && blocked.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="no-transitions">
        {t('tripPage.noTransitions')}
      </Text>
    );
  }
  return (
    <Paper withBorder p="sm" data-testid="transitions">
      <Stack gap="xs">
        <Title order={4} fz="sm">
          {t('tripPage.nextSteps')}
        </Title>
        <Group gap="xs">
          {forwardFirst(trip.availableTransitions).map((candidate) => (
            <Button
              key={candidate}
              size="sm"
              variant={isIrreversible(candidate) ? 'light' : 'filled'}
              color={isIrreversible(candidate) ? 'gray' : undefined}
              onClick={() => onChoose(candidate)}
              data-testid={`transition-${candidate}`}
            >
              {t(`transition.${candidate}`)}
            </Button>
          ))}
          {blocked.map((candidate) => (
            <Tooltip key={candidate} label={t('tripPage.blocked')} withArrow>
              <Button size="sm" variant="default" disabled data-testid={`transition-${candidate}`}>
                {t(`transition.${candidate}`)}
              </Button>
            </Tooltip>
          ))}
        </Group>
        {blocked.some((candidate) => (reasons.get(candidate) ?? []).length > 0) && (
          <List size="sm" c="dimmed" spacing={2} data-testid="transition-blockers">
            {blocked.flatMap((candidate) =>
              (reasons.get(candidate) ?? []).map((reason) => (
                <List.Item key={`${candidate}-${reason.key}`}>
                  <Text span size="sm" fw={500}>
                    {t(`transition.${candidate}`)}:
                  </Text>{' '}
                  {t(reason.key, reason.params)}
                </List.Item>
              )),
            )}
          </List>
        )}
      </Stack>
    </Paper>
  );
}

/**
 * Each compliance flag with the day it began, the deadline missed and what to do: first the ones
 * the office must still act on, then the violations that are over and kept for the record.
 */
function FlagList({ trip }: { trip: TripDetail }) {
  const t = useT();
  const open = trip.flagDetails.filter((flag) => flag.open);
  const settled = trip.flagDetails.filter((flag) => !flag.open);
  return (
    <>
      {open.length > 0 && (
        <Alert color="orange" icon={<IconAlertTriangle size={18} />} title={t('tripPage.flags')} data-testid="trip-flags">
          <FlagLines flags={open} />
        </Alert>
      )}
      {settled.length > 0 && (
        <Alert
          color="gray"
          icon={<IconHistory size={18} />}
          title={t('tripPage.flagsOnRecord')}
          data-testid="trip-flags-on-record"
        >
          <FlagLines flags={settled} />
        </Alert>
      )}
    </>
  );
}

function FlagLines({ flags }: { flags: readonly FlagEntry[] }) {
  const t = useT();
  return (
    <Stack gap={6}>
      {flags.map((flag) => (
        <div key={flag.flag} data-testid={`flag-${flag.flag}`} data-open={flag.open}>
          <Text size="sm" fw={600}>
            {t(`flag.${flag.flag}`)}
            {flag.dueDate && ` — ${t('flags.due', { date: dateText(flag.dueDate) })}`}
            {flag.since && ` — ${t('flags.since', { date: dateText(flag.since) })}`}
          </Text>
          <Text size="sm" data-testid="flag-advice">
            {t(flag.advice as MessageKey)}
          </Text>
        </div>
      ))}
    </Stack>
  );
}

/** Removing a trip entered twice or by mistake: only one nothing was decided on, with the reason, after a warning. */
function DeleteTripDialog({ trip, onClose }: { trip: TripDetail; onClose(): void }) {
  const t = useT();
  const back = useNavigation((state) => state.back);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const remove = useAction();
  const confirm = async () => {
    const checked = TripDeletion.safeParse({ id: trip.id, reason });
    if (!checked.success) {
      setReasonError(localFieldErrors(issuesFromZod(checked.error), t).reason);
      return;
    }
    const removed = await remove.run(() => call('trips.delete', checked.data));
    if (!removed) return;
    onClose();
    tripsChanged();
    notifications.show({ color: 'green', autoClose: 3000, message: t('tripDelete.done', { name: trip.memberName }) });
    back();
  };
  return (
    <ConfirmDialog
      opened
      title={t('tripDelete.title')}
      confirmLabel={t('tripDelete.confirm')}
      danger
      busy={remove.busy}
      onConfirm={() => void confirm()}
      onCancel={onClose}
    >
      <Stack gap="sm">
        <Text size="sm">
          {t('tripDelete.explain', {
            name: trip.memberName,
            period: `${dateText(trip.plannedDeparture)} – ${dateText(trip.plannedReturn)}`,
          })}
        </Text>
        <Textarea
          label={t('tripDelete.reason')}
          placeholder={t('tripDelete.reasonExample')}
          withAsterisk
          autosize
          minRows={2}
          value={reason}
          onChange={(event) => {
            setReason(event.currentTarget.value);
            setReasonError(undefined);
          }}
          error={reasonError}
          data-testid="trip-delete-reason"
        />
        <FailureAlert error={remove.error} />
      </Stack>
    </ConfirmDialog>
  );
}

function TripDetails({ trip, member }: { trip: TripDetail; member: MemberDetail | null }) {
  const t = useT();
  const countryNames = useCountryNames();
  const yes = (value: boolean) => (value ? t('common.yes') : t('common.no'));
  const document = member?.travelDocuments.find((candidate) => candidate.id === trip.travelDocumentId);
  return (
    <Stack gap="md">
      <Section title={t('tripPage.section.trip')}>
        <InfoGrid
          data-testid="trip-details"
          items={[
            {
              label: t('tripField.purpose'),
              value: [t(`purpose.${trip.purpose}`), trip.purposeDetail].filter(Boolean).join(' — '),
            },
            { label: t('tripField.countries'), value: countryNames(trip.countries) },
            { label: t('trips.plannedPeriod'), value: `${dateText(trip.plannedDeparture)} – ${dateText(trip.plannedReturn)}` },
            { label: t('tripField.bracket'), value: <BracketLabel bracket={trip.bracket} /> },
            {
              label: t('tripField.fundingSource'),
              value: [
                trip.selfFunded ? t('tripField.selfFunded') : null,
                trip.fundingSource ? t(`fundingSource.${trip.fundingSource}`) : null,
                trip.fundingNote,
              ]
                .filter(Boolean)
                .join(' — '),
            },
            {
              label: t('tripField.invitedByName'),
              value: trip.invitedByName ? (trip.inviter ?? t('common.yes')) : t('common.no'),
            },
            { label: t('tripField.specialMission'), value: yes(trip.specialMission) },
            {
              label: t('tripField.travelDocumentKind'),
              value: [trip.travelDocumentKind ? t(`travelDocument.${trip.travelDocumentKind}`) : null, document?.number]
                .filter(Boolean)
                .join(' '),
            },
            {
              label: t('tripField.carriesSecretDocuments'),
              value: trip.carriesSecretDocuments ? (trip.secretDocumentsApproval ?? t('common.yes')) : t('common.no'),
            },
            { label: t('tripField.activityTransfer'), value: t(`activityTransfer.${trip.activityTransfer}`) },
            { label: t('tripField.exemption'), value: yes(trip.exemption) },
            ...(trip.purpose === 'labour'
              ? [
                  { label: t('tripField.labourExportTransfer'), value: yes(trip.labourExportTransfer) },
                  { label: t('tripField.transferredBackDate'), value: dateText(trip.transferredBackDate) },
                ]
              : []),
          ]}
        />
      </Section>
      <Section title={t('tripPage.section.life')}>
        <InfoGrid
          items={[
            { label: t('tripPage.applicationDate'), value: dateText(trip.applicationDate) },
            { label: t('tripPage.commitmentDate'), value: dateText(trip.commitmentDate) },
            {
              label: t('tripPage.approval'),
              value: [trip.approvalRef, dateText(trip.approvalDate), trip.approvingCommittee].filter(Boolean).join(', '),
            },
            { label: t('tripPage.actualDeparture'), value: dateText(trip.actualDeparture) },
            { label: t('tripPage.extendedReturn'), value: dateText(trip.extendedReturn) },
            { label: t('tripPage.actualReturn'), value: dateText(trip.actualReturn) },
            { label: t('tripPage.overstay'), value: t(`overstay.${trip.overstay}`) },
            { label: t('tripPage.returnReportDate'), value: dateText(trip.returnReportDate) },
            { label: t('tripPage.cellOpinion'), value: trip.cellOpinion, wide: true },
          ]}
        />
      </Section>
      {(trip.report || trip.evaluation || trip.notes) && (
        <Section title={t('tripPage.section.report')}>
          <InfoGrid
            items={[
              ...(trip.report
                ? [
                    { label: t('transitionField.contents.foreignContacts'), value: trip.report.foreignContacts, wide: true },
                    {
                      label: t('transitionField.contents.giftsAndInvitations'),
                      value: trip.report.giftsAndInvitations,
                      wide: true,
                    },
                    {
                      label: t('transitionField.contents.documentsBroughtBack'),
                      value: trip.report.documentsBroughtBack,
                      wide: true,
                    },
                    { label: t('transitionField.contents.issues'), value: trip.report.issues, wide: true },
                  ]
                : []),
              ...(trip.evaluation ? [{ label: t('transitionField.evaluation'), value: trip.evaluation, wide: true }] : []),
              ...(trip.notes ? [{ label: t('tripField.notes'), value: trip.notes, wide: true }] : []),
            ]}
          />
        </Section>
      )}
    </Stack>
  );
}

/** Every step recorded: when it took effect, under which document, by whom and when it was entered. */
function History({ trip }: { trip: TripDetail }) {
  const t = useT();
  const lang = useSession((state) => state.lang);
  if (trip.events.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('tripPage.noHistory')}
      </Text>
    );
  }
  return (
    <Table verticalSpacing={4} fz="sm" striped data-testid="trip-history">
      <Table.Thead>
        <Table.Tr>
          <Table.Th className="nowrap">{t('history.date')}</Table.Th>
          <Table.Th>{t('history.step')}</Table.Th>
          <Table.Th className="nowrap">{t('history.documentRef')}</Table.Th>
          <Table.Th>{t('history.note')}</Table.Th>
          <Table.Th className="nowrap">{t('history.recordedBy')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {trip.events.map((event) => (
          <Table.Tr key={event.id} data-testid="history-row">
            <Table.Td className="nowrap">{dateText(event.effectiveDate)}</Table.Td>
            <Table.Td>
              <Text size="sm" fw={500}>
                {stepLabel(event, t)}
              </Text>
              <Text size="xs" c="dimmed">
                {event.fromState ? `${t(`tripState.${event.fromState}`)} → ` : ''}
                {t(`tripState.${event.toState}`)}
              </Text>
            </Table.Td>
            <Table.Td className="nowrap">{event.documentRef}</Table.Td>
            <Table.Td>
              <Text size="sm" lineClamp={3}>
                {event.note}
              </Text>
            </Table.Td>
            <Table.Td className="nowrap">
              <Text size="sm">{event.username ?? '—'}</Text>
              <Text size="xs" c="dimmed">
                {instantText(event.at, lang)}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function hasTransitionLabel(name: unknown): name is TripTransition {
  return TripTransition.safeParse(name).success;
}

/** "Về nước", or for a correction "Sửa bước: Về nước". */
function stepLabel(event: TripDetail['events'][number], t: ReturnType<typeof useT>): string {
  if (hasTransitionLabel(event.transition)) return t(`transition.${event.transition}`);
  const corrected = event.values.step;
  if (event.transition === correctionEventName && hasTransitionLabel(corrected))
    return t('correction.historyLabel', { step: t(`transition.${corrected}`) });
  return event.transition;
}
