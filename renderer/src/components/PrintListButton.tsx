import { Button } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { useT } from '../i18n';
import { PrintPreview, type PrintableFile } from './PrintPreview';

interface PrintListButtonProps {
  /** The list's name in the preview's title. */
  title: string;
  /** Makes the list's PDF as the screen filters it (keep it stable with useCallback). */
  load: () => Promise<PrintableFile>;
  'data-testid': string;
}

/** "In danh sách": the list as a landscape A4 document in the print preview, to print or save. */
export function PrintListButton({ title, load, 'data-testid': testId }: PrintListButtonProps) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="default" leftSection={<IconPrinter size={16} />} onClick={() => setOpen(true)} data-testid={testId}>
        {t('printPreview.printList')}
      </Button>
      <PrintPreview title={open ? title : null} load={load} onClose={() => setOpen(false)} />
    </>
  );
}
