import { Card, NumberInput, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { PageMargins, ReportMeta } from '@shared/report/narrative';
import { formatDate, reportAuthor } from '@shared/report/narrative';
import { DateField } from '../../components/DateField';
import { useT } from '../../i18n';
import { useReportEditor, type MetaForm } from './reportEditor';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder padding="md">
      <Title order={3} fz="sm" mb="sm">
        {title}
      </Title>
      <Stack gap="sm">{children}</Stack>
    </Card>
  );
}

const marginSides = ['top', 'bottom', 'left', 'right'] as const satisfies readonly (keyof PageMargins)[];

/** The report's heading, recipients, signature and page margins (the fields of `ReportMeta`). */
export function HeadingForm({ form, meta, readOnly }: { form: MetaForm; meta: ReportMeta; readOnly: boolean }) {
  const t = useT();
  const setForm = useReportEditor((state) => state.setForm);
  const text = (field: keyof Omit<MetaForm, 'margins'>) => ({
    value: form[field],
    readOnly,
    onChange: (event: { currentTarget: { value: string } }) => setForm({ [field]: event.currentTarget.value }),
    'data-testid': `meta-${field}`,
  });
  const round = meta.round;

  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md" data-testid="heading-form">
      <Section title={t('reportMeta.heading')}>
        <TextInput label={t('report.meta.parentName')} {...text('parentName')} />
        <TextInput label={t('report.meta.committeeName')} {...text('committeeName')} />
        <SimpleGrid cols={3} spacing="sm">
          <TextInput
            label={t('report.meta.numberAndSymbol')}
            description={t('reportMeta.numberHint')}
            {...text('numberAndSymbol')}
          />
          <TextInput label={t('report.meta.place')} {...text('place')} />
          <DateField
            label={t('report.meta.date')}
            value={form.date}
            readOnly={readOnly}
            onChange={(date) => setForm({ date })}
            data-testid="meta-date"
          />
        </SimpleGrid>
        <Textarea label={t('report.meta.title')} autosize minRows={2} {...text('title')} />
        <TextInput
          label={t('report.meta.author')}
          placeholder={reportAuthor({ committeeName: form.committeeName })}
          {...text('author')}
        />
        <div>
          <Text size="sm" fw={500}>
            {t('report.meta.round')}
          </Text>
          <Text size="sm" c={round ? undefined : 'dimmed'}>
            {round
              ? t('reportMeta.roundText', {
                  kind: round.kind,
                  reference: round.reference,
                  date: formatDate(round.date),
                  issuer: round.issuer,
                })
              : t('reportMeta.roundNone')}
          </Text>
        </div>
      </Section>
      <Section title={t('reportMeta.signature')}>
        <Textarea
          label={t('report.meta.recipients')}
          description={t('reportMeta.recipientsHint')}
          autosize
          minRows={4}
          {...text('recipients')}
        />
        <SimpleGrid cols={2} spacing="sm">
          <TextInput label={t('report.meta.signer.authority')} {...text('signerAuthority')} />
          <TextInput label={t('report.meta.signer.title')} {...text('signerTitle')} />
        </SimpleGrid>
        <TextInput label={t('report.meta.signer.name')} {...text('signerName')} />
      </Section>
      <Section title={t('reportMeta.content')}>
        <Textarea
          label={t('report.meta.governingTexts')}
          description={t('reportMeta.governingTextsHint')}
          autosize
          minRows={3}
          {...text('governingTexts')}
        />
        <Textarea label={t('report.meta.unauthorisedStayHandling')} autosize minRows={2} {...text('unauthorisedStayHandling')} />
      </Section>
      <Section title={t('report.meta.margins')}>
        <SimpleGrid cols={4} spacing="sm">
          {marginSides.map((side) => (
            <NumberInput
              key={side}
              label={t(`report.meta.margins.${side}`)}
              min={5}
              max={60}
              clampBehavior="strict"
              allowDecimal={false}
              suffix=" mm"
              readOnly={readOnly}
              value={form.margins[side]}
              onChange={(value) =>
                setForm({ margins: { ...form.margins, [side]: typeof value === 'number' ? value : form.margins[side] } })
              }
              data-testid={`meta-margin-${side}`}
            />
          ))}
        </SimpleGrid>
      </Section>
    </SimpleGrid>
  );
}
