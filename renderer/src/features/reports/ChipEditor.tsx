import { useCallback, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { footnoteSegments, tokenPieces } from '@shared/report/narrativeMarkup';

/** How a figure shows in the text: its value when short, what it means on hover and to a screen reader. */
export interface FigureChip {
  label: string;
  shown: string;
  known: boolean;
}

export interface ChipEditorHandle {
  /** Puts the figure where the caret is (or was last), else at the end. */
  insertFigure(name: string): void;
}

interface ChipEditorProps {
  value: string;
  /** In a paragraph a footnote shows as a marker; inside a footnote there is none. */
  withFootnotes: boolean;
  /** Number of the paragraph's first footnote in its section, as the preview and the document number them. */
  firstFootnote?: number;
  figure(name: string): FigureChip;
  footnoteLabel(number: number): string;
  readOnly: boolean;
  invalid?: boolean;
  ariaLabel: string;
  testId: string;
  onChange(value: string): void;
  onFocusEditor(handle: ChipEditorHandle): void;
}

function figureNode(name: string, figure: FigureChip): HTMLElement {
  const chip = document.createElement('span');
  chip.contentEditable = 'false';
  chip.className = figure.known ? 'narrative-chip' : 'narrative-chip narrative-chip-unknown';
  chip.dataset.token = name;
  chip.dataset.testid = 'chip';
  chip.title = figure.label;
  chip.setAttribute('aria-label', figure.known ? `${figure.label}: ${figure.shown}` : figure.label);
  chip.textContent = figure.shown;
  return chip;
}

function footnoteNode(body: string, label: string): HTMLElement {
  const marker = document.createElement('span');
  marker.contentEditable = 'false';
  marker.className = 'narrative-chip narrative-footnote-marker';
  marker.dataset.footnote = body;
  marker.dataset.testid = 'footnote-marker';
  marker.textContent = label;
  return marker;
}

/** The nodes that show a saved paragraph: text as text, each figure and footnote as a chip holding its markup. */
function nodesOf(
  value: string,
  props: Pick<ChipEditorProps, 'withFootnotes' | 'firstFootnote' | 'figure' | 'footnoteLabel'>,
): Node[] {
  const segments = props.withFootnotes ? footnoteSegments(value) : [{ kind: 'text' as const, text: value }];
  let footnote = props.firstFootnote ?? 1;
  return segments.flatMap((segment) => {
    if (segment.kind === 'footnote') return [footnoteNode(segment.body, props.footnoteLabel(footnote++))];
    return tokenPieces(segment.text).map((piece) =>
      piece.kind === 'text' ? document.createTextNode(piece.text) : figureNode(piece.name, props.figure(piece.name)),
    );
  });
}

/** The saved markup of what the editor holds: the exact inverse of `nodesOf`, and tolerant of what the browser adds. */
function markupOf(parent: Node): string {
  let markup = '';
  parent.childNodes.forEach((child) => {
    if (child.nodeType === Node.TEXT_NODE) {
      markup += child.textContent ?? '';
      return;
    }
    if (!(child instanceof HTMLElement)) return;
    if (child.dataset.token !== undefined) markup += `{${child.dataset.token}}`;
    else if (child.dataset.footnote !== undefined) markup += `^[${child.dataset.footnote}]`;
    else if (child.tagName === 'BR') markup += '\n';
    else markup += (child.tagName === 'DIV' && markup !== '' ? '\n' : '') + markupOf(child);
  });
  return markup;
}

/** What the chips of a value show; when the figures change, the chips are redrawn. */
function lookOf(markup: string, props: Pick<ChipEditorProps, 'firstFootnote' | 'figure'>): string {
  const shownFigures = tokenPieces(markup).flatMap((piece) => (piece.kind === 'token' ? [props.figure(piece.name).shown] : []));
  return [props.firstFootnote ?? 1, ...shownFigures].join('|');
}

function rangeInside(root: HTMLElement): Range | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  return root.contains(range.commonAncestorContainer) ? range : null;
}

function placeCaret(range: Range) {
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}

/**
 * Text that reads as the document will, with each figure a chip that cannot be typed into and footnotes as markers.
 * The chips carry their markup, so what is saved is the paragraph with its placeholders, never what a chip shows.
 */
export function ChipEditor(props: ChipEditorProps) {
  const { value, readOnly, withFootnotes, onFocusEditor } = props;
  const root = useRef<HTMLDivElement>(null);
  const latest = useRef(props);
  /** What the editor's children show: rebuilt only when the value or the figures change from outside. */
  const shown = useRef<{ value: string; look: string } | null>(null);
  const lastRange = useRef<Range | null>(null);
  const look = lookOf(value, props);

  // The browser owns the children while a person types; replacing them would lose the caret.
  useLayoutEffect(() => {
    latest.current = props;
    const element = root.current;
    if (!element || (shown.current?.value === value && shown.current.look === look)) return;
    element.replaceChildren(...nodesOf(value, props));
    shown.current = { value, look };
  });

  useEffect(() => {
    const remember = () => {
      const element = root.current;
      const range = element ? rangeInside(element) : null;
      if (range) lastRange.current = range.cloneRange();
    };
    document.addEventListener('selectionchange', remember);
    return () => document.removeEventListener('selectionchange', remember);
  }, []);

  const emit = useCallback(() => {
    const element = root.current;
    if (!element) return;
    const next = markupOf(element);
    shown.current = { value: next, look: lookOf(next, latest.current) };
    if (next !== latest.current.value) latest.current.onChange(next);
  }, []);

  const insertNode = useCallback(
    (node: Node) => {
      const element = root.current;
      if (!element) return;
      let range = rangeInside(element) ?? lastRange.current;
      if (!range || !element.contains(range.commonAncestorContainer)) {
        range = document.createRange();
        range.selectNodeContents(element);
        range.collapse(false);
      }
      range.deleteContents();
      range.insertNode(node);
      range.setStartAfter(node);
      range.collapse(true);
      element.focus();
      placeCaret(range);
      lastRange.current = range.cloneRange();
      emit();
    },
    [emit],
  );

  const handle = useMemo<ChipEditorHandle>(
    () => ({ insertFigure: (name) => insertNode(figureNode(name, latest.current.figure(name))) }),
    [insertNode],
  );

  return (
    <div
      ref={root}
      className="narrative-editable"
      contentEditable={!readOnly}
      suppressContentEditableWarning
      role="textbox"
      aria-multiline
      aria-label={props.ariaLabel}
      aria-invalid={props.invalid || undefined}
      aria-readonly={readOnly || undefined}
      data-invalid={props.invalid || undefined}
      data-testid={props.testId}
      onInput={emit}
      onFocus={() => onFocusEditor(handle)}
      onKeyDown={(event) => {
        if (event.key !== 'Enter') return;
        event.preventDefault();
        // A paragraph is one paragraph; inside a footnote a new line starts a new footnote paragraph.
        if (!withFootnotes) insertNode(document.createTextNode('\n'));
      }}
      onPaste={(event) => {
        event.preventDefault();
        const text = event.clipboardData.getData('text/plain');
        insertNode(document.createTextNode(withFootnotes ? text.replace(/\s*\n\s*/g, ' ') : text));
      }}
      onDrop={(event) => event.preventDefault()}
    />
  );
}
