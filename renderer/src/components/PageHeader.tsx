import { ActionIcon, Group, Title, Tooltip } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconArrowLeft } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useNavigation } from '../state/navigation';
import { useT } from '../i18n';

interface PageHeaderProps {
  title: ReactNode;
  /** Shown after the title: a state badge, a code. */
  badges?: ReactNode;
  /** Buttons on the right. */
  actions?: ReactNode;
  /** With a back arrow (and Alt+←) to the previous place. */
  withBack?: boolean;
}

export function PageHeader({ title, badges, actions, withBack = false }: PageHeaderProps) {
  const t = useT();
  const back = useNavigation((state) => state.back);
  useHotkeys(withBack ? [['alt+ArrowLeft', back]] : []);
  return (
    <Group justify="space-between" wrap="nowrap" align="center" gap="sm">
      <Group gap="sm" wrap="nowrap" miw={0}>
        {withBack && (
          <Tooltip label={t('action.backHint')} withArrow>
            <ActionIcon variant="subtle" size="lg" onClick={back} aria-label={t('ui.back')} data-testid="back">
              <IconArrowLeft size={20} />
            </ActionIcon>
          </Tooltip>
        )}
        <Title order={2} fz="h3" lineClamp={1}>
          {title}
        </Title>
        {badges}
      </Group>
      {actions && (
        <Group gap="xs" wrap="nowrap">
          {actions}
        </Group>
      )}
    </Group>
  );
}
