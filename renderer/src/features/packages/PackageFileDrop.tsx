import { Text } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { call, onEvent } from '../../api/client';
import { blobOf } from '../../components/files';
import { useNavigation } from '../../state/navigation';
import { useT } from '../../i18n';
import { usePackagesView } from './packageStores';
import '../../styles/reports.css';

export const packageExtension = '.so86';

export function isPackageFile(file: File): boolean {
  return file.name.toLowerCase().endsWith(packageExtension);
}

function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

/**
 * A report file dropped anywhere on the window opens the receive tab and is checked there. Other
 * files are left to whichever screen handles them; the window itself never navigates to a dropped file.
 */
export function PackageFileDrop() {
  const t = useT();
  const view = useNavigation((state) => state.view);
  const go = useNavigation((state) => state.go);
  const receive = usePackagesView((state) => state.receive);
  const [dragging, setDragging] = useState(false);
  useOpenedReportFiles();

  useEffect(() => {
    let depth = 0;
    const enter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth += 1;
      setDragging(true);
    };
    const leave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const over = (event: DragEvent) => {
      if (carriesFiles(event)) event.preventDefault();
    };
    const drop = (event: DragEvent) => {
      depth = 0;
      setDragging(false);
      if (!carriesFiles(event)) return;
      const handledByAScreen = event.defaultPrevented;
      event.preventDefault();
      if (handledByAScreen) return;
      const file = [...(event.dataTransfer?.files ?? [])].find(isPackageFile);
      if (!file) return;
      receive(file);
      go('packages');
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [go, receive]);

  if (!dragging || view !== 'packages') return null;
  return (
    <div className="package-drop-overlay" data-testid="package-drop-overlay">
      <div className="package-drop-message">
        <IconFileImport size={40} />
        <Text fw={600}>{t('packageImport.dropHere')}</Text>
      </div>
    </div>
  );
}

/**
 * A report file double-clicked in Explorer (or opened with the application) waits in the services
 * until someone has signed in; it is taken once the window shows the registry, or as soon as it
 * arrives, and checked on the receive tab like a dropped file.
 */
function useOpenedReportFiles() {
  const go = useNavigation((state) => state.go);
  const receive = usePackagesView((state) => state.receive);
  useEffect(() => {
    const take = async () => {
      const opened = await call('app.takeOpenedFile', {}).catch(() => null);
      if (!opened) return;
      receive(new File([blobOf(opened.contentBase64, 'application/octet-stream')], opened.fileName));
      go('packages');
    };
    void take();
    return onEvent('file.opened', () => void take());
  }, [go, receive]);
}
