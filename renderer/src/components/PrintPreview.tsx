import { Alert, Button, Group, Loader, Modal, ScrollArea, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconPrinter } from '@tabler/icons-react';
import { GlobalWorkerOptions, getDocument } from 'pdfjs-dist';
import pdfWorkerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { errorText } from '../api/errors';
import { useT } from '../i18n';
import { blobOf, download } from './files';
import '../styles/printPreview.css';

// The worker is one of the application's own files, so the Content-Security-Policy needs no exception.
GlobalWorkerOptions.workerSrc = pdfWorkerUrl;

/** A generated PDF as the services hand it over. */
export interface PrintableFile {
  fileName: string;
  contentBase64: string;
}

interface RenderedPage {
  url: string;
  landscape: boolean;
}

/** About 150 dots per inch: sharp on paper, light enough for a report of twenty pages. */
const renderScale = 150 / 72;

/** Draws each page of the PDF into an image the page may show (blob: addresses are allowed, data: ones are not). */
async function renderPages(bytes: Uint8Array): Promise<RenderedPage[]> {
  // Glyphs are drawn as paths: loading the embedded fonts as FontFace objects is not needed to print them.
  const loading = getDocument({ data: bytes, disableFontFace: true });
  try {
    const pdf = await loading.promise;
    const pages: RenderedPage[] = [];
    for (let number = 1; number <= pdf.numPages; number += 1) {
      const page = await pdf.getPage(number);
      const viewport = page.getViewport({ scale: renderScale });
      const canvas = document.createElement('canvas');
      canvas.width = Math.ceil(viewport.width);
      canvas.height = Math.ceil(viewport.height);
      await page.render({ canvas, viewport }).promise;
      const image = await new Promise<Blob>((resolve, reject) =>
        canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('Unrenderable page'))), 'image/png'),
      );
      pages.push({ url: URL.createObjectURL(image), landscape: viewport.width > viewport.height });
      page.cleanup();
    }
    return pages;
  } finally {
    await loading.destroy();
  }
}

interface PrintPreviewProps {
  /** What is previewed ("Đơn đề nghị đi nước ngoài", "Báo cáo"); null keeps the window closed. */
  title: string | null;
  /** Makes the PDF; called each time the preview opens (keep it stable with useCallback). */
  load: () => Promise<PrintableFile>;
  onClose: () => void;
}

/**
 * A generated PDF shown page by page inside the window, with "In" (the pages alone, on A4) and
 * "Lưu tệp PDF". Printing goes through the window's own print dialog; the print style sheet hides
 * everything but the pages.
 */
export function PrintPreview({ title, load, onClose }: PrintPreviewProps) {
  const t = useT();
  const [file, setFile] = useState<PrintableFile | null>(null);
  const [pages, setPages] = useState<RenderedPage[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (title === null) return;
    let cancelled = false;
    let rendered: RenderedPage[] = [];
    setFile(null);
    setPages(null);
    setFailure(null);
    void (async () => {
      let made: PrintableFile;
      try {
        made = await load();
      } catch (error) {
        if (!cancelled) setFailure(errorText(error, t));
        return;
      }
      if (cancelled) return;
      setFile(made);
      try {
        rendered = await renderPages(Uint8Array.from(atob(made.contentBase64), (character) => character.charCodeAt(0)));
        if (cancelled) rendered.forEach((page) => URL.revokeObjectURL(page.url));
        else setPages(rendered);
      } catch {
        if (!cancelled) setFailure(t('printPreview.unreadable'));
      }
    })();
    return () => {
      cancelled = true;
      rendered.forEach((page) => URL.revokeObjectURL(page.url));
    };
  }, [title, load, t]);

  const save = () => {
    if (!file) return;
    download(blobOf(file.contentBase64, 'application/pdf'), file.fileName);
    notifications.show({ color: 'green', autoClose: 3000, message: t('printPreview.saved', { fileName: file.fileName }) });
  };

  return (
    <Modal
      opened={title !== null}
      onClose={onClose}
      title={t('printPreview.title', { title: title ?? '' })}
      size="min(920px, 96vw)"
      data-testid="print-preview"
    >
      <Stack gap="sm">
        <Group justify="space-between">
          <Text size="sm" c="dimmed" data-testid="print-preview-status">
            {pages ? t('printPreview.pages', { count: pages.length }) : failure ? '' : t('printPreview.loading')}
          </Text>
          <Group gap="xs">
            <Button variant="default" onClick={onClose} data-testid="print-preview-close">
              {t('printPreview.close')}
            </Button>
            <Button
              variant="default"
              leftSection={<IconDeviceFloppy size={16} />}
              disabled={!file}
              onClick={save}
              data-testid="print-preview-save"
            >
              {t('printPreview.save')}
            </Button>
            <Button
              leftSection={<IconPrinter size={16} />}
              disabled={!pages}
              onClick={() => window.print()}
              data-testid="print-preview-print"
            >
              {t('printPreview.print')}
            </Button>
          </Group>
        </Group>
        {failure ? (
          <Alert color="red" data-testid="print-preview-failure">
            {failure}
          </Alert>
        ) : null}
        {!pages && !failure ? (
          <Group justify="center" py="xl">
            <Loader />
          </Group>
        ) : null}
        {pages ? (
          <ScrollArea.Autosize mah="calc(100vh - 220px)" type="auto">
            <Stack gap="md" align="center" className="print-preview-screen">
              {pages.map((page, index) => (
                <img
                  key={page.url}
                  src={page.url}
                  alt={t('printPreview.page', { number: index + 1 })}
                  className={page.landscape ? 'print-preview-page landscape' : 'print-preview-page'}
                  data-testid="print-preview-page"
                />
              ))}
            </Stack>
          </ScrollArea.Autosize>
        ) : null}
      </Stack>
      {pages
        ? createPortal(
            <div className="print-preview-sheet" data-testid="print-preview-sheet">
              {pages.map((page, index) => (
                <img
                  key={page.url}
                  src={page.url}
                  alt={t('printPreview.page', { number: index + 1 })}
                  className={page.landscape ? 'print-sheet-page landscape' : 'print-sheet-page'}
                />
              ))}
            </div>,
            document.body,
          )
        : null}
    </Modal>
  );
}
