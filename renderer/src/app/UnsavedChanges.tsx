import { useEffect } from 'react';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { useT } from '../i18n';
import { useNavigation } from '../state/navigation';

/**
 * Marks the form on screen as holding unsaved typing while `unsaved` is true: moving elsewhere
 * in the application asks first, and closing or reloading the window is held by the browser's
 * own question. Returns the function to call just before leaving after a successful save.
 */
export function useUnsavedChanges(unsaved: boolean): () => void {
  const setUnsavedChanges = useNavigation((state) => state.setUnsavedChanges);
  useEffect(() => {
    setUnsavedChanges(unsaved);
    if (!unsaved) return undefined;
    const holdUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', holdUnload);
    return () => {
      window.removeEventListener('beforeunload', holdUnload);
      setUnsavedChanges(false);
    };
  }, [unsaved, setUnsavedChanges]);
  return () => setUnsavedChanges(false);
}

/** The question shown when a move would drop a form's unsaved typing. */
export function UnsavedChangesDialog() {
  const t = useT();
  const pending = useNavigation((state) => state.pendingLeave);
  const confirmLeave = useNavigation((state) => state.confirmLeave);
  const stay = useNavigation((state) => state.stay);
  return (
    <ConfirmDialog
      opened={pending !== null}
      title={t('unsaved.title')}
      confirmLabel={t('unsaved.leave')}
      danger
      onConfirm={confirmLeave}
      onCancel={stay}
      data-testid="unsaved-dialog"
    >
      {t('unsaved.explain')}
    </ConfirmDialog>
  );
}
