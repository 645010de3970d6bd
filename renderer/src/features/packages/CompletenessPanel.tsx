import { Alert, Badge, Button, Card, Group, Loader, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconEye, IconPlus } from '@tabler/icons-react';
import { useCallback, useState, type FormEvent } from 'react';
import type { Completeness } from '@shared/contract/exchange';
import { call } from '../../api/client';
import { errorText } from '../../api/errors';
import { useIsAdministrator } from '../../app/permissions';
import { useSession } from '../../state/sessionStore';
import { dateText } from '../../components/DateField';
import { FailureAlert } from '../../components/FailureAlert';
import { instantText } from '../../components/format';
import { SubmissionBadge } from '../../components/ReportTables';
import { useAction } from '../../components/useAction';
import { useRecord } from '../../components/useRecord';
import { useReportingPeriod } from '../../data/reportingPeriod';
import { useFormatNumber, useT } from '../../i18n';
import { UnitReportModal, type OpenedUnit } from './UnitReportModal';

/** Which subordinate units reported for the period: on time, late or not at all; each report opens for review. */
export function CompletenessPanel() {
  const t = useT();
  const lang = useSession((state) => state.lang);
  const formatNumber = useFormatNumber();
  const administrator = useIsAdministrator();
  const period = useReportingPeriod((state) => state.period);
  const roundId = useReportingPeriod((state) => state.roundId);
  const read = useCallback(() => call('rounds.completeness', { period, roundId }), [period, roundId]);
  const status = useRecord(read);
  const [opened, setOpened] = useState<OpenedUnit | null>(null);

  if (status.failure) return <Alert color="red">{errorText(status.failure, t)}</Alert>;
  if (!status.value) return <Loader size="sm" />;
  const completeness: Completeness = status.value;

  return (
    <Stack gap="md" data-testid="completeness">
      <Group gap="sm">
        <Badge size="lg" color="green" variant="light" tt="none" data-testid="count-submitted">
          {t('submission.submitted')}: {formatNumber(completeness.submitted)}
        </Badge>
        <Badge size="lg" color="orange" variant="light" tt="none" data-testid="count-late">
          {t('submission.late')}: {formatNumber(completeness.late)}
        </Badge>
        <Badge size="lg" color="red" variant="light" tt="none" data-testid="count-missing">
          {t('submission.missing')}: {formatNumber(completeness.missing)}
        </Badge>
        <Badge size="lg" color="grape" variant="light" tt="none" data-testid="count-period-differs">
          {t('submission.period_differs')}: {formatNumber(completeness.periodDiffers)}
        </Badge>
        <Text size="sm" c="dimmed">
          {completeness.deadline
            ? t('completeness.deadline', { date: dateText(completeness.deadline) })
            : t('completeness.noDeadline')}
        </Text>
      </Group>
      {completeness.units.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('completeness.none')}
        </Text>
      ) : (
        <Table striped highlightOnHover fz="sm" verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('completeness.unit')}</Table.Th>
              <Table.Th w={120}>{t('completeness.status')}</Table.Th>
              <Table.Th w={150}>{t('completeness.signedAt')}</Table.Th>
              <Table.Th w={150}>{t('completeness.importedAt')}</Table.Th>
              <Table.Th w={120} ta="center">
                {t('completeness.versions')}
              </Table.Th>
              <Table.Th w={150} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {completeness.units.map((unit) => (
              <Table.Tr key={unit.code} data-testid="completeness-row" data-unit={unit.code}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {unit.name}
                  </Text>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {unit.code}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <SubmissionBadge status={unit.status} />
                </Table.Td>
                <Table.Td>{unit.createdAt ? instantText(unit.createdAt, lang) : '—'}</Table.Td>
                <Table.Td>{unit.importedAt ? instantText(unit.importedAt, lang) : '—'}</Table.Td>
                <Table.Td ta="center" data-testid="completeness-versions">
                  {formatNumber(unit.versions)}
                </Table.Td>
                <Table.Td>
                  {unit.packageId && (
                    <Button
                      size="xs"
                      variant="light"
                      leftSection={<IconEye size={14} />}
                      onClick={() => setOpened({ code: unit.code, name: unit.name, packageId: unit.packageId! })}
                      data-testid="completeness-open"
                    >
                      {t('completeness.open')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {administrator && <AddUnit onAdded={status.reload} />}
      <UnitReportModal unit={opened} period={completeness.period} onClose={() => setOpened(null)} />
    </Stack>
  );
}

function AddUnit({ onAdded }: { onAdded(): Promise<void> }) {
  const t = useT();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const adding = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!(await adding.run(() => call('units.add', { code: code.trim(), name })))) return;
    notifications.show({ color: 'green', message: t('completeness.unitAdded', { code: code.trim() }) });
    setCode('');
    setName('');
    await onAdded();
  };
  return (
    <Card withBorder padding="sm" maw={860}>
      <form onSubmit={(event) => void submit(event)}>
        <Stack gap="xs">
          <Title order={3} fz="sm">
            {t('completeness.addUnit')}
          </Title>
          <Text size="xs" c="dimmed">
            {t('completeness.addUnitExplain')}
          </Text>
          <Group align="flex-start" gap="sm">
            <TextInput
              label={t('setup.unit.code')}
              w={180}
              value={code}
              onChange={(event) => setCode(event.currentTarget.value)}
              error={adding.errors.code}
              data-testid="add-unit-code"
            />
            <TextInput
              label={t('setup.unit.name')}
              flex={1}
              miw={240}
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={adding.errors.name}
              data-testid="add-unit-name"
            />
            <Button
              type="submit"
              mt={25}
              variant="light"
              leftSection={<IconPlus size={16} />}
              loading={adding.busy}
              data-testid="add-unit-submit"
            >
              {t('completeness.add')}
            </Button>
          </Group>
          <FailureAlert error={adding.error} shownFields={['code', 'name']} />
        </Stack>
      </form>
    </Card>
  );
}
