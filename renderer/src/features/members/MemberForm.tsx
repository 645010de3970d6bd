import { Autocomplete, Button, Checkbox, Group, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useRef, useState, type FormEvent } from 'react';
import { MemberInput, type MemberDetail } from '@shared/contract/registry';
import { genders, memberStatuses, type Gender, type MemberStatus } from '@shared/domain/enums';
import { issuesFromZod } from '@shared/validation';
import { call } from '../../api/client';
import { localFieldErrors } from '../../api/errors';
import { useUnsavedChanges } from '../../app/UnsavedChanges';
import { DateField, datePayload, dateText } from '../../components/DateField';
import { EnumSelect } from '../../components/EnumSelect';
import { FailureAlert } from '../../components/FailureAlert';
import { focusFirstError } from '../../components/focusFirstError';
import { useAction } from '../../components/useAction';
import { cellChoicesFilter, cellChoicesShown, useCells, useCellsStore } from '../../data/cells';
import { useT } from '../../i18n';
import { useMemberList } from '../../data/memberList';

interface MemberDraft {
  code: string;
  fullName: string;
  gender: Gender | null;
  birthDate: string;
  nationalId: string;
  cellName: string;
  status: MemberStatus;
  holdsLeadershipPost: boolean;
  leadershipPost: string;
  managingCommittee: string;
  underDisciplinaryReview: boolean;
  phone: string;
  email: string;
  address: string;
  notes: string;
}

function draftOf(member: MemberDetail | null): MemberDraft {
  return {
    code: member?.code ?? '',
    fullName: member?.fullName ?? '',
    gender: member?.gender ?? null,
    birthDate: dateText(member?.birthDate),
    nationalId: member?.nationalId ?? '',
    cellName: member?.cellName ?? '',
    status: member?.status ?? 'active',
    holdsLeadershipPost: member?.holdsLeadershipPost ?? false,
    leadershipPost: member?.leadershipPost ?? '',
    managingCommittee: member?.managingCommittee ?? '',
    underDisciplinaryReview: member?.underDisciplinaryReview ?? false,
    phone: member?.phone ?? '',
    email: member?.email ?? '',
    address: member?.address ?? '',
    notes: member?.notes ?? '',
  };
}

const orNull = (text: string) => (text.trim() === '' ? null : text);

function payloadOf(draft: MemberDraft, id: string | undefined): MemberInput {
  return {
    ...(id ? { id } : {}),
    code: draft.code,
    fullName: draft.fullName,
    gender: draft.gender,
    birthDate: datePayload(draft.birthDate),
    nationalId: orNull(draft.nationalId),
    cellName: draft.cellName,
    status: draft.status,
    holdsLeadershipPost: draft.holdsLeadershipPost,
    leadershipPost: orNull(draft.leadershipPost),
    managingCommittee: orNull(draft.managingCommittee),
    underDisciplinaryReview: draft.underDisciplinaryReview,
    phone: orNull(draft.phone),
    email: orNull(draft.email),
    address: orNull(draft.address),
    notes: orNull(draft.notes),
  };
}

const formFields = Object.keys(draftOf(null));

interface MemberFormProps {
  member: MemberDetail | null;
  onSaved(member: MemberDetail): void;
  readOnly?: boolean;
  /** Leaves editing without saving; without it the form has no cancel button. */
  onCancel?(): void;
}

/** A member's own details, new or existing; the schema is checked here first, then the services check the rest. */
export function MemberForm({ member, onSaved, readOnly = false, onCancel }: MemberFormProps) {
  const t = useT();
  const cells = useCells();
  const refreshCells = useCellsStore((state) => state.refresh);
  const [initialDraft, setInitialDraft] = useState(() => draftOf(member));
  const [draft, setDraft] = useState(initialDraft);
  const markSaved = useUnsavedChanges(!readOnly && JSON.stringify(draft) !== JSON.stringify(initialDraft));
  const formRef = useRef<HTMLFormElement>(null);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const save = useAction();
  const errors = { ...localErrors, ...save.errors };
  const set = <Field extends keyof MemberDraft>(field: Field, value: MemberDraft[Field]) => {
    setDraft((current) => ({ ...current, [field]: value }));
    setLocalErrors(({ [field]: _fixed, ...rest }) => rest);
  };
  const text = (field: { [Key in keyof MemberDraft]: MemberDraft[Key] extends string ? Key : never }[keyof MemberDraft]) => ({
    value: draft[field],
    onChange: (event: { currentTarget: { value: string } }) => set(field, event.currentTarget.value),
    error: errors[field],
    readOnly,
    'data-testid': `member-${field}`,
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const payload = payloadOf(draft, member?.id);
    const checked = MemberInput.safeParse(payload);
    const found = checked.success ? {} : localFieldErrors(issuesFromZod(checked.error), t);
    setLocalErrors(found);
    save.clear();
    if (Object.keys(found).length > 0) {
      focusFirstError(formRef.current);
      return;
    }
    const saved = await save.run(() => call('members.save', payload));
    if (!saved) {
      focusFirstError(formRef.current);
      return;
    }
    markSaved();
    useMemberList.getState().refresh();
    await refreshCells().catch(() => undefined);
    setInitialDraft(draftOf(saved));
    setDraft(draftOf(saved));
    onSaved(saved);
  };

  return (
    <form ref={formRef} onSubmit={(event) => void submit(event)} noValidate data-testid="member-form">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 2, lg: 3 }} spacing="sm" verticalSpacing="xs">
          <TextInput label={t('memberField.code')} description={t('memberField.code.hint')} withAsterisk {...text('code')} />
          <TextInput label={t('memberField.fullName')} withAsterisk {...text('fullName')} />
          <Autocomplete
            label={t('memberField.cell')}
            description={t('memberField.cell.hint')}
            withAsterisk
            data={cells.map((cell) => cell.name)}
            limit={cellChoicesShown}
            filter={cellChoicesFilter}
            value={draft.cellName}
            onChange={(value) => set('cellName', value)}
            error={errors.cellName}
            readOnly={readOnly}
            data-testid="member-cellName"
          />
          <EnumSelect
            label={t('memberField.gender')}
            values={genders}
            labelOf={(gender) => `gender.${gender}`}
            value={draft.gender}
            onChange={(gender) => set('gender', gender)}
            error={errors.gender}
            readOnly={readOnly}
            clearable
            data-testid="member-gender"
          />
          <DateField
            label={t('memberField.birthDate')}
            value={draft.birthDate}
            onChange={(value) => set('birthDate', value)}
            error={errors.birthDate}
            readOnly={readOnly}
            data-testid="member-birthDate"
          />
          <TextInput
            label={t('memberField.nationalId')}
            description={t('memberField.nationalId.hint')}
            inputMode="numeric"
            {...text('nationalId')}
          />
          <EnumSelect
            label={t('memberField.status')}
            values={memberStatuses}
            labelOf={(status) => `memberStatus.${status}`}
            value={draft.status}
            onChange={(status) => status && set('status', status)}
            allowDeselect={false}
            error={errors.status}
            readOnly={readOnly}
            data-testid="member-status"
          />
          <TextInput label={t('memberField.phone')} {...text('phone')} />
          <TextInput label={t('memberField.email')} {...text('email')} />
        </SimpleGrid>
        <TextInput label={t('memberField.address')} {...text('address')} />
        <SimpleGrid cols={{ base: 2, lg: 3 }} spacing="sm" verticalSpacing="xs">
          <Stack gap={6} justify="center">
            <Checkbox
              label={t('memberField.holdsLeadershipPost')}
              checked={draft.holdsLeadershipPost}
              onChange={(event) => set('holdsLeadershipPost', event.currentTarget.checked)}
              disabled={readOnly}
            />
            <Checkbox
              label={t('memberField.underDisciplinaryReview')}
              checked={draft.underDisciplinaryReview}
              onChange={(event) => set('underDisciplinaryReview', event.currentTarget.checked)}
              disabled={readOnly}
            />
          </Stack>
          <TextInput label={t('memberField.leadershipPost')} disabled={!draft.holdsLeadershipPost} {...text('leadershipPost')} />
          <TextInput
            label={t('memberField.managingCommittee')}
            description={t('memberField.managingCommittee.hint')}
            {...text('managingCommittee')}
          />
        </SimpleGrid>
        <Textarea label={t('memberField.notes')} autosize minRows={2} maxRows={6} {...text('notes')} />
        <FailureAlert error={save.error} shownFields={formFields} />
        {!readOnly && (
          <Group>
            <Button type="submit" loading={save.busy} leftSection={<IconDeviceFloppy size={16} />} data-testid="member-save">
              {t('ui.save')}
            </Button>
            {onCancel && (
              <Button variant="default" onClick={onCancel} data-testid="member-edit-cancel">
                {t('ui.cancel')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </form>
  );
}
