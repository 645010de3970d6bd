import { useT } from '../i18n';
import { useSession } from '../state/sessionStore';

/** Shown on every screen of a training registry so nobody mistakes it for real data. */
export function TrainingBanner() {
  const t = useT();
  const training = useSession((state) => state.status?.training ?? false);
  if (!training) return null;
  return (
    <div className="training-banner" role="status" data-testid="training-banner">
      {t('ui.training')}
    </div>
  );
}
