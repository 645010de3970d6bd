import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconFileTypeDocx, IconPrinter } from '@tabler/icons-react';
import { notifications } from '@mantine/notifications';
import { useCallback, useState } from 'react';
import type { z } from 'zod';
import { TripFormKind } from '@shared/contract/reports';
import { call } from '../../api/client';
import { errorText } from '../../api/errors';
import { blobOf, download, mediaTypeOf } from '../../components/files';
import { PrintPreview } from '../../components/PrintPreview';
import { useT } from '../../i18n';

type FormKind = z.infer<typeof TripFormKind>;

/**
 * The application, the commitment and the return report, filled from the trip for the member to sign:
 * shown as a print preview (print it, or save the PDF), or handed over as a Word document to edit.
 */
export function PrintForms({ tripId }: { tripId: string }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [previewed, setPreviewed] = useState<FormKind | null>(null);
  const loadPreview = useCallback(
    () => call('forms.trip', { tripId, form: previewed ?? 'application', format: 'pdf' }),
    [tripId, previewed],
  );

  const downloadWord = async (form: FormKind) => {
    setBusy(true);
    try {
      const file = await call('forms.trip', { tripId, form, format: 'docx' });
      download(blobOf(file.contentBase64, mediaTypeOf(file.fileName)), file.fileName);
      notifications.show({ color: 'green', message: t('printForms.downloaded', { fileName: file.fileName }) });
    } catch (error) {
      notifications.show({ color: 'red', message: errorText(error, t) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Menu position="bottom-end" withArrow>
        <Menu.Target>
          <Button
            variant="default"
            leftSection={<IconPrinter size={16} />}
            rightSection={<IconChevronDown size={14} />}
            loading={busy}
            data-testid="trip-print"
          >
            {t('printForms.button')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t('printForms.preview')}</Menu.Label>
          {TripFormKind.options.map((form) => (
            <Menu.Item
              key={form}
              leftSection={<IconPrinter size={14} />}
              onClick={() => setPreviewed(form)}
              data-testid={`print-${form}`}
            >
              {t(`printForms.${form}`)}
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Label>{t('printForms.word')}</Menu.Label>
          {TripFormKind.options.map((form) => (
            <Menu.Item
              key={form}
              leftSection={<IconFileTypeDocx size={14} />}
              onClick={() => void downloadWord(form)}
              data-testid={`print-${form}-docx`}
            >
              {t(`printForms.${form}`)}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      <PrintPreview
        title={previewed ? t(`printForms.${previewed}`) : null}
        load={loadPreview}
        onClose={() => setPreviewed(null)}
      />
    </>
  );
}
