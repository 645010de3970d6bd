import { ActionIcon, Badge, Button, Grid, Group, NavLink, Paper, ScrollArea, Stack, Text, Textarea, Title, Tooltip, UnstyledButton } from '@mantine/core';
import { IconArrowBackUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMemo, useRef, useState } from 'react';
import type { ReportDraftOutput } from '../../../../shared/contract/reports';
import { hasMessage } from '../../../../shared/i18n';
import {
  fillNarrative,
  narrativeTemplate,
  narrativeTokenNames,
  narrativeTokens,
  unknownTokens,
  type NarrativeSection,
  type NarrativeSectionLevel,
  type ReportMeta,
} from '../../../../shared/report/narrative';
import { useT, type Translate } from '../../i18n';
import { NarrativePreview } from './NarrativePreview';
import { currentTemplate, useReportEditor } from './reportEditor';
import '../../styles/reports.css';

const indentByLevel: Record<NarrativeSectionLevel, number> = { body: 0, part: 0, chapter: 12, item: 24, subitem: 36 };

function sectionLabel(section: Pick<NarrativeSection, 'id' | 'number' | 'title'>, t: Translate): string {
  const key = `report.section.${section.id}`;
  return hasMessage(key) ? t(key) : `${section.number} ${section.title}`.trim();
}

const sameParagraphs = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((paragraph, index) => paragraph === b[index]);

interface Cursor {
  index: number;
  start: number;
  end: number;
}

/**
 * The report text section by section: the paragraphs with their `{figure}` placeholders, the figures
 * that may be inserted with their current values, and the section as it will print.
 */
export function NarrativeEditor({ draft, meta, readOnly }: { draft: ReportDraftOutput; meta: ReportMeta; readOnly: boolean }) {
  const t = useT();
  const edits = useReportEditor((state) => state.edits);
  const setSection = useReportEditor((state) => state.setSection);
  const generated = useMemo(() => new Map(narrativeTemplate(draft.data, meta).sections.map((section) => [section.id, section.paragraphs])), [draft.data, meta]);
  const template = useMemo(() => currentTemplate(draft, meta, edits), [draft, meta, edits]);
  const tokens = useMemo(() => narrativeTokens(draft.data, meta), [draft.data, meta]);
  const [selectedId, setSelectedId] = useState(() => template.sections.find((section) => section.paragraphs.length > 0)?.id ?? template.sections[0]?.id ?? '');
  const selected = template.sections.find((section) => section.id === selectedId) ?? template.sections[0];
  const areas = useRef<(HTMLTextAreaElement | null)[]>([]);
  const cursor = useRef<Cursor | null>(null);

  if (!selected) return null;
  const paragraphs = selected.paragraphs;
  const filled = fillNarrative({ sections: [selected] }, draft.data, meta).sections[0]!;

  const commit = (next: string[]) => setSection(selected.id, sameParagraphs(next, generated.get(selected.id) ?? []) ? null : next);
  const change = (index: number, text: string) => commit(paragraphs.map((paragraph, at) => (at === index ? text : paragraph)));
  const remember = (index: number) => {
    const area = areas.current[index];
    if (area) cursor.current = { index, start: area.selectionStart, end: area.selectionEnd };
  };
  const insert = (name: string) => {
    const target = cursor.current && cursor.current.index < paragraphs.length ? cursor.current : { index: Math.max(0, paragraphs.length - 1), start: -1, end: -1 };
    const placeholder = `{${name}}`;
    if (paragraphs.length === 0) {
      commit([placeholder]);
      return;
    }
    const paragraph = paragraphs[target.index] ?? '';
    const start = target.start < 0 ? paragraph.length : target.start;
    const end = target.end < 0 ? paragraph.length : target.end;
    change(target.index, paragraph.slice(0, start) + placeholder + paragraph.slice(end));
    const caret = start + placeholder.length;
    cursor.current = { index: target.index, start: caret, end: caret };
    requestAnimationFrame(() => {
      const area = areas.current[target.index];
      area?.focus();
      area?.setSelectionRange(caret, caret);
    });
  };

  return (
    <Grid gap="md" align="flex-start" data-testid="narrative-editor">
      <Grid.Col span={{ base: 12, md: 4, lg: 3 }}>
        <Paper withBorder p={4}>
          <Text size="xs" fw={600} c="dimmed" px="xs" py={4}>
            {t('narrative.sections')}
          </Text>
          <ScrollArea.Autosize mah="70vh" type="auto">
            {template.sections.map((section) => (
              <NavLink
                key={section.id}
                active={section.id === selected.id}
                onClick={() => {
                  setSelectedId(section.id);
                  cursor.current = null;
                }}
                pl={8 + indentByLevel[section.level]}
                py={4}
                label={
                  <Text size="sm" fw={section.level === 'part' ? 700 : undefined} lineClamp={2}>
                    {sectionLabel(section, t)}
                  </Text>
                }
                rightSection={
                  section.id in edits ? (
                    <Badge size="xs" color="orange" variant="light" tt="none">
                      {t('narrative.edited')}
                    </Badge>
                  ) : null
                }
                data-testid={`section-${section.id}`}
              />
            ))}
          </ScrollArea.Autosize>
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 8, lg: 6 }}>
        <Stack gap="sm" data-testid="section-editor">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Title order={3} fz="md" data-testid="section-title">
              {`${selected.number} ${selected.title}`.trim() || sectionLabel(selected, t)}
            </Title>
            {!readOnly && selected.id in edits && (
              <Tooltip label={t('narrative.resetHint')} withArrow multiline maw={280}>
                <Button variant="subtle" size="xs" leftSection={<IconArrowBackUp size={14} />} onClick={() => setSection(selected.id, null)} data-testid="section-reset">
                  {t('report.narrative.reset')}
                </Button>
              </Tooltip>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {t('report.narrative.tokensHint')}
          </Text>
          {paragraphs.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('narrative.headingOnly')}
            </Text>
          )}
          {paragraphs.map((paragraph, index) => {
            const unknown = [...new Set(unknownTokens(paragraph))];
            return (
              <Group key={index} align="flex-start" gap={4} wrap="nowrap">
                <Textarea
                  flex={1}
                  ref={(element) => {
                    areas.current[index] = element;
                  }}
                  aria-label={t('narrative.paragraph', { number: index + 1 })}
                  autosize
                  minRows={3}
                  maxRows={16}
                  readOnly={readOnly}
                  value={paragraph}
                  onChange={(event) => {
                    change(index, event.currentTarget.value);
                    remember(index);
                  }}
                  onSelect={() => remember(index)}
                  onFocus={() => remember(index)}
                  error={unknown.length > 0 ? unknown.map((token) => t('report.narrative.unknownToken', { token })).join(' ') : undefined}
                  data-testid="paragraph"
                />
                {!readOnly && (
                  <Tooltip label={t('narrative.removeParagraph')} withArrow>
                    <ActionIcon variant="subtle" color="red" mt={6} onClick={() => commit(paragraphs.filter((_, at) => at !== index))} aria-label={t('narrative.removeParagraph')}>
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Tooltip>
                )}
              </Group>
            );
          })}
          {!readOnly && (
            <Group>
              <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={() => commit([...paragraphs, ''])} data-testid="paragraph-add">
                {t('narrative.addParagraph')}
              </Button>
            </Group>
          )}
          <Paper withBorder p="sm" bg="gray.0">
            <Text size="xs" fw={600} c="dimmed" mb={6}>
              {t('narrative.preview')}
            </Text>
            <NarrativePreview section={filled} />
          </Paper>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 3 }}>
        <Paper withBorder p="xs" data-testid="placeholders">
          <Text size="sm" fw={600}>
            {t('narrative.placeholders')}
          </Text>
          {!readOnly && (
            <Text size="xs" c="dimmed" mb={6}>
              {t('narrative.placeholdersHint')}
            </Text>
          )}
          <ScrollArea.Autosize mah="70vh" type="auto">
            <Stack gap={0}>
              {narrativeTokenNames.map((name) => {
                const labelKey = `report.token.${name}`;
                const label = hasMessage(labelKey) ? t(labelKey) : name;
                const content = (
                  <>
                    <Text size="xs">{label}</Text>
                    <Group justify="space-between" gap="xs" wrap="nowrap">
                      <Text size="xs" c="dimmed" ff="monospace">{`{${name}}`}</Text>
                      <Text size="xs" fw={600} ta="right" lineClamp={1} miw={0}>
                        {tokens[name] ?? ''}
                      </Text>
                    </Group>
                  </>
                );
                return readOnly ? (
                  <div key={name} className="placeholder-row" data-testid={`placeholder-${name}`}>
                    {content}
                  </div>
                ) : (
                  <UnstyledButton
                    key={name}
                    className="placeholder-row"
                    onMouseDown={(event) => event.preventDefault()}
                    onClick={() => insert(name)}
                    aria-label={t('narrative.insert', { placeholder: label })}
                    data-testid={`placeholder-${name}`}
                  >
                    {content}
                  </UnstyledButton>
                );
              })}
            </Stack>
          </ScrollArea.Autosize>
        </Paper>
      </Grid.Col>
    </Grid>
  );
}
