import { Alert, Badge, Button, Center, Group, List, Loader, Paper, Stack, Tabs, Text } from '@mantine/core';
import { IconAlertTriangle, IconArchive, IconArchiveOff, IconEdit, IconPlus } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import type { MemberDetail } from '@shared/contract/registry';
import { archiveBlockers, unfinishedTrips } from '@shared/rules/memberArchive';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { call } from '../../api/client';
import { errorText } from '../../api/errors';
import { useNavigation } from '../../state/navigation';
import { useCanEnterData } from '../../app/permissions';
import { dateText } from '../../components/DateField';
import { FailureAlert } from '../../components/FailureAlert';
import { PageHeader } from '../../components/PageHeader';
import { useAction } from '../../components/useAction';
import { useRecord } from '../../components/useRecord';
import { useT } from '../../i18n';
import { ActivityEvents } from './ActivityEvents';
import { MemberForm } from './MemberForm';
import { useMemberList } from '../../data/memberList';
import { MemberTrips } from './MemberTrips';
import { TravelDocuments } from './TravelDocuments';

export function NewMemberPage() {
  const t = useT();
  const replace = useNavigation((state) => state.replace);
  return (
    <Stack data-testid="new-member-page">
      <PageHeader title={t('memberPage.newTitle')} withBack />
      <Paper withBorder p="md">
        <MemberForm member={null} onSaved={(saved) => replace({ kind: 'member', memberId: saved.id })} />
      </Paper>
    </Stack>
  );
}

export function MemberPage({ memberId }: { memberId: string }) {
  const t = useT();
  const canEdit = useCanEnterData();
  const open = useNavigation((state) => state.open);
  const read = useCallback(() => call('members.get', { id: memberId }), [memberId]);
  const member = useRecord(read);
  const archive = useAction();
  const [editing, setEditing] = useState(false);
  const [confirmingArchive, setConfirmingArchive] = useState(false);

  if (member.failure) return <Alert color="red">{errorText(member.failure, t)}</Alert>;
  if (!member.value) {
    return (
      <Center p="xl">
        <Loader />
      </Center>
    );
  }
  const detail: MemberDetail = member.value;
  const setArchived = async (archived: boolean) => {
    setConfirmingArchive(false);
    const saved = await archive.run(() => call('members.archive', { id: detail.id, archived }));
    if (!saved) return;
    member.set(saved);
    useMemberList.getState().refresh();
  };

  return (
    <Stack gap="md" data-testid="member-page">
      <PageHeader
        withBack
        title={<span data-testid="member-title">{detail.fullName}</span>}
        badges={
          <Group gap={6} wrap="nowrap">
            <Text c="dimmed" size="sm">
              {detail.code}
            </Text>
            <Badge variant="light" color={detail.status === 'active' ? 'green' : 'gray'} tt="none">
              {t(`memberStatus.${detail.status}`)}
            </Badge>
            {detail.abroadNow && (
              <Badge variant="light" color="indigo" tt="none">
                {t('members.abroadNow.yes')}
              </Badge>
            )}
            {detail.archived && (
              <Badge variant="outline" color="gray" tt="none" data-testid="member-archived">
                {t('members.archivedBadge')}
              </Badge>
            )}
          </Group>
        }
        actions={
          canEdit && (
            <>
              {!detail.archived && (
                <Button
                  leftSection={<IconPlus size={16} />}
                  onClick={() => open('trips', { kind: 'tripForm', tripId: null, memberId: detail.id })}
                  data-testid="member-new-trip"
                >
                  {t('trips.new')}
                </Button>
              )}
              <Button
                variant="default"
                leftSection={detail.archived ? <IconArchiveOff size={16} /> : <IconArchive size={16} />}
                loading={archive.busy}
                onClick={() => (detail.archived ? void setArchived(false) : setConfirmingArchive(true))}
                data-testid="member-archive"
              >
                {detail.archived ? t('memberPage.restore') : t('memberPage.archive')}
              </Button>
            </>
          )
        }
      />
      <FailureAlert error={archive.error} />
      {confirmingArchive && (
        <ArchiveDialog member={detail} onConfirm={() => void setArchived(true)} onCancel={() => setConfirmingArchive(false)} />
      )}
      {detail.archived && (
        <Alert color="gray" icon={<IconArchive size={18} />}>
          {t('memberPage.archivedExplain')}
        </Alert>
      )}
      {detail.flags.length > 0 && (
        <Alert color="orange" icon={<IconAlertTriangle size={18} />} title={t('memberPage.flags')} data-testid="member-flags">
          <List size="sm">
            {detail.flags.map((flag) => (
              <List.Item key={flag.flag}>
                {t(`flag.${flag.flag}`)}
                {flag.since && ` — ${t('flags.since', { date: dateText(flag.since) })}`}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Tabs defaultValue="details" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="details">{t('memberPage.tab.details')}</Tabs.Tab>
          <Tabs.Tab value="documents" data-testid="tab-documents">
            {t('memberPage.tab.documents', { count: detail.travelDocuments.length })}
          </Tabs.Tab>
          <Tabs.Tab value="trips" data-testid="tab-trips">
            {t('memberPage.tab.trips', { count: detail.trips.length })}
          </Tabs.Tab>
          <Tabs.Tab value="activity" data-testid="tab-activity">
            {t('memberPage.tab.activity', { count: detail.events.length })}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="details" pt="md">
          {canEdit && !editing && !detail.archived && (
            <Group justify="flex-end" mb="xs">
              <Button
                variant="default"
                leftSection={<IconEdit size={16} />}
                onClick={() => setEditing(true)}
                data-testid="member-edit"
              >
                {t('action.edit')}
              </Button>
            </Group>
          )}
          <MemberForm
            key={`${detail.id}-${String(editing)}`}
            member={detail}
            onSaved={(saved) => {
              member.set(saved);
              setEditing(false);
            }}
            readOnly={!canEdit || !editing}
            onCancel={() => setEditing(false)}
          />
        </Tabs.Panel>
        <Tabs.Panel value="documents" pt="md">
          <TravelDocuments member={detail} onChanged={member.reload} />
        </Tabs.Panel>
        <Tabs.Panel value="trips" pt="md">
          <MemberTrips member={detail} />
        </Tabs.Panel>
        <Tabs.Panel value="activity" pt="md">
          <ActivityEvents member={detail} onChanged={member.reload} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

/**
 * Asks before archiving: an archived record leaves the lists and takes no new step. A member
 * abroad cannot be archived (the return must still be recorded), which is said before asking.
 */
function ArchiveDialog({ member, onConfirm, onCancel }: { member: MemberDetail; onConfirm(): void; onCancel(): void }) {
  const t = useT();
  const blocked = archiveBlockers(member.trips).length > 0;
  const unfinished = unfinishedTrips(member.trips).length;
  if (blocked) {
    return (
      <Alert
        color="red"
        icon={<IconAlertTriangle size={18} />}
        title={t('archive.blockedTitle')}
        withCloseButton
        onClose={onCancel}
        data-testid="archive-blocked"
      >
        {t('reason.archive.abroad')}
      </Alert>
    );
  }
  return (
    <ConfirmDialog
      opened
      title={t('archive.title', { name: member.fullName })}
      confirmLabel={t('memberPage.archive')}
      danger
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <Stack gap="xs">
        <Text size="sm">{t('archive.explain')}</Text>
        {unfinished > 0 && (
          <Alert color="orange" icon={<IconAlertTriangle size={16} />} data-testid="archive-unfinished">
            {t('archive.unfinished', { count: unfinished })}
          </Alert>
        )}
      </Stack>
    </ConfirmDialog>
  );
}
