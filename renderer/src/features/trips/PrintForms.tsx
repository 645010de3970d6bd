import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconPrinter } from '@tabler/icons-react';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { z } from 'zod';
import { TripFormKind } from '../../../../shared/contract/reports';
import { call } from '../../api/client';
import { errorText } from '../../app/errors';
import { blobOf, download, mediaTypeOf } from '../../components/files';
import { useT } from '../../i18n';

type FormKind = z.infer<typeof TripFormKind>;

/** The application, the commitment and the return report, filled from the trip for the member to sign, as Word documents. */
export function PrintForms({ tripId }: { tripId: string }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const print = async (form: FormKind) => {
    setBusy(true);
    try {
      const file = await call('forms.trip', { tripId, form });
      download(blobOf(file.contentBase64, mediaTypeOf(file.fileName)), file.fileName);
      notifications.show({ color: 'green', message: t('printForms.downloaded', { fileName: file.fileName }) });
    } catch (error) {
      notifications.show({ color: 'red', message: errorText(error, t) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Menu position="bottom-end" withArrow>
      <Menu.Target>
        <Button variant="default" leftSection={<IconPrinter size={16} />} rightSection={<IconChevronDown size={14} />} loading={busy} data-testid="trip-print">
          {t('printForms.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {TripFormKind.options.map((form) => (
          <Menu.Item key={form} onClick={() => void print(form)} data-testid={`print-${form}`}>
            {t(`printForms.${form}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
