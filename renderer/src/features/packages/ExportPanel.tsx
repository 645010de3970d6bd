import { Alert, Button, Card, Checkbox, Group, List, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconFileExport } from '@tabler/icons-react';
import { useState } from 'react';
import { call } from '../../api/client';
import { useHasRole } from '../../app/permissions';
import { decisions } from '@shared/contract/define';
import { dateText } from '../../components/DateField';
import { FailureAlert } from '../../components/FailureAlert';
import { blobOf, download } from '../../components/files';
import { JobProgress } from '../../components/JobProgress';
import { useAction } from '../../components/useAction';
import { useJob } from '../../components/useJob';
import { useChosenRound, useReportingPeriod } from '../../data/reportingPeriod';
import { useT } from '../../i18n';
import { useParentCard, usePackagesView } from './packageStores';

/** This office's signed report file for the chosen period, to carry to the upper level on a USB stick. */
export function ExportPanel() {
  const t = useT();
  const canExport = useHasRole(decisions);
  const period = useReportingPeriod((state) => state.period);
  const roundId = useReportingPeriod((state) => state.roundId);
  const round = useChosenRound();
  const parent = useParentCard();
  const [encryptChoice, setEncryptChoice] = useState<boolean | null>(null);
  const [includeDocuments, setIncludeDocuments] = useState(true);
  const [exported, setExported] = useState<{ fileName: string; version: number } | null>(null);
  const exporting = useAction();
  const job = useJob();
  const encrypt = parent !== null && (encryptChoice ?? true);
  const [confirmingPlain, setConfirmingPlain] = useState(false);
  const showKeyCards = usePackagesView((state) => state.setTab);

  const exportFile = async () => {
    setConfirmingPlain(false);
    setExported(null);
    const file = await exporting.run(() =>
      job.run((jobId) => call('packages.export', { period, roundId, encryptToParent: encrypt, includeDocuments, jobId })),
    );
    if (!file) return;
    download(blobOf(file.contentBase64, 'application/octet-stream'), file.fileName);
    setExported({ fileName: file.fileName, version: file.version });
  };

  return (
    <Card withBorder padding="md" maw={860} data-testid="export-panel">
      <Stack gap="sm">
        <Text size="sm">{t('packageExport.explain')}</Text>
        <Text size="sm">
          <Text span fw={600}>
            {t('packageExport.period')}:
          </Text>{' '}
          {dateText(period.from)} – {dateText(period.to)}
          {round ? ` · ${round.ref}` : ''}
        </Text>
        {round?.detailsRequested && (
          <Alert color="blue" p="xs">
            {t('packageExport.detailsRequested')}
          </Alert>
        )}
        <Checkbox
          label={t('packageExport.encrypt', { unit: parent?.unitName ?? '—' })}
          description={parent ? t('packageExport.encryptHint') : t('packageExport.noParentCard')}
          checked={encrypt}
          disabled={parent === null}
          onChange={(event) => setEncryptChoice(event.currentTarget.checked)}
          data-testid="export-encrypt"
        />
        <Checkbox
          label={t('packageExport.includeDocuments')}
          description={t('packageExport.includeDocumentsHint')}
          checked={includeDocuments}
          onChange={(event) => setIncludeDocuments(event.currentTarget.checked)}
          data-testid="export-documents"
        />
        {canExport ? (
          <Group>
            <Button
              leftSection={<IconFileExport size={16} />}
              loading={exporting.busy}
              onClick={() => (encrypt ? void exportFile() : setConfirmingPlain(true))}
              data-testid="export-submit"
            >
              {t('packageExport.submit')}
            </Button>
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {t('packageExport.notAllowed')}
          </Text>
        )}
        <JobProgress job={job} label={t('packageExport.working')} data-testid="export-working" />
        <FailureAlert error={exporting.error} />
        {exported && (
          <Alert color="green" icon={<IconCircleCheck size={18} />} data-testid="export-done">
            {t('packageExport.done', exported)}
          </Alert>
        )}
      </Stack>
      <Modal
        opened={confirmingPlain}
        onClose={() => setConfirmingPlain(false)}
        title={t('packageExport.plainTitle')}
        size="lg"
        data-testid="export-plain-warning"
      >
        <Stack gap="sm">
          <Alert color="orange" icon={<IconAlertTriangle size={18} />}>
            {t(parent ? 'packageExport.plainChosen' : 'packageExport.plainNoCard')}
          </Alert>
          {!parent && (
            <>
              <Text size="sm" fw={600}>
                {t('packageExport.howToGetCard')}
              </Text>
              <List size="sm" type="ordered" spacing={4}>
                <List.Item>{t('packageExport.getCard.ask')}</List.Item>
                <List.Item>{t('packageExport.getCard.receive')}</List.Item>
                <List.Item>{t('packageExport.getCard.check')}</List.Item>
              </List>
            </>
          )}
          <Group justify="flex-end">
            {!parent && (
              <Button variant="default" onClick={() => showKeyCards('keys')} data-testid="export-plain-get-card">
                {t('packageExport.openKeyCards')}
              </Button>
            )}
            <Button color="orange" onClick={() => void exportFile()} data-testid="export-plain-confirm">
              {t('packageExport.plainConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
