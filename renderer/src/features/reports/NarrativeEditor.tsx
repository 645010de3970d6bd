import {
  ActionIcon,
  Badge,
  Button,
  Grid,
  Group,
  NavLink,
  Paper,
  ScrollArea,
  Stack,
  Text,
  Title,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { IconArrowBackUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { ReportDraftOutput } from '@shared/contract/reports';
import { hasMessage } from '@shared/i18n';
import {
  fillNarrative,
  narrativeTemplate,
  narrativeTokenNames,
  narrativeTokens,
  unknownTokens,
  type NarrativeSection,
  type NarrativeSectionLevel,
  type ReportMeta,
} from '@shared/report/narrative';
import { footnoteSegments, writeFootnoteSegments } from '@shared/report/narrativeMarkup';
import { useT, type Translate } from '../../i18n';
import { ChipEditor, type ChipEditorHandle, type FigureChip } from './ChipEditor';
import { NarrativePreview } from './NarrativePreview';
import { currentTemplate, useReportEditor } from './reportEditor';
import '../../styles/reports.css';

const indentByLevel: Record<NarrativeSectionLevel, number> = { body: 0, part: 0, chapter: 12, item: 24, subitem: 36 };

function sectionLabel(section: Pick<NarrativeSection, 'id' | 'number' | 'title'>, t: Translate): string {
  const key = `report.section.${section.id}`;
  return hasMessage(key) ? t(key) : `${section.number} ${section.title}`.trim();
}

const sameParagraphs = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((paragraph, index) => paragraph === b[index]);

const knownFigures = new Set<string>(narrativeTokenNames);

/** A value short enough to read inside a sentence is shown in its chip; a longer one (a list) by its label. */
const longestShownValue = 40;

function figureLabel(name: string, t: Translate): string {
  const key = `report.token.${name}`;
  return hasMessage(key) ? t(key) : t('narrative.figure');
}

function footnoteCount(paragraph: string): number {
  return footnoteSegments(paragraph).filter((segment) => segment.kind === 'footnote').length;
}

/** The paragraph with the body of its `index`-th footnote replaced. */
function withFootnote(paragraph: string, index: number, body: string): string {
  let at = -1;
  return writeFootnoteSegments(
    footnoteSegments(paragraph).map((segment) =>
      segment.kind === 'footnote' && ++at === index ? { kind: 'footnote', body } : segment,
    ),
  );
}

/**
 * The report text section by section: the paragraphs as they read, each figure a chip that follows the data, each
 * footnote edited under its paragraph; the figures that may be inserted with their current values; and the section
 * as it will print.
 */
export function NarrativeEditor({ draft, meta, readOnly }: { draft: ReportDraftOutput; meta: ReportMeta; readOnly: boolean }) {
  const t = useT();
  const edits = useReportEditor((state) => state.edits);
  const setSection = useReportEditor((state) => state.setSection);
  const generated = useMemo(
    () => new Map(narrativeTemplate(draft.data, meta).sections.map((section) => [section.id, section.paragraphs])),
    [draft.data, meta],
  );
  const template = useMemo(() => currentTemplate(draft, meta, edits), [draft, meta, edits]);
  const tokens = useMemo(() => narrativeTokens(draft.data, meta), [draft.data, meta]);
  const [selectedId, setSelectedId] = useState(
    () => template.sections.find((section) => section.paragraphs.length > 0)?.id ?? template.sections[0]?.id ?? '',
  );
  const selected = template.sections.find((section) => section.id === selectedId) ?? template.sections[0];
  const focused = useRef<ChipEditorHandle | null>(null);
  const figure = useCallback(
    (name: string): FigureChip => {
      if (!knownFigures.has(name))
        return { label: t('narrative.unknownFigure'), shown: t('narrative.unknownFigure'), known: false };
      const label = figureLabel(name, t);
      const value = tokens[name] ?? '';
      return {
        label,
        shown: value === '' || value.includes('\n') || value.length > longestShownValue ? label : value,
        known: true,
      };
    },
    [t, tokens],
  );
  const footnoteLabel = useCallback((number: number) => t('narrative.footnote', { number }), [t]);
  const remember = useCallback((handle: ChipEditorHandle) => {
    focused.current = handle;
  }, []);

  if (!selected) return null;
  const paragraphs = selected.paragraphs;
  const filled = fillNarrative({ sections: [selected] }, draft.data, meta).sections[0]!;

  const commit = (next: string[]) =>
    setSection(selected.id, sameParagraphs(next, generated.get(selected.id) ?? []) ? null : next);
  const change = (index: number, text: string) => commit(paragraphs.map((paragraph, at) => (at === index ? text : paragraph)));
  const insert = (name: string) => {
    if (focused.current) focused.current.insertFigure(name);
    else if (paragraphs.length === 0) commit([`{${name}}`]);
    else change(paragraphs.length - 1, `${paragraphs.at(-1)}{${name}}`);
  };
  const firstFootnotes = paragraphs.map(
    (_, index) => 1 + paragraphs.slice(0, index).reduce((total, paragraph) => total + footnoteCount(paragraph), 0),
  );

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
                  focused.current = null;
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
                <Button
                  variant="subtle"
                  size="xs"
                  leftSection={<IconArrowBackUp size={14} />}
                  onClick={() => setSection(selected.id, null)}
                  data-testid="section-reset"
                >
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
            const footnotes = footnoteSegments(paragraph).flatMap((segment) =>
              segment.kind === 'footnote' ? [segment.body] : [],
            );
            return (
              <Group key={`${selected.id}-${index}`} align="flex-start" gap={4} wrap="nowrap">
                <Stack flex={1} gap={4} miw={0}>
                  <ChipEditor
                    value={paragraph}
                    withFootnotes
                    firstFootnote={firstFootnotes[index]}
                    figure={figure}
                    footnoteLabel={footnoteLabel}
                    readOnly={readOnly}
                    invalid={unknown.length > 0}
                    ariaLabel={t('narrative.paragraph', { number: index + 1 })}
                    testId="paragraph"
                    onChange={(text) => change(index, text)}
                    onFocusEditor={remember}
                  />
                  {footnotes.map((body, footnote) => {
                    const number = (firstFootnotes[index] ?? 1) + footnote;
                    return (
                      <Group key={footnote} gap={6} align="flex-start" wrap="nowrap" pl="md">
                        <Text size="xs" c="dimmed" mt={4} className="narrative-footnote-number">
                          ({number})
                        </Text>
                        <ChipEditor
                          value={body}
                          withFootnotes={false}
                          figure={figure}
                          footnoteLabel={footnoteLabel}
                          readOnly={readOnly}
                          ariaLabel={t('narrative.footnoteText', { number })}
                          testId="footnote"
                          onChange={(text) => change(index, withFootnote(paragraph, footnote, text))}
                          onFocusEditor={remember}
                        />
                      </Group>
                    );
                  })}
                  {unknown.length > 0 && (
                    <Text size="xs" c="red" data-testid="paragraph-error">
                      {unknown.map((token) => t('report.narrative.unknownToken', { token })).join(' ')}
                    </Text>
                  )}
                </Stack>
                {!readOnly && (
                  <Tooltip label={t('narrative.removeParagraph')} withArrow>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      mt={6}
                      onClick={() => commit(paragraphs.filter((_, at) => at !== index))}
                      aria-label={t('narrative.removeParagraph')}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Tooltip>
                )}
              </Group>
            );
          })}
          {!readOnly && (
            <Group>
              <Button
                variant="light"
                size="xs"
                leftSection={<IconPlus size={14} />}
                onClick={() => commit([...paragraphs, ''])}
                data-testid="paragraph-add"
              >
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
                const label = figureLabel(name, t);
                const content = (
                  <Group justify="space-between" gap="xs" wrap="nowrap">
                    <Text size="xs">{label}</Text>
                    <Text size="xs" fw={600} ta="right" lineClamp={1} flex="none" maw="45%">
                      {tokens[name] ?? ''}
                    </Text>
                  </Group>
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
