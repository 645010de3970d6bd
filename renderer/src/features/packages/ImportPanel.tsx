import { Alert, Button, Card, FileButton, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconFileImport, IconShieldCheck } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { maximumFileBytes, maximumFileSize, type ImportOutcome, type PackageSummary } from '@shared/contract/exchange';
import { call } from '../../api/client';
import { errorText } from '../../api/errors';
import { useCanEnterData } from '../../app/permissions';
import { readAsBase64 } from '../../components/files';
import { fileSizeText } from '../../components/format';
import { FiguresTable } from '../../components/ReportTables';
import { useRoundsStore } from '../../data/reportingPeriod';
import { useT } from '../../i18n';
import { useSession } from '../../state/sessionStore';
import { isPackageFile, packageExtension } from './PackageFileDrop';
import { BatchImport } from './BatchImport';
import { PackageSummaryView } from './PackageSummaryView';
import { usePackagesView } from './packageStores';

type Stage =
  | { kind: 'idle' }
  | { kind: 'checking'; fileName: string }
  | { kind: 'refused'; fileName: string; reason: string }
  | { kind: 'verified'; fileName: string; contentBase64: string; summary: PackageSummary; failure: string | null }
  | { kind: 'importing'; fileName: string; contentBase64: string; summary: PackageSummary }
  | { kind: 'imported'; fileName: string; outcome: ImportOutcome };

const fileInputProps = { name: 'report-package', 'data-testid': 'package-file-input' };

/**
 * A report file (or the upper level's request) is checked first and shown; only "accept" stores it.
 * A refused file shows the services' own sentence and nothing is stored.
 */
export function ImportPanel() {
  const t = useT();
  const lang = useSession((state) => state.lang);
  const canImport = useCanEnterData();
  const incoming = usePackagesView((state) => state.incoming);
  const takeIncoming = usePackagesView((state) => state.takeIncoming);
  const refreshRounds = useRoundsStore((state) => state.refresh);
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  // One answer on screen at a time: a file checked on its own clears the last batch's table, and a batch this file's verdict.
  const [batchRun, setBatchRun] = useState(0);
  const resetInput = useRef<() => void>(null);

  const check = useCallback(
    async (file: File) => {
      resetInput.current?.();
      setBatchRun((run) => run + 1);
      if (!isPackageFile(file)) {
        setStage({ kind: 'refused', fileName: file.name, reason: t('error.NOT_A_REPORT_FILE', { fileName: file.name }) });
        return;
      }
      if (file.size > maximumFileBytes) {
        const size = fileSizeText(file.size, lang);
        const reason = t('packages.fileTooLargeChosen', { fileName: file.name, size, limit: maximumFileSize });
        setStage({ kind: 'refused', fileName: file.name, reason });
        return;
      }
      setStage({ kind: 'checking', fileName: file.name });
      try {
        const contentBase64 = await readAsBase64(file);
        const summary = await call('packages.verify', { fileName: file.name, contentBase64 });
        setStage({ kind: 'verified', fileName: file.name, contentBase64, summary, failure: null });
      } catch (error) {
        setStage({ kind: 'refused', fileName: file.name, reason: errorText(error, t) });
      }
    },
    [t, lang],
  );

  useEffect(() => {
    if (!incoming) return;
    const file = takeIncoming();
    if (file) void check(file);
  }, [incoming, takeIncoming, check]);

  const accept = async () => {
    if (stage.kind !== 'verified') return;
    const { fileName, contentBase64, summary } = stage;
    setStage({ kind: 'importing', fileName, contentBase64, summary });
    try {
      const outcome = await call('packages.import', { fileName, contentBase64 });
      setStage({ kind: 'imported', fileName, outcome });
      if (outcome.summary.kind === 'request') await refreshRounds();
    } catch (error) {
      setStage({ kind: 'verified', fileName, contentBase64, summary, failure: errorText(error, t) });
    }
  };

  return (
    <Stack gap="md" maw={1080} data-testid="import-panel">
      <Card withBorder padding="md">
        <Group justify="space-between" align="center" gap="md" wrap="nowrap">
          <Text size="sm">{t('packageImport.explain')}</Text>
          <FileButton
            resetRef={resetInput}
            onChange={(file) => file && void check(file)}
            accept={packageExtension}
            inputProps={fileInputProps}
          >
            {(props) => (
              <Button {...props} leftSection={<IconFileImport size={16} />} flex="none" data-testid="package-choose">
                {t('packageImport.choose')}
              </Button>
            )}
          </FileButton>
        </Group>
      </Card>
      {canImport && (
        <Card withBorder padding="md">
          <BatchImport key={batchRun} onStart={() => setStage({ kind: 'idle' })} onDone={() => void refreshRounds()} />
        </Card>
      )}
      {stage.kind === 'checking' && (
        <Group gap="sm">
          <Loader size="sm" />
          <Text size="sm">{t('packageImport.checking', { fileName: stage.fileName })}</Text>
        </Group>
      )}
      {stage.kind === 'refused' && (
        <Alert
          color="red"
          icon={<IconAlertTriangle size={20} />}
          title={t('packageImport.refused', { fileName: stage.fileName })}
          data-testid="package-refused"
        >
          <Text size="sm" data-testid="package-refusal">
            {stage.reason}
          </Text>
          <Text size="sm" fw={600} mt={6}>
            {t('packageImport.nothingChanged')}
          </Text>
        </Alert>
      )}
      {(stage.kind === 'verified' || stage.kind === 'importing') && (
        <Paper withBorder p="md" data-testid="package-verdict">
          <Stack gap="sm">
            <Title order={3} fz="md">
              {stage.fileName}
            </Title>
            <Alert
              color={stage.summary.signerTrusted ? 'green' : 'orange'}
              icon={<IconShieldCheck size={20} />}
              data-testid="package-verdict-line"
            >
              {stage.summary.signerTrusted
                ? t('packageImport.verdictTrusted', { unit: stage.summary.unit.name })
                : t('packageImport.verdictUntrusted')}
            </Alert>
            <PackageSummaryView summary={stage.summary} />
            {stage.summary.report && (
              <>
                <Text size="sm" fw={600}>
                  {t('packageImport.figures')}
                </Text>
                <FiguresTable figures={stage.summary.report.figures} />
              </>
            )}
            {stage.kind === 'verified' && stage.failure && (
              <Alert color="red" icon={<IconAlertTriangle size={18} />} data-testid="package-import-failed">
                {stage.failure}
              </Alert>
            )}
            {canImport ? (
              <Group>
                <Button
                  leftSection={<IconCircleCheck size={16} />}
                  loading={stage.kind === 'importing'}
                  onClick={() => void accept()}
                  data-testid="package-accept"
                >
                  {t('packageImport.accept')}
                </Button>
              </Group>
            ) : (
              <Text size="sm" c="dimmed">
                {t('packageImport.notAllowed')}
              </Text>
            )}
          </Stack>
        </Paper>
      )}
      {stage.kind === 'imported' && (
        <Alert color="green" icon={<IconCircleCheck size={20} />} title={stage.fileName} data-testid="package-imported">
          <Text size="sm" data-testid="package-outcome">
            {t(`exchange.outcome.${stage.outcome.outcome}`)}
          </Text>
        </Alert>
      )}
    </Stack>
  );
}
