import { ActionIcon, Badge, Button, Group, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Tooltip } from '@mantine/core';
import { IconEdit, IconPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import type { MemberDetail, TravelDocumentRow } from '@shared/contract/registry';
import { travelDocumentKinds, type TravelDocumentKind } from '@shared/domain/enums';
import { civilDateInVietnam } from '@shared/rules/dates';
import { travelDocumentExpiry } from '@shared/rules/travelDocuments';
import { call } from '../../api/client';
import { useCanEnterData } from '../../app/permissions';
import { DateField, datePayload, dateText } from '../../components/DateField';
import { DeleteButton } from '../../components/DeleteButton';
import { EnumSelect } from '../../components/EnumSelect';
import { FailureAlert } from '../../components/FailureAlert';
import { RecordModal, type Editing } from '../../components/RecordModal';
import { useAction } from '../../components/useAction';
import { useT } from '../../i18n';

interface TravelDocumentsProps {
  member: MemberDetail;
  onChanged(): Promise<void>;
}

export function TravelDocuments({ member, onChanged }: TravelDocumentsProps) {
  const t = useT();
  const canEdit = useCanEnterData();
  const [editing, setEditing] = useState<Editing<TravelDocumentRow>>(null);
  const removal = useAction();
  const today = civilDateInVietnam(new Date());

  return (
    <Stack gap="sm" data-testid="travel-documents">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('travelDocs.explain')}
        </Text>
        {canEdit && (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} />}
            onClick={() => setEditing('new')}
            data-testid="travel-document-add"
          >
            {t('travelDocs.add')}
          </Button>
        )}
      </Group>
      <FailureAlert error={removal.error} />
      {member.travelDocuments.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('travelDocs.none')}
        </Text>
      ) : (
        <Table striped highlightOnHover verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('travelDocs.kind')}</Table.Th>
              <Table.Th>{t('travelDocs.number')}</Table.Th>
              <Table.Th>{t('travelDocs.issuedOn')}</Table.Th>
              <Table.Th>{t('travelDocs.expiresOn')}</Table.Th>
              <Table.Th>{t('travelDocs.issuer')}</Table.Th>
              <Table.Th>{t('travelDocs.notes')}</Table.Th>
              <Table.Th w={80} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {member.travelDocuments.map((document) => {
              const expiry = travelDocumentExpiry(document.expiresOn, today);
              return (
                <Table.Tr key={document.id} data-testid="travel-document-row">
                  <Table.Td>{t(`travelDocument.${document.kind}`)}</Table.Td>
                  <Table.Td ff="monospace">{document.number}</Table.Td>
                  <Table.Td>{dateText(document.issuedOn)}</Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      {dateText(document.expiresOn)}
                      {expiry && (
                        <Badge
                          size="sm"
                          color={expiry === 'expired' ? 'red' : 'orange'}
                          variant="light"
                          tt="none"
                          data-testid={`document-${expiry}`}
                        >
                          {t(`travelDocs.${expiry}`)}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{document.issuer}</Table.Td>
                  <Table.Td>{document.notes}</Table.Td>
                  <Table.Td>
                    {canEdit && (
                      <Group gap={2} wrap="nowrap" justify="flex-end">
                        <Tooltip label={t('action.edit')} withArrow>
                          <ActionIcon variant="subtle" onClick={() => setEditing(document)} aria-label={t('action.edit')}>
                            <IconEdit size={16} />
                          </ActionIcon>
                        </Tooltip>
                        <DeleteButton
                          question={t('travelDocs.deleteQuestion', { number: document.number })}
                          onConfirm={async () => {
                            if (await removal.run(() => call('travelDocuments.delete', { id: document.id }))) await onChanged();
                          }}
                        />
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      <RecordModal
        editing={editing}
        onClose={() => setEditing(null)}
        addTitle={t('travelDocs.add')}
        editTitle={t('travelDocs.edit')}
      >
        {(record) => (
          <TravelDocumentForm
            memberId={member.id}
            document={record}
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

interface TravelDocumentFormProps {
  memberId: string;
  document: TravelDocumentRow | null;
  onSaved(): Promise<void>;
}

function TravelDocumentForm({ memberId, document, onSaved }: TravelDocumentFormProps) {
  const t = useT();
  const [kind, setKind] = useState<TravelDocumentKind | null>(document?.kind ?? 'passport');
  const [number, setNumber] = useState(document?.number ?? '');
  const [issuedOn, setIssuedOn] = useState(dateText(document?.issuedOn));
  const [expiresOn, setExpiresOn] = useState(dateText(document?.expiresOn));
  const [issuer, setIssuer] = useState(document?.issuer ?? '');
  const [notes, setNotes] = useState(document?.notes ?? '');
  const save = useAction();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await save.run(() =>
      call('travelDocuments.save', {
        ...(document ? { id: document.id } : {}),
        memberId,
        kind: kind ?? 'passport',
        number,
        issuedOn: datePayload(issuedOn),
        expiresOn: datePayload(expiresOn),
        issuer: issuer.trim() || null,
        notes: notes.trim() || null,
      }),
    );
    if (saved) await onSaved();
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={2} spacing="sm">
          <EnumSelect
            label={t('travelDocs.kind')}
            values={travelDocumentKinds}
            labelOf={(value) => `travelDocument.${value}`}
            value={kind}
            onChange={setKind}
            allowDeselect={false}
            withAsterisk
            error={save.errors.kind}
            data-testid="travel-document-kind"
          />
          <TextInput
            label={t('travelDocs.number')}
            value={number}
            onChange={(event) => setNumber(event.currentTarget.value)}
            withAsterisk
            error={save.errors.number}
            data-autofocus
            data-testid="travel-document-number"
          />
          <DateField label={t('travelDocs.issuedOn')} value={issuedOn} onChange={setIssuedOn} error={save.errors.issuedOn} />
          <DateField
            label={t('travelDocs.expiresOn')}
            value={expiresOn}
            onChange={setExpiresOn}
            error={save.errors.expiresOn}
            data-testid="travel-document-expires"
          />
        </SimpleGrid>
        <TextInput
          label={t('travelDocs.issuer')}
          value={issuer}
          onChange={(event) => setIssuer(event.currentTarget.value)}
          error={save.errors.issuer}
        />
        <Textarea
          label={t('travelDocs.notes')}
          value={notes}
          onChange={(event) => setNotes(event.currentTarget.value)}
          autosize
          minRows={2}
          error={save.errors.notes}
        />
        <FailureAlert error={save.error} shownFields={['kind', 'number', 'issuedOn', 'expiresOn', 'issuer', 'notes']} />
        <Group justify="flex-end">
          <Button type="submit" loading={save.busy} data-testid="travel-document-save">
            {t('ui.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
