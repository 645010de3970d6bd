import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import { IconPlayerStop } from '@tabler/icons-react';
import { hasMessage } from '@shared/i18n';
import { useFormatNumber, useT } from '../i18n';
import type { Job } from './useJob';

interface JobProgressProps {
  job: Job;
  /** What is being done, in the screen's own words; without it, the services' step is named. */
  label?: string;
  /** How far it has got, in the screen's own words ("1.200/5.000 rows processed"). */
  count?: (done: string, total: string) => string;
  'data-testid'?: string;
}

/** The progress of a long call and a button to stop it; nothing while no job runs. */
export function JobProgress({ job, label, count, 'data-testid': testId }: JobProgressProps) {
  const t = useT();
  const formatNumber = useFormatNumber();
  if (!job.running) return null;
  const state = job.progress;
  const phaseKey = `job.phase.${state?.phase ?? ''}`;
  const text = label ?? (hasMessage(phaseKey) ? t(phaseKey) : t('job.working'));
  const counted = state !== null && state.total > 0;
  return (
    <Stack gap={4} data-testid={testId ?? 'job-progress'}>
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">
          {text}
          {counted &&
            ` ${(count ?? ((done, total) => t('job.count', { done, total })))(formatNumber(state.done), formatNumber(state.total))}`}
        </Text>
        <Button
          size="xs"
          variant="default"
          leftSection={<IconPlayerStop size={14} />}
          onClick={job.cancel}
          disabled={state?.cancelling ?? false}
          data-testid="job-cancel"
        >
          {t(state?.cancelling ? 'job.cancelling' : 'job.cancel')}
        </Button>
      </Group>
      {/* A full striped bar until the first count arrives; a new bar then, so it does not slide back from full. */}
      <Progress
        key={counted ? 'counted' : 'waiting'}
        value={counted ? (100 * state.done) / state.total : 100}
        animated
        striped
        data-testid="job-progress-bar"
      />
    </Stack>
  );
}
