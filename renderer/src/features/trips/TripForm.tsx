import {
  Alert,
  Button,
  Center,
  Checkbox,
  Fieldset,
  Grid,
  Group,
  Loader,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { TripInput, type MemberDetail, type TripDetail } from '@shared/contract/registry';
import { activityTransferKinds, fundingSources, travelDocumentKinds, tripPurposes } from '@shared/domain/enums';
import { commitmentRequired, validateTripFields } from '@shared/rules/tripChecks';
import type { RuleIssue } from '@shared/rules/types';
import { issuesFromZod } from '@shared/validation';
import { call } from '../../api/client';
import { errorText, localFieldErrors } from '../../api/errors';
import { useNavigation } from '../../state/navigation';
import { useUnsavedChanges } from '../../app/UnsavedChanges';
import { CountriesSelect } from '../../components/CountrySelect';
import { DateField, dateText } from '../../components/DateField';
import { EnumSelect } from '../../components/EnumSelect';
import { FailureAlert } from '../../components/FailureAlert';
import { focusFirstError } from '../../components/focusFirstError';
import { PageHeader } from '../../components/PageHeader';
import { useAction } from '../../components/useAction';
import { useRecord } from '../../components/useRecord';
import { useRuleContext } from '../../data/registrySettings';
import { useT } from '../../i18n';
import { MemberPicker } from './MemberPicker';
import { tripCandidateOf, tripDraftFacts, tripDraftOf, type TripDraft } from './tripDraft';
import { TripHintsPanel } from './TripHintsPanel';
import { tripsChanged } from '../../data/tripList';

interface TripFormPageProps {
  tripId: string | null;
  memberId: string | null;
}

/** A new trip, or an existing one's own fields; its life (application, decision, departure…) moves by transitions on its page. */
export function TripFormPage({ tripId, memberId }: TripFormPageProps) {
  const t = useT();
  const read = useCallback(async () => (tripId ? call('trips.get', { id: tripId }) : null), [tripId]);
  const trip = useRecord(read);
  if (trip.failure) return <Alert color="red">{errorText(trip.failure, t)}</Alert>;
  if (tripId && !trip.value) {
    return (
      <Center p="xl">
        <Loader />
      </Center>
    );
  }
  return <TripForm key={tripId ?? 'new'} trip={trip.value} memberId={memberId} />;
}

/** The form's own fields, where the services' issues and the rules' date checks are shown. */
const formFields: readonly (keyof TripDraft)[] = [
  'memberId',
  'code',
  'purpose',
  'purposeDetail',
  'fundingSource',
  'fundingNote',
  'countries',
  'inviter',
  'travelDocumentKind',
  'travelDocumentId',
  'secretDocumentsApproval',
  'plannedDeparture',
  'plannedReturn',
  'commitmentDate',
  'activityTransfer',
  'transferredBackDate',
  'notes',
];

/** The form field a rule's issue points at, if the form has it; the rules call the document's kind `travelDocument`. */
function formFieldOf(issue: RuleIssue): keyof TripDraft | null {
  const field = issue.field === 'travelDocument' ? 'travelDocumentKind' : issue.field;
  return formFields.find((candidate) => candidate === field) ?? null;
}

function TripForm({ trip, memberId }: { trip: TripDetail | null; memberId: string | null }) {
  const t = useT();
  const replace = useNavigation((state) => state.replace);
  const back = useNavigation((state) => state.back);
  const context = useRuleContext();
  const [initialDraft] = useState(() => tripDraftOf(trip, memberId));
  const [draft, setDraft] = useState(initialDraft);
  const markSaved = useUnsavedChanges(JSON.stringify(draft) !== JSON.stringify(initialDraft));
  const formRef = useRef<HTMLFormElement>(null);
  const [schemaErrors, setSchemaErrors] = useState<Record<string, string>>({});
  const [member, setMember] = useState<MemberDetail | null>(null);
  const save = useAction();

  useEffect(() => {
    if (!draft.memberId) {
      setMember(null);
      return;
    }
    let current = true;
    call('members.get', { id: draft.memberId })
      .then((found) => current && setMember(found))
      .catch(() => current && setMember(null));
    return () => {
      current = false;
    };
  }, [draft.memberId]);

  const set = <Field extends keyof TripDraft>(field: Field, value: TripDraft[Field]) => {
    setDraft((previous) => ({ ...previous, [field]: value }));
    setSchemaErrors(({ [field]: _fixed, ...rest }) => rest);
  };

  const facts = useMemo(() => tripDraftFacts(draft, trip), [draft, trip]);
  const dateIssues = useMemo(() => (context ? validateTripFields(facts, context.today) : []), [facts, context]);
  const placed = dateIssues.flatMap((issue) => {
    const field = formFieldOf(issue);
    return field ? [{ path: [field], key: issue.key, params: issue.params }] : [];
  });
  const unplaced = dateIssues.filter((issue) => formFieldOf(issue) === null);
  const ruleErrors = localFieldErrors(placed, t);
  const errors: Record<string, string | undefined> = { ...ruleErrors, ...schemaErrors, ...save.errors };

  const documents = (member?.travelDocuments ?? []).filter(
    (document) => !draft.travelDocumentKind || document.kind === draft.travelDocumentKind,
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // With the input reported, a value left out is told apart from a wrong one ("bắt buộc", not "không hợp lệ").
    const checked = TripInput.safeParse(tripCandidateOf(draft, trip?.id), { reportInput: true });
    setSchemaErrors(checked.success ? {} : localFieldErrors(issuesFromZod(checked.error), t));
    save.clear();
    if (!checked.success || placed.length > 0) {
      focusFirstError(formRef.current);
      return;
    }
    const stored = await save.run(() => call('trips.save', checked.data));
    if (!stored) {
      focusFirstError(formRef.current);
      return;
    }
    markSaved();
    tripsChanged();
    // An edit returns to the trip's page it came from; a new trip's page takes the form's place.
    if (trip) back();
    else replace({ kind: 'trip', tripId: stored.id });
  };

  return (
    <Stack gap="md" data-testid="trip-form-page">
      <PageHeader withBack title={trip ? t('tripForm.editTitle', { name: trip.memberName }) : t('tripForm.newTitle')} />
      <Grid gap="md" align="flex-start">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <form ref={formRef} onSubmit={(event) => void submit(event)} noValidate data-testid="trip-form">
            <Stack gap="sm">
              <Fieldset legend={t('tripForm.section.who')} variant="filled">
                <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs">
                  <MemberPicker
                    value={draft.memberId}
                    selectedLabel={
                      member ? `${member.fullName} · ${member.code} · ${member.cellName}` : (trip?.memberName ?? null)
                    }
                    onChange={(id) => setDraft((previous) => ({ ...previous, memberId: id, travelDocumentId: null }))}
                    error={errors.memberId}
                    disabled={trip !== null}
                  />
                  <TextInput
                    label={t('tripField.code')}
                    description={t('tripField.code.hint')}
                    value={draft.code}
                    onChange={(event) => set('code', event.currentTarget.value)}
                    error={errors.code}
                    data-testid="trip-code"
                  />
                  <EnumSelect
                    label={t('tripField.purpose')}
                    withAsterisk
                    values={tripPurposes}
                    labelOf={(purpose) => `purpose.${purpose}`}
                    value={draft.purpose}
                    onChange={(purpose) => set('purpose', purpose)}
                    error={errors.purpose}
                    data-testid="trip-purpose"
                  />
                  <TextInput
                    label={t('tripField.purposeDetail')}
                    value={draft.purposeDetail}
                    onChange={(event) => set('purposeDetail', event.currentTarget.value)}
                    error={errors.purposeDetail}
                    data-testid="trip-purposeDetail"
                  />
                </SimpleGrid>
              </Fieldset>

              <Fieldset legend={t('tripForm.section.where')} variant="filled">
                <Stack gap="xs">
                  <CountriesSelect
                    label={t('tripField.countries')}
                    withAsterisk
                    placeholder={t('tripForm.countriesPlaceholder')}
                    value={draft.countries}
                    onChange={(countries) => set('countries', countries)}
                    error={errors.countries}
                    data-testid="trip-countries"
                  />
                  <SimpleGrid cols={2} spacing="sm">
                    <DateField
                      label={t('tripField.plannedDeparture')}
                      withAsterisk
                      value={draft.plannedDeparture}
                      onChange={(value) => set('plannedDeparture', value)}
                      error={errors.plannedDeparture}
                      data-testid="trip-plannedDeparture"
                    />
                    <DateField
                      label={t('tripField.plannedReturn')}
                      withAsterisk
                      value={draft.plannedReturn}
                      onChange={(value) => set('plannedReturn', value)}
                      error={errors.plannedReturn}
                      data-testid="trip-plannedReturn"
                    />
                    {(commitmentRequired(draft) || draft.commitmentDate !== '') && (
                      <DateField
                        label={t('tripPage.commitmentDate')}
                        description={t('tripForm.commitmentHint')}
                        value={draft.commitmentDate}
                        onChange={(value) => set('commitmentDate', value)}
                        error={errors.commitmentDate}
                        data-testid="trip-commitmentDate"
                      />
                    )}
                  </SimpleGrid>
                </Stack>
              </Fieldset>

              <Fieldset legend={t('tripForm.section.funding')} variant="filled">
                <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs">
                  <EnumSelect
                    label={t('tripField.fundingSource')}
                    values={fundingSources}
                    labelOf={(source) => `fundingSource.${source}`}
                    value={draft.fundingSource}
                    onChange={(source) => set('fundingSource', source)}
                    clearable
                    error={errors.fundingSource}
                    data-testid="trip-fundingSource"
                  />
                  <TextInput
                    label={t('tripField.fundingNote')}
                    value={draft.fundingNote}
                    onChange={(event) => set('fundingNote', event.currentTarget.value)}
                    error={errors.fundingNote}
                  />
                  <Stack gap={6} justify="center">
                    <Checkbox
                      label={t('tripField.selfFunded')}
                      checked={draft.selfFunded}
                      onChange={(event) => set('selfFunded', event.currentTarget.checked)}
                      data-testid="trip-selfFunded"
                    />
                    <Checkbox
                      label={t('tripField.specialMission')}
                      checked={draft.specialMission}
                      onChange={(event) => set('specialMission', event.currentTarget.checked)}
                    />
                    <Checkbox
                      label={t('tripField.invitedByName')}
                      checked={draft.invitedByName}
                      onChange={(event) => set('invitedByName', event.currentTarget.checked)}
                      data-testid="trip-invitedByName"
                    />
                  </Stack>
                  <TextInput
                    label={t('tripField.inviter')}
                    disabled={!draft.invitedByName}
                    value={draft.inviter}
                    onChange={(event) => set('inviter', event.currentTarget.value)}
                    error={errors.inviter}
                  />
                </SimpleGrid>
              </Fieldset>

              <Fieldset legend={t('tripForm.section.documents')} variant="filled">
                <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs">
                  <EnumSelect
                    label={t('tripField.travelDocumentKind')}
                    values={travelDocumentKinds}
                    labelOf={(kind) => `travelDocument.${kind}`}
                    value={draft.travelDocumentKind}
                    onChange={(kind) =>
                      setDraft((previous) => ({ ...previous, travelDocumentKind: kind, travelDocumentId: null }))
                    }
                    clearable
                    error={errors.travelDocumentKind}
                    data-testid="trip-travelDocumentKind"
                  />
                  <Select
                    label={t('tripField.travelDocumentId')}
                    placeholder={member && documents.length === 0 ? t('tripForm.noDocuments') : undefined}
                    data={documents.map((document) => ({
                      value: document.id,
                      label: `${t(`travelDocument.${document.kind}`)} ${document.number}${document.expiresOn ? ` (${t('tripForm.documentExpires', { date: dateText(document.expiresOn) })})` : ''}`,
                    }))}
                    value={draft.travelDocumentId}
                    onChange={(id) => {
                      const chosen = member?.travelDocuments.find((document) => document.id === id);
                      setDraft((previous) => ({
                        ...previous,
                        travelDocumentId: id,
                        travelDocumentKind: chosen?.kind ?? previous.travelDocumentKind,
                      }));
                    }}
                    clearable
                    disabled={documents.length === 0}
                    error={errors.travelDocumentId}
                    data-testid="trip-travelDocumentId"
                  />
                  <Checkbox
                    label={t('tripField.carriesSecretDocuments')}
                    checked={draft.carriesSecretDocuments}
                    onChange={(event) => set('carriesSecretDocuments', event.currentTarget.checked)}
                    mt="lg"
                  />
                  <TextInput
                    label={t('tripField.secretDocumentsApproval')}
                    disabled={!draft.carriesSecretDocuments}
                    value={draft.secretDocumentsApproval}
                    onChange={(event) => set('secretDocumentsApproval', event.currentTarget.value)}
                    error={errors.secretDocumentsApproval}
                  />
                </SimpleGrid>
              </Fieldset>

              <Fieldset legend={t('tripForm.section.activity')} variant="filled">
                <Stack gap="xs">
                  <Radio.Group
                    label={t('tripField.activityTransfer')}
                    value={draft.activityTransfer}
                    onChange={(value) => set('activityTransfer', activityTransferKinds.find((kind) => kind === value) ?? 'none')}
                    error={errors.activityTransfer}
                    data-testid="trip-activityTransfer"
                  >
                    <Stack gap={6} mt={6}>
                      {activityTransferKinds.map((kind) => (
                        <Radio key={kind} value={kind} label={t(`activityTransfer.${kind}`)} />
                      ))}
                    </Stack>
                  </Radio.Group>
                  <Group gap="lg">
                    <Checkbox
                      label={t('tripField.exemption')}
                      checked={draft.exemption}
                      onChange={(event) => set('exemption', event.currentTarget.checked)}
                      data-testid="trip-exemption"
                    />
                    {draft.purpose === 'labour' && (
                      <Checkbox
                        label={t('tripField.labourExportTransfer')}
                        checked={draft.labourExportTransfer}
                        onChange={(event) => set('labourExportTransfer', event.currentTarget.checked)}
                      />
                    )}
                  </Group>
                  {draft.purpose === 'labour' && draft.labourExportTransfer && (
                    <DateField
                      label={t('tripField.transferredBackDate')}
                      w={220}
                      value={draft.transferredBackDate}
                      onChange={(value) => set('transferredBackDate', value)}
                      error={errors.transferredBackDate}
                    />
                  )}
                </Stack>
              </Fieldset>

              <Textarea
                label={t('tripField.notes')}
                autosize
                minRows={2}
                maxRows={6}
                value={draft.notes}
                onChange={(event) => set('notes', event.currentTarget.value)}
                error={errors.notes}
              />
              <FailureAlert error={save.error} shownFields={formFields} />
              <Group>
                <Button type="submit" loading={save.busy} leftSection={<IconDeviceFloppy size={16} />} data-testid="trip-save">
                  {trip ? t('ui.save') : t('tripForm.create')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }} className="hints-column">
          <TripHintsPanel facts={facts} context={context} issues={unplaced} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
