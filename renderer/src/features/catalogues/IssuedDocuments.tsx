import { ActionIcon, Alert, Button, Group, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Tooltip } from '@mantine/core';
import { IconEdit, IconPlus } from '@tabler/icons-react';
import { useCallback, useState, type FormEvent } from 'react';
import type { IssuedDocumentRow } from '@shared/contract/registry';
import { issuedDocumentKinds, type IssuedDocumentKind } from '@shared/domain/enums';
import { call } from '../../api/client';
import { errorText } from '../../api/errors';
import { useCanEnterData } from '../../app/permissions';
import { useSession } from '../../state/sessionStore';
import { DateField, dateLooksWrong, dateOf, datePayload, dateText } from '../../components/DateField';
import { DeleteButton } from '../../components/DeleteButton';
import { EnumSelect } from '../../components/EnumSelect';
import { FailureAlert } from '../../components/FailureAlert';
import { RecordModal, type Editing } from '../../components/RecordModal';
import { useAction } from '../../components/useAction';
import { useRecord } from '../../components/useRecord';
import { useT } from '../../i18n';

/** Appendix 01: the committee's own directives, letters, plans and guidance on members abroad. */
export function IssuedDocuments() {
  const t = useT();
  const canEdit = useCanEnterData();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const fromDate = dateOf(from);
  const toDate = dateOf(to);
  const read = useCallback(
    () => call('issuedDocuments.list', { ...(fromDate ? { from: fromDate } : {}), ...(toDate ? { to: toDate } : {}) }),
    [fromDate, toDate],
  );
  const documents = useRecord(read);
  const [editing, setEditing] = useState<Editing<IssuedDocumentRow>>(null);
  const removal = useAction();

  return (
    <Stack gap="sm" data-testid="issued-documents">
      <Group justify="space-between" align="flex-end">
        <Group gap="sm" align="flex-end">
          <DateField label={t('catalogues.from')} w={170} value={from} onChange={setFrom} />
          <DateField label={t('catalogues.to')} w={170} value={to} onChange={setTo} />
          {(dateLooksWrong(from) || dateLooksWrong(to)) && (
            <Text size="sm" c="dimmed" mb={8}>
              {t('catalogues.periodIgnored')}
            </Text>
          )}
        </Group>
        {canEdit && (
          <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} data-testid="issued-add">
            {t('issuedDocs.add')}
          </Button>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        {t('issuedDocs.explain')}
      </Text>
      {documents.failure ? <Alert color="red">{errorText(documents.failure, t)}</Alert> : null}
      <FailureAlert error={removal.error} />
      {documents.value && documents.value.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('issuedDocs.none')}
        </Text>
      )}
      {documents.value && documents.value.length > 0 && (
        <Table striped verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={120} className="nowrap">
                {t('issuedDocs.date')}
              </Table.Th>
              <Table.Th w={140}>{t('issuedDocs.ref')}</Table.Th>
              <Table.Th w={200}>{t('issuedDocs.kind')}</Table.Th>
              <Table.Th>{t('issuedDocs.title')}</Table.Th>
              <Table.Th w={200}>{t('issuedDocs.issuer')}</Table.Th>
              <Table.Th w={80} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {documents.value.map((document) => (
              <Table.Tr key={document.id} data-testid="issued-row">
                <Table.Td>{dateText(document.date)}</Table.Td>
                <Table.Td>{document.ref}</Table.Td>
                <Table.Td>{document.kindLabel ?? t(`issuedDocumentKind.${document.kind}`)}</Table.Td>
                <Table.Td>{document.title}</Table.Td>
                <Table.Td>{document.issuer}</Table.Td>
                <Table.Td>
                  {canEdit && (
                    <Group gap={2} wrap="nowrap" justify="flex-end">
                      <Tooltip label={t('action.edit')} withArrow>
                        <ActionIcon variant="subtle" onClick={() => setEditing(document)} aria-label={t('action.edit')}>
                          <IconEdit size={16} />
                        </ActionIcon>
                      </Tooltip>
                      <DeleteButton
                        question={t('issuedDocs.deleteQuestion', { ref: document.ref })}
                        onConfirm={async () => {
                          if (await removal.run(() => call('issuedDocuments.delete', { id: document.id })))
                            await documents.reload();
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
      <RecordModal
        editing={editing}
        onClose={() => setEditing(null)}
        addTitle={t('issuedDocs.add')}
        editTitle={t('issuedDocs.edit')}
      >
        {(record) => (
          <IssuedDocumentForm
            document={record}
            onSaved={async () => {
              setEditing(null);
              await documents.reload();
            }}
          />
        )}
      </RecordModal>
    </Stack>
  );
}

function IssuedDocumentForm({ document, onSaved }: { document: IssuedDocumentRow | null; onSaved(): Promise<void> }) {
  const t = useT();
  const unitName = useSession((state) => state.status?.unit?.name ?? '');
  const [issuer, setIssuer] = useState(document?.issuer ?? unitName);
  const [kind, setKind] = useState<IssuedDocumentKind | null>(document?.kind ?? 'official_letter');
  const [kindLabel, setKindLabel] = useState(document?.kindLabel ?? '');
  const [ref, setRef] = useState(document?.ref ?? '');
  const [date, setDate] = useState(dateText(document?.date));
  const [title, setTitle] = useState(document?.title ?? '');
  const [notes, setNotes] = useState(document?.notes ?? '');
  const save = useAction();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await save.run(() =>
      call('issuedDocuments.save', {
        ...(document ? { id: document.id } : {}),
        issuer,
        kind: kind ?? 'other',
        kindLabel: kind === 'other' && kindLabel.trim() ? kindLabel : null,
        ref,
        date: datePayload(date) ?? '',
        title,
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
            label={t('issuedDocs.ref')}
            description={t('issuedDocs.ref.hint')}
            value={ref}
            onChange={(event) => setRef(event.currentTarget.value)}
            withAsterisk
            error={save.errors.ref}
            data-autofocus
            data-testid="issued-ref"
          />
          <DateField
            label={t('issuedDocs.date')}
            value={date}
            onChange={setDate}
            withAsterisk
            error={save.errors.date}
            data-testid="issued-date"
          />
          <EnumSelect
            label={t('issuedDocs.kind')}
            values={issuedDocumentKinds}
            labelOf={(value) => `issuedDocumentKind.${value}`}
            value={kind}
            onChange={setKind}
            allowDeselect={false}
            withAsterisk
            error={save.errors.kind}
          />
          <TextInput
            label={t('issuedDocs.kindLabel')}
            disabled={kind !== 'other'}
            value={kindLabel}
            onChange={(event) => setKindLabel(event.currentTarget.value)}
            error={save.errors.kindLabel}
          />
        </SimpleGrid>
        <TextInput
          label={t('issuedDocs.issuer')}
          value={issuer}
          onChange={(event) => setIssuer(event.currentTarget.value)}
          withAsterisk
          error={save.errors.issuer}
        />
        <Textarea
          label={t('issuedDocs.title')}
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          autosize
          minRows={2}
          withAsterisk
          error={save.errors.title}
          data-testid="issued-title"
        />
        <Textarea
          label={t('issuedDocs.notes')}
          value={notes}
          onChange={(event) => setNotes(event.currentTarget.value)}
          autosize
          minRows={1}
          error={save.errors.notes}
        />
        <FailureAlert error={save.error} shownFields={['issuer', 'kind', 'kindLabel', 'ref', 'date', 'title', 'notes']} />
        <Group justify="flex-end">
          <Button type="submit" loading={save.busy} data-testid="issued-save">
            {t('ui.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
