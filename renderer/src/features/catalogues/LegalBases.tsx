import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
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
import { useCallback, useState, type FormEvent } from 'react';
import type { LegalBasisRow } from '@shared/contract/registry';
import { call } from '../../api/client';
import { errorText } from '../../api/errors';
import { useCanEnterData } from '../../app/permissions';
import { DateField, datePayload, dateText } from '../../components/DateField';
import { FailureAlert } from '../../components/FailureAlert';
import { RecordModal, type Editing } from '../../components/RecordModal';
import { useAction } from '../../components/useAction';
import { useRecord } from '../../components/useRecord';
import { useT } from '../../i18n';

/** The governing texts, kept as data because they are replaced often; a replaced text points to its successor. */
export function LegalBases() {
  const t = useT();
  const canEdit = useCanEnterData();
  const read = useCallback(() => call('legalBases.list', {}), []);
  const bases = useRecord(read);
  const [editing, setEditing] = useState<Editing<LegalBasisRow>>(null);

  return (
    <Stack gap="sm" data-testid="legal-bases">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('legalBases.explain')}
        </Text>
        {canEdit && (
          <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} data-testid="legal-add">
            {t('legalBases.add')}
          </Button>
        )}
      </Group>
      {bases.failure ? <Alert color="red">{errorText(bases.failure, t)}</Alert> : null}
      {bases.value && (
        <Table striped verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={150}>{t('legalBases.ref')}</Table.Th>
              <Table.Th w={120} className="nowrap">
                {t('legalBases.date')}
              </Table.Th>
              <Table.Th w={200}>{t('legalBases.issuer')}</Table.Th>
              <Table.Th>{t('legalBases.title')}</Table.Th>
              <Table.Th w={170}>{t('legalBases.replacedBy')}</Table.Th>
              <Table.Th w={50} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {bases.value.map((basis) => (
              <Table.Tr key={basis.id} className={basis.replacedById ? 'replaced-row' : undefined} data-testid="legal-row">
                <Table.Td fw={500}>{basis.ref}</Table.Td>
                <Table.Td>{dateText(basis.date)}</Table.Td>
                <Table.Td>{basis.issuer}</Table.Td>
                <Table.Td>{basis.title}</Table.Td>
                <Table.Td>
                  {basis.replacedByRef && (
                    <Badge color="gray" variant="light" tt="none">
                      {t('legalBases.replacedByRef', { ref: basis.replacedByRef })}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  {canEdit && (
                    <Tooltip label={t('action.edit')} withArrow>
                      <ActionIcon variant="subtle" onClick={() => setEditing(basis)} aria-label={t('action.edit')}>
                        <IconEdit size={16} />
                      </ActionIcon>
                    </Tooltip>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <RecordModal
        editing={editing}
        onClose={() => setEditing(null)}
        addTitle={t('legalBases.add')}
        editTitle={t('legalBases.edit')}
      >
        {(record) => (
          <LegalBasisForm
            basis={record}
            others={(bases.value ?? []).filter((basis) => basis.id !== record?.id)}
            onSaved={async () => {
              setEditing(null);
              await bases.reload();
            }}
          />
        )}
      </RecordModal>
    </Stack>
  );
}

interface LegalBasisFormProps {
  basis: LegalBasisRow | null;
  others: readonly LegalBasisRow[];
  onSaved(): Promise<void>;
}

function LegalBasisForm({ basis, others, onSaved }: LegalBasisFormProps) {
  const t = useT();
  const [ref, setRef] = useState(basis?.ref ?? '');
  const [date, setDate] = useState(dateText(basis?.date));
  const [issuer, setIssuer] = useState(basis?.issuer ?? '');
  const [title, setTitle] = useState(basis?.title ?? '');
  const [replacedById, setReplacedById] = useState<string | null>(basis?.replacedById ?? null);
  const [notes, setNotes] = useState(basis?.notes ?? '');
  const save = useAction();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await save.run(() =>
      call('legalBases.save', {
        ...(basis ? { id: basis.id } : {}),
        ref,
        date: datePayload(date),
        issuer,
        title,
        replacedById,
        notes: notes.trim() || null,
      }),
    );
    if (saved) await onSaved();
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs">
          <TextInput
            label={t('legalBases.ref')}
            description={t('legalBases.ref.hint')}
            value={ref}
            onChange={(event) => setRef(event.currentTarget.value)}
            withAsterisk
            error={save.errors.ref}
            data-autofocus
            data-testid="legal-ref"
          />
          <DateField label={t('legalBases.date')} value={date} onChange={setDate} error={save.errors.date} />
        </SimpleGrid>
        <TextInput
          label={t('legalBases.issuer')}
          value={issuer}
          onChange={(event) => setIssuer(event.currentTarget.value)}
          withAsterisk
          error={save.errors.issuer}
          data-testid="legal-issuer"
        />
        <Textarea
          label={t('legalBases.title')}
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          autosize
          minRows={2}
          withAsterisk
          error={save.errors.title}
          data-testid="legal-title"
        />
        <Select
          label={t('legalBases.replacedBy')}
          description={t('legalBases.replacedBy.hint')}
          data={others.map((other) => ({ value: other.id, label: `${other.ref} — ${other.title}` }))}
          value={replacedById}
          onChange={setReplacedById}
          searchable
          clearable
          error={save.errors.replacedById}
          data-testid="legal-replacedBy"
        />
        <Textarea
          label={t('legalBases.notes')}
          value={notes}
          onChange={(event) => setNotes(event.currentTarget.value)}
          autosize
          minRows={1}
          error={save.errors.notes}
        />
        <FailureAlert error={save.error} shownFields={['ref', 'date', 'issuer', 'title', 'replacedById', 'notes']} />
        <Group justify="flex-end">
          <Button type="submit" loading={save.busy} data-testid="legal-save">
            {t('ui.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
