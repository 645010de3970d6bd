import { Alert, Button, FileButton, Group, Stack, Table, Text } from '@mantine/core';
import { IconFiles } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { maximumBatchBytes, maximumBatchSize, type PackageFileResult } from '@shared/contract/exchange';
import { errorSentence } from '@shared/errors';
import { call } from '../../api/client';
import { FailureAlert } from '../../components/FailureAlert';
import { fileSizeText } from '../../components/format';
import { readAsBase64 } from '../../components/files';
import { JobProgress } from '../../components/JobProgress';
import { useAction } from '../../components/useAction';
import { useJob } from '../../components/useJob';
import { useFormatNumber, useT } from '../../i18n';
import { useSession } from '../../state/sessionStore';
import { isPackageFile, packageExtension } from './PackageFileDrop';

const batchInputProps = { name: 'report-packages', 'data-testid': 'package-batch-input' };

/**
 * The upper level's way to take in its units' files at once: each is verified and stored on its own
 * (a refused file refuses only itself), all in one transaction, with progress and a Stop button that
 * keeps none of them.
 */
export function BatchImport({ onStart, onDone }: { onStart: () => void; onDone: () => void }) {
  const t = useT();
  const formatNumber = useFormatNumber();
  const importing = useAction();
  const job = useJob();
  const [results, setResults] = useState<PackageFileResult[] | null>(null);
  const [tooLarge, setTooLarge] = useState<string | null>(null);
  const lang = useSession((state) => state.lang);
  const resetInput = useRef<() => void>(null);

  const importFiles = async (chosen: File[]) => {
    resetInput.current?.();
    onStart();
    setResults(null);
    setTooLarge(null);
    const wrongKind: PackageFileResult[] = chosen
      .filter((file) => !isPackageFile(file))
      .map((file) => ({
        fileName: file.name,
        outcome: null,
        summary: null,
        error: { code: 'NOT_A_REPORT_FILE', params: { fileName: file.name } },
      }));
    const packages = chosen.filter(isPackageFile);
    if (packages.length === 0) {
      setResults(wrongKind);
      return;
    }
    const totalBytes = packages.reduce((sum, file) => sum + file.size, 0);
    if (totalBytes > maximumBatchBytes) {
      setTooLarge(t('packageBatch.tooLargeChosen', { size: fileSizeText(totalBytes, lang), limit: maximumBatchSize }));
      return;
    }
    const answer = await importing.run(async () => {
      const files = await Promise.all(
        packages.map(async (file) => ({ fileName: file.name, contentBase64: await readAsBase64(file) })),
      );
      return job.run((jobId) => call('packages.importMany', { files, jobId }));
    });
    if (!answer) return;
    setResults([...answer.results, ...wrongKind]);
    onDone();
  };

  const accepted = results?.filter((result) => result.error === null).length ?? 0;
  return (
    <Stack gap="sm" data-testid="package-batch">
      <Group justify="space-between" align="center" gap="md" wrap="nowrap">
        <Text size="sm">{t('packageBatch.explain')}</Text>
        <FileButton
          resetRef={resetInput}
          multiple
          onChange={(files) => files.length > 0 && void importFiles(files)}
          accept={packageExtension}
          inputProps={batchInputProps}
        >
          {(props) => (
            <Button
              {...props}
              variant="light"
              leftSection={<IconFiles size={16} />}
              flex="none"
              disabled={importing.busy}
              data-testid="package-batch-choose"
            >
              {t('packageBatch.choose')}
            </Button>
          )}
        </FileButton>
      </Group>
      <JobProgress
        job={job}
        label={t('packageBatch.working')}
        count={(done, total) => t('packageBatch.progress', { done, total })}
        data-testid="package-batch-working"
      />
      <FailureAlert error={importing.error} />
      {tooLarge && (
        <Alert color="red" data-testid="package-batch-too-large">
          {tooLarge}
        </Alert>
      )}
      {results && (
        <Stack gap="xs">
          <Alert color={accepted === results.length ? 'green' : 'orange'} data-testid="package-batch-summary">
            {t('packageBatch.summary', { accepted: formatNumber(accepted), refused: formatNumber(results.length - accepted) })}
          </Alert>
          <Table striped fz="sm" verticalSpacing={4} data-testid="package-batch-results">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('packageBatch.file')}</Table.Th>
                <Table.Th>{t('packageBatch.unit')}</Table.Th>
                <Table.Th>{t('packageBatch.result')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {results.map((result) => (
                <Table.Tr key={result.fileName} data-testid="package-batch-row">
                  <Table.Td>{result.fileName}</Table.Td>
                  <Table.Td>{result.summary ? `${result.summary.unit.name} (${result.summary.unit.code})` : '—'}</Table.Td>
                  <Table.Td c={result.error ? 'red' : undefined}>
                    {result.error ? errorSentence({ ...result.error, issues: [] }, t) : t(`exchange.outcome.${result.outcome!}`)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </Stack>
  );
}
