import { Stack, Text } from '@mantine/core';
import { splitFootnotes, type NarrativeSection } from '@shared/report/narrative';
import { useT } from '../../i18n';

/** A section with its figures filled in, footnotes numbered and listed underneath, as the document prints it. */
export function NarrativePreview({ section }: { section: NarrativeSection }) {
  const t = useT();
  const footnotes: string[][] = [];
  const paragraphs = section.paragraphs.map((paragraph) =>
    splitFootnotes(paragraph).map((piece, index) => {
      if (piece.kind === 'text') return <span key={index}>{piece.text}</span>;
      footnotes.push(piece.paragraphs);
      return <sup key={index}>({footnotes.length})</sup>;
    }),
  );
  return (
    <Stack gap={6} className="narrative-preview" data-testid="section-preview">
      {paragraphs.map((pieces, index) => (
        <Text key={index} size="sm" className="narrative-paragraph">
          {pieces}
        </Text>
      ))}
      {footnotes.length > 0 && (
        <Stack gap={2} className="narrative-footnotes">
          <Text size="xs" fw={600} c="dimmed">
            {t('narrative.footnotes')}
          </Text>
          {footnotes.map((lines, index) => (
            <Text key={index} size="xs" className="narrative-footnote">
              <sup>({index + 1})</sup> {lines.join('\n')}
            </Text>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
