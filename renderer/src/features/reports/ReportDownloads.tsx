import { Button, Group, Modal, Progress, Stack, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileTypeDocx, IconFileTypePdf, IconFileTypeXls, IconPrinter } from '@tabler/icons-react';
import { useCallback, useState, type ComponentType } from 'react';
import type { Period } from '@shared/contract/dashboard';
import type { MessageKey } from '@shared/i18n';
import { call } from '../../api/client';
import { errorText } from '../../api/errors';
import { blobOf, download, mediaTypeOf } from '../../components/files';
import { PrintPreview } from '../../components/PrintPreview';
import { useT } from '../../i18n';

type Format = 'docx' | 'xlsx' | 'pdf';
/** A file to download, or the PDF shown in the print preview. */
type Action = Format | 'preview';

const documents: { format: Format; label: MessageKey; short: string; icon: ComponentType<{ size?: number }> }[] = [
  { format: 'docx', label: 'report.document.report', short: 'Word', icon: IconFileTypeDocx },
  { format: 'xlsx', label: 'report.document.appendices', short: 'Excel', icon: IconFileTypeXls },
  { format: 'pdf', label: 'report.document.reportPdf', short: 'PDF', icon: IconFileTypePdf },
];

interface ReportDownloadsProps {
  period: Period;
  /** The reporting round the report answers, whose saved text and heading the files carry. */
  roundId: string | null;
  /** Saves unsaved changes first, since the documents are made from the saved report; false stops the download. */
  beforeRender: (() => Promise<boolean>) | null;
  /** "Số liệu chưa bao gồm N đơn vị: …" when some subordinate units are not in the figures: asked about before any file is made. */
  coverageWarning: string | null;
}

/** The report as Word, the appendices as Excel, the report as PDF for the digital signature. Making a file takes a few seconds. */
export function ReportDownloads({ period, roundId, beforeRender, coverageWarning }: ReportDownloadsProps) {
  const t = useT();
  const [rendering, setRendering] = useState<Format | null>(null);
  const [confirming, setConfirming] = useState<{ format: Action; label: MessageKey } | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const loadPreview = useCallback(() => call('reports.render', { period, roundId, format: 'pdf' }), [period, roundId]);

  const openPreview = async () => {
    setRendering('pdf');
    try {
      if (beforeRender && !(await beforeRender())) return;
      setPreviewing(true);
    } finally {
      setRendering(null);
    }
  };

  const render = async (format: Action, label: MessageKey) => {
    if (format === 'preview') return openPreview();
    setRendering(format);
    try {
      if (beforeRender && !(await beforeRender())) return;
      const file = await call('reports.render', { period, roundId, format });
      download(blobOf(file.contentBase64, mediaTypeOf(file.fileName)), file.fileName);
      notifications.show({ color: 'green', autoClose: 3000, message: t('reportScreen.downloaded', { fileName: file.fileName }) });
    } catch (error) {
      notifications.show({ color: 'red', autoClose: false, title: t(label), message: errorText(error, t) });
    } finally {
      setRendering(null);
    }
  };

  const current = documents.find((document) => document.format === rendering);
  return (
    <Stack gap={4} align="flex-end">
      <Modal
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title={t('reportScreen.coverage.confirmTitle')}
        size="lg"
        data-testid="report-coverage-confirm"
      >
        <Stack gap="md">
          <Text size="sm" fw={600}>
            {coverageWarning}
          </Text>
          <Text size="sm">{t('reportScreen.coverage.confirmQuestion')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(null)} data-testid="report-coverage-back">
              {t('reportScreen.coverage.back')}
            </Button>
            <Button
              color="orange"
              onClick={() => {
                const chosen = confirming;
                setConfirming(null);
                if (chosen) void render(chosen.format, chosen.label);
              }}
              data-testid="report-coverage-proceed"
            >
              {t('reportScreen.coverage.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <PrintPreview
        title={previewing ? t('reportScreen.previewTitle') : null}
        load={loadPreview}
        onClose={() => setPreviewing(false)}
      />
      <Group gap="xs">
        <Button
          leftSection={<IconPrinter size={16} />}
          disabled={rendering !== null}
          onClick={() =>
            coverageWarning ? setConfirming({ format: 'preview', label: 'report.document.reportPdf' }) : void openPreview()
          }
          data-testid="report-print-preview"
        >
          {t('reportScreen.printPreview')}
        </Button>
        <Text size="sm" c="dimmed">
          {t('reportScreen.download')}:
        </Text>
        {documents.map(({ format, label, short, icon: Icon }) => (
          <Tooltip key={format} label={t(label)} withArrow>
            <Button
              variant="default"
              leftSection={<Icon size={16} />}
              loading={rendering === format}
              disabled={rendering !== null && rendering !== format}
              onClick={() => (coverageWarning ? setConfirming({ format, label }) : void render(format, label))}
              aria-label={t(label)}
              data-testid={`report-download-${format}`}
            >
              {short}
            </Button>
          </Tooltip>
        ))}
      </Group>
      {current ? (
        <Stack gap={2} w={320} data-testid="report-rendering">
          <Progress
            value={100}
            striped
            animated
            size="sm"
            aria-label={t('reportScreen.rendering', { document: t(current.label) })}
          />
          <Text size="xs" c="dimmed">
            {t('reportScreen.rendering', { document: t(current.label) })}
          </Text>
        </Stack>
      ) : (
        <Text size="xs" c="dimmed">
          {t('reportScreen.downloadHint')}
        </Text>
      )}
    </Stack>
  );
}
