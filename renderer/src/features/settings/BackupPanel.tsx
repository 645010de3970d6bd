import { Alert, Button, Card, Group, NumberInput, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconDownload, IconFolder } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import type { BackupSchedule, BackupStatus } from '@shared/contract/backup';
import { errorSentence } from '@shared/errors';
import { call } from '../../api/client';
import { useSession } from '../../state/sessionStore';
import { FailureAlert } from '../../components/FailureAlert';
import { blobOf, download } from '../../components/files';
import { fileSizeText, instantText } from '../../components/format';
import { JobProgress } from '../../components/JobProgress';
import { useAction } from '../../components/useAction';
import { useJob } from '../../components/useJob';
import { useRecord } from '../../components/useRecord';
import { useT } from '../../i18n';
import { IntegrityCard } from './IntegrityCard';

/** The Backups tab of Settings: back up now, the daily schedule, the data file check. */
export function BackupPanel() {
  const read = useCallback(() => call('backup.status', {}), []);
  const status = useRecord(read);
  return (
    <Stack gap="md" data-testid="backup-panel">
      <FailureAlert error={status.failure} />
      {status.value && (
        <>
          <BackupNowCard last={status.value.last} onMade={() => void status.reload()} />
          <ScheduleCard
            schedule={status.value.schedule}
            folder={status.value.scheduleFolder}
            failure={status.value.lastScheduledFailure}
            onSaved={status.set}
          />
        </>
      )}
      <IntegrityCard />
    </Stack>
  );
}

function BackupNowCard({ last, onMade }: { last: BackupStatus['last']; onMade: () => void }) {
  const t = useT();
  const lang = useSession((state) => state.lang);
  const backing = useAction();
  const job = useJob();

  const backUp = async (destination: 'download' | 'folder') => {
    const made = await backing.run(() => job.run((jobId) => call('backup.create', { destination, jobId })));
    if (!made) return;
    // In the browser the file is handed over as a download. The Electron window will ask the main process for a folder picker and send the folder chosen instead.
    if (made.contentBase64) download(blobOf(made.contentBase64, 'application/octet-stream'), made.fileName);
    notifications.show({
      color: 'green',
      message: t('backup.made', { file: made.fileName, size: fileSizeText(made.bytes, lang) }),
    });
    onMade();
  };

  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={4}>{t('backup.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('backup.explain')}
        </Text>
        {last ? (
          <Stack gap={0} data-testid="backup-last">
            <Text size="sm">
              {t('backup.last', { time: instantText(last.at, lang), file: last.fileName, size: fileSizeText(last.bytes, lang) })}
            </Text>
            <Text size="sm" c="dimmed">
              {last.folder ? t('backup.lastFolder', { folder: last.folder }) : t('backup.lastDownloaded')}
            </Text>
          </Stack>
        ) : (
          <Text size="sm" data-testid="backup-last">
            {t('backup.never')}
          </Text>
        )}
        <Group>
          <Button
            leftSection={<IconDownload size={16} />}
            onClick={() => void backUp('download')}
            loading={backing.busy}
            data-testid="backup-download"
          >
            {t('backup.download')}
          </Button>
          <Button
            variant="light"
            leftSection={<IconFolder size={16} />}
            onClick={() => void backUp('folder')}
            disabled={backing.busy}
            data-testid="backup-to-folder"
          >
            {t('backup.toFolder')}
          </Button>
        </Group>
        {/* The services name each step; the bar is enough for the bytes written. */}
        <JobProgress job={job} count={() => ''} data-testid="backup-working" />
        <FailureAlert error={backing.error} data-testid="backup-error" />
        <Text size="sm" c="dimmed">
          {t('backup.restoreHint')}
        </Text>
      </Stack>
    </Card>
  );
}

function ScheduleCard({
  schedule,
  folder,
  failure,
  onSaved,
}: {
  schedule: BackupSchedule;
  folder: string;
  failure: BackupStatus['lastScheduledFailure'];
  onSaved: (status: BackupStatus) => void;
}) {
  const t = useT();
  const lang = useSession((state) => state.lang);
  const [draft, setDraft] = useState({ enabled: schedule.enabled, folder: schedule.folder ?? '', keep: schedule.keep });
  const saving = useAction();
  useEffect(() => setDraft({ enabled: schedule.enabled, folder: schedule.folder ?? '', keep: schedule.keep }), [schedule]);

  const save = async () => {
    const saved = await saving.run(() =>
      call('backup.saveSchedule', {
        enabled: draft.enabled,
        folder: draft.folder.trim() === '' ? null : draft.folder,
        keep: draft.keep,
      }),
    );
    if (!saved) return;
    notifications.show({ color: 'green', message: t('backup.schedule.saved') });
    onSaved(saved);
  };

  return (
    <Card withBorder data-testid="backup-schedule">
      <Stack gap="sm">
        <Title order={4}>{t('backup.schedule.title')}</Title>
        <Switch
          label={t('backup.schedule.enabled')}
          checked={draft.enabled}
          onChange={(event) => setDraft({ ...draft, enabled: event.currentTarget.checked })}
          data-testid="backup-schedule-enabled"
        />
        {/* Typed for now; the Electron window will fill it from a folder picker. */}
        <TextInput
          label={t('backup.schedule.folder')}
          description={t('backup.schedule.folder.hint')}
          placeholder={folder}
          value={draft.folder}
          onChange={(event) => setDraft({ ...draft, folder: event.currentTarget.value })}
          error={saving.errors.folder}
          data-testid="backup-schedule-folder"
        />
        <NumberInput
          label={t('backup.schedule.keep')}
          description={t('backup.schedule.keep.hint')}
          min={1}
          max={365}
          w={220}
          value={draft.keep}
          onChange={(value) => setDraft({ ...draft, keep: typeof value === 'number' ? value : draft.keep })}
          error={saving.errors.keep}
          data-testid="backup-schedule-keep"
        />
        <Text size="sm" c="dimmed" data-testid="backup-schedule-folder-now">
          {t('backup.schedule.folderNow', { folder })}
        </Text>
        {failure && (
          <Alert color="orange" data-testid="backup-schedule-failure">
            {t('backup.schedule.failed', {
              time: instantText(failure.at, lang),
              reason: errorSentence({ ...failure, issues: [] }, t),
            })}
          </Alert>
        )}
        <FailureAlert error={saving.error} shownFields={['folder', 'keep']} />
        <Button
          leftSection={<IconDeviceFloppy size={16} />}
          w="fit-content"
          onClick={() => void save()}
          loading={saving.busy}
          data-testid="backup-schedule-save"
        >
          {t('ui.save')}
        </Button>
      </Stack>
    </Card>
  );
}
