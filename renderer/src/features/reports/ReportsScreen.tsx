import { Alert, Badge, Button, Center, Group, Loader, Paper, Stack, Tabs, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconDeviceFloppy } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import type { ReportDraftOutput } from '@shared/contract/reports';
import { coverageSentence } from '@shared/report/coverage';
import { errorText } from '../../api/errors';
import { useCanEnterData } from '../../app/permissions';
import { useSession } from '../../state/sessionStore';
import { dateOf } from '../../components/DateField';
import { FailureAlert } from '../../components/FailureAlert';
import { instantText } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { PeriodPicker } from '../../components/PeriodPicker';
import { AppendixTables, FiguresTable } from '../../components/ReportTables';
import { useChosenRound, useReportingPeriod } from '../../data/reportingPeriod';
import { useT } from '../../i18n';
import { HeadingForm } from './HeadingForm';
import { NarrativeEditor } from './NarrativeEditor';
import { ReportDownloads } from './ReportDownloads';
import { metaOf, useReportEditor, type MetaForm } from './reportEditor';
import { UnitsStatus } from './UnitsStatus';

/** The periodic report: its appendices and figures, its heading and text as the office edits them, and its documents. */
export function ReportsScreen() {
  const t = useT();
  const period = useReportingPeriod((state) => state.period);
  const roundId = useReportingPeriod((state) => state.roundId);
  const load = useReportEditor((state) => state.load);
  const draft = useReportEditor((state) => state.draft);
  const form = useReportEditor((state) => state.form);
  const failure = useReportEditor((state) => state.failure);

  useEffect(() => {
    void load(period, roundId);
  }, [load, period, roundId]);

  return (
    <Stack gap="md" data-testid="reports-screen">
      <PageHeader title={t('reportScreen.title')} />
      <PeriodPicker />
      {failure ? <Alert color="red">{errorText(failure, t)}</Alert> : null}
      {draft && form ? (
        <ReportView draft={draft} form={form} />
      ) : (
        !failure && (
          <Center p="xl">
            <Loader />
          </Center>
        )
      )}
    </Stack>
  );
}

function ReportView({ draft, form }: { draft: ReportDraftOutput; form: MetaForm }) {
  const t = useT();
  const lang = useSession((state) => state.lang);
  const canEdit = useCanEnterData();
  const period = useReportingPeriod((state) => state.period);
  const roundId = useReportingPeriod((state) => state.roundId);
  const round = useChosenRound();
  const dirty = useReportEditor((state) => state.dirty);
  const save = useReportEditor((state) => state.save);
  const meta = useMemo(() => metaOf(form, draft.meta), [form, draft.meta]);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  const dateInvalid = dateOf(form.date) === null;
  const coverageWarning = coverageSentence(draft.data);

  /** Saves what is on screen; false when the heading is not ready or the services refused. */
  const saveReport = async (): Promise<boolean> => {
    if (dateInvalid) return false;
    setSaving(true);
    setSaveError(null);
    try {
      await save(period, roundId, meta);
      return true;
    } catch (error) {
      setSaveError(error);
      return false;
    } finally {
      setSaving(false);
    }
  };

  const units = draft.data.units;
  return (
    <Stack gap="md">
      <Paper withBorder p="sm">
        <Group justify="space-between" gap="sm">
          <Group gap="sm">
            {canEdit && (
              <Button
                leftSection={<IconDeviceFloppy size={16} />}
                loading={saving}
                disabled={dateInvalid}
                onClick={async () => {
                  if (await saveReport())
                    notifications.show({ color: 'green', autoClose: 4000, message: t('reportScreen.saved') });
                }}
                data-testid="report-save"
              >
                {t('reportScreen.save')}
              </Button>
            )}
            {dirty ? (
              <Badge color="orange" variant="light" tt="none" data-testid="report-unsaved">
                {t('reportScreen.unsaved')}
              </Badge>
            ) : (
              <Text size="sm" c="dimmed" data-testid="report-saved-at">
                {draft.savedAt
                  ? t('reportScreen.savedAt', { time: instantText(draft.savedAt, lang) })
                  : t('reportScreen.neverSaved')}
              </Text>
            )}
            {round && (
              <Badge variant="outline" color="gray" tt="none" data-testid="report-round">
                {t('reportScreen.round', { ref: round.ref })}
              </Badge>
            )}
          </Group>
          <ReportDownloads
            period={period}
            roundId={roundId}
            beforeRender={canEdit && (dirty || draft.savedAt === null) ? saveReport : null}
            coverageWarning={coverageWarning}
          />
        </Group>
        {!canEdit && (
          <Text size="sm" c="dimmed" mt="xs">
            {t('reportScreen.readOnly')}
          </Text>
        )}
      </Paper>
      {coverageWarning && (
        <Alert
          color="orange"
          icon={<IconAlertTriangle size={18} />}
          title={t('reportScreen.coverage.title')}
          data-testid="report-coverage-warning"
        >
          <Text size="sm" fw={600}>
            {coverageWarning}
          </Text>
          <Text size="sm" mt={4}>
            {t('reportScreen.coverage.hint')}
          </Text>
        </Alert>
      )}
      <FailureAlert error={saveError} />
      <Tabs defaultValue="preview" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="preview" data-testid="tab-report-preview">
            {t('reportScreen.tab.preview')}
          </Tabs.Tab>
          <Tabs.Tab value="heading" data-testid="tab-report-heading">
            {t('reportScreen.tab.heading')}
          </Tabs.Tab>
          <Tabs.Tab value="narrative" data-testid="tab-report-narrative">
            {t('reportScreen.tab.narrative')}
          </Tabs.Tab>
          {units && (
            <Tabs.Tab value="units" data-testid="tab-report-units">
              {t('reportScreen.tab.units')}
            </Tabs.Tab>
          )}
        </Tabs.List>
        <Tabs.Panel value="preview" pt="md">
          <Stack gap="lg">
            <Paper withBorder p="sm">
              <Text fw={600} size="sm" mb="xs">
                {t('reportScreen.figures')}
              </Text>
              <FiguresTable figures={draft.data.figures} />
            </Paper>
            <AppendixTables data={draft.data} unauthorisedStayHandling={meta.unauthorisedStayHandling} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="heading" pt="md">
          <HeadingForm form={form} meta={meta} readOnly={!canEdit} />
        </Tabs.Panel>
        <Tabs.Panel value="narrative" pt="md">
          <NarrativeEditor draft={draft} meta={meta} readOnly={!canEdit} />
        </Tabs.Panel>
        {units && (
          <Tabs.Panel value="units" pt="md">
            <UnitsStatus units={units} />
          </Tabs.Panel>
        )}
      </Tabs>
    </Stack>
  );
}
