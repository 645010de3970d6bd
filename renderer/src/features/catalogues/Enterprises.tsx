import {
  ActionIcon,
  Alert,
  Button,
  Group,
  NumberInput,
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
import type { z } from 'zod';
import type { EnterpriseRow } from '@shared/contract/registry';
import { civilDateInVietnam, yearOf } from '@shared/rules/dates';
import { call } from '../../api/client';
import { errorText } from '../../api/errors';
import { useCanEnterData } from '../../app/permissions';
import { DeleteButton } from '../../components/DeleteButton';
import { FailureAlert } from '../../components/FailureAlert';
import { RecordModal, type Editing } from '../../components/RecordModal';
import { useAction } from '../../components/useAction';
import { useRecord } from '../../components/useRecord';
import { useFormatNumber, useT } from '../../i18n';

type Enterprise = z.infer<typeof EnterpriseRow>;

const wholeNumber = (value: string | number) => (typeof value === 'number' ? value : Number.parseInt(value, 10) || 0);

/** Appendix 03: party organisations in Vietnamese enterprises abroad, per year (usually none). */
export function Enterprises() {
  const t = useT();
  const formatNumber = useFormatNumber();
  const canEdit = useCanEnterData();
  const read = useCallback(() => call('enterprises.list', {}), []);
  const enterprises = useRecord(read);
  const [editing, setEditing] = useState<Editing<Enterprise>>(null);
  const removal = useAction();

  return (
    <Stack gap="sm" data-testid="enterprises">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('enterprises.explain')}
        </Text>
        {canEdit && (
          <Button
            variant="light"
            leftSection={<IconPlus size={16} />}
            onClick={() => setEditing('new')}
            data-testid="enterprise-add"
          >
            {t('enterprises.add')}
          </Button>
        )}
      </Group>
      {enterprises.failure ? <Alert color="red">{errorText(enterprises.failure, t)}</Alert> : null}
      <FailureAlert error={removal.error} />
      {enterprises.value && enterprises.value.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('enterprises.none')}
        </Text>
      )}
      {enterprises.value && enterprises.value.length > 0 && (
        <Table striped verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={80}>{t('enterprises.year')}</Table.Th>
              <Table.Th>{t('enterprises.name')}</Table.Th>
              <Table.Th w={120} ta="right">
                {t('enterprises.committees')}
              </Table.Th>
              <Table.Th w={120} ta="right">
                {t('enterprises.cells')}
              </Table.Th>
              <Table.Th w={120} ta="right">
                {t('enterprises.members')}
              </Table.Th>
              <Table.Th>{t('enterprises.notes')}</Table.Th>
              <Table.Th w={80} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {enterprises.value.map((enterprise) => (
              <Table.Tr key={enterprise.id} data-testid="enterprise-row">
                <Table.Td>{enterprise.year}</Table.Td>
                <Table.Td>{enterprise.name}</Table.Td>
                <Table.Td ta="right">{formatNumber(enterprise.committees)}</Table.Td>
                <Table.Td ta="right">{formatNumber(enterprise.cells)}</Table.Td>
                <Table.Td ta="right">{formatNumber(enterprise.members)}</Table.Td>
                <Table.Td>{enterprise.notes}</Table.Td>
                <Table.Td>
                  {canEdit && (
                    <Group gap={2} wrap="nowrap" justify="flex-end">
                      <Tooltip label={t('action.edit')} withArrow>
                        <ActionIcon variant="subtle" onClick={() => setEditing(enterprise)} aria-label={t('action.edit')}>
                          <IconEdit size={16} />
                        </ActionIcon>
                      </Tooltip>
                      <DeleteButton
                        question={t('enterprises.deleteQuestion', { name: enterprise.name, year: enterprise.year })}
                        onConfirm={async () => {
                          if (await removal.run(() => call('enterprises.delete', { id: enterprise.id })))
                            await enterprises.reload();
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
        addTitle={t('enterprises.add')}
        editTitle={t('enterprises.edit')}
      >
        {(record) => (
          <EnterpriseForm
            enterprise={record}
            onSaved={async () => {
              setEditing(null);
              await enterprises.reload();
            }}
          />
        )}
      </RecordModal>
    </Stack>
  );
}

function EnterpriseForm({ enterprise, onSaved }: { enterprise: Enterprise | null; onSaved(): Promise<void> }) {
  const t = useT();
  const [name, setName] = useState(enterprise?.name ?? '');
  const [year, setYear] = useState<number>(enterprise?.year ?? yearOf(civilDateInVietnam(new Date())));
  const [committees, setCommittees] = useState(enterprise?.committees ?? 0);
  const [cells, setCells] = useState(enterprise?.cells ?? 0);
  const [members, setMembers] = useState(enterprise?.members ?? 0);
  const [notes, setNotes] = useState(enterprise?.notes ?? '');
  const save = useAction();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await save.run(() =>
      call('enterprises.save', {
        ...(enterprise ? { id: enterprise.id } : {}),
        name,
        year,
        committees,
        cells,
        members,
        notes: notes.trim() || null,
      }),
    );
    if (saved) await onSaved();
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('enterprises.name')}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          withAsterisk
          error={save.errors.name}
          data-autofocus
          data-testid="enterprise-name"
        />
        <SimpleGrid cols={4} spacing="sm">
          <NumberInput
            label={t('enterprises.year')}
            value={year}
            onChange={(value) => setYear(wholeNumber(value))}
            min={1990}
            max={2100}
            allowDecimal={false}
            thousandSeparator=""
            error={save.errors.year}
          />
          <NumberInput
            label={t('enterprises.committees')}
            value={committees}
            onChange={(value) => setCommittees(wholeNumber(value))}
            min={0}
            allowDecimal={false}
            error={save.errors.committees}
          />
          <NumberInput
            label={t('enterprises.cells')}
            value={cells}
            onChange={(value) => setCells(wholeNumber(value))}
            min={0}
            allowDecimal={false}
            error={save.errors.cells}
          />
          <NumberInput
            label={t('enterprises.members')}
            value={members}
            onChange={(value) => setMembers(wholeNumber(value))}
            min={0}
            allowDecimal={false}
            error={save.errors.members}
          />
        </SimpleGrid>
        <Textarea
          label={t('enterprises.notes')}
          value={notes}
          onChange={(event) => setNotes(event.currentTarget.value)}
          autosize
          minRows={1}
          error={save.errors.notes}
        />
        <FailureAlert error={save.error} shownFields={['name', 'year', 'committees', 'cells', 'members', 'notes']} />
        <Group justify="flex-end">
          <Button type="submit" loading={save.busy} data-testid="enterprise-save">
            {t('ui.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
