import { Alert, Center, Loader, Text } from '@mantine/core';
import { useMergedRef } from '@mantine/hooks';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import { errorText } from '../api/errors';
import { useT } from '../i18n';
import { rowAt, type PagedList } from './pagedList';

export interface Column<Row> {
  key: string;
  header: string;
  /** A CSS grid track: `7rem`, `minmax(12rem, 2fr)`. */
  width: string;
  render(row: Row): ReactNode;
  align?: 'end' | 'center';
}

interface VirtualTableProps<Filters, Row> {
  list: PagedList<Filters, Row>;
  columns: readonly Column<Row>[];
  rowKey(row: Row): string;
  onOpen(row: Row): void;
  label: string;
  /** What an empty list shows: a sentence, or the first steps when the registry has nothing yet. */
  emptyText: ReactNode;
  /** The scrolling body, which takes the keyboard: a search box hands focus to it with ↓. */
  ref?: Ref<HTMLDivElement>;
  'data-testid'?: string;
}

/** Room for two lines: a long country or bracket name wraps instead of being cut off. */
const rowHeight = 46;

/**
 * A table of any length that renders only the rows in view and reads their pages as they
 * come into view. The body takes the keyboard: ↑ ↓ Page Up/Down Home End move, Enter opens.
 */
export function VirtualTable<Filters, Row>({
  list,
  columns,
  rowKey,
  onOpen,
  label,
  emptyText,
  ref,
  'data-testid': testId,
}: VirtualTableProps<Filters, Row>) {
  const t = useT();
  const total = list((state) => state.total);
  const pages = list((state) => state.pages);
  const generation = list((state) => state.generation);
  const filters = list((state) => state.filters);
  const failure = list((state) => state.failure);
  const scrollRef = useRef<HTMLDivElement>(null);
  const bodyRef = useMergedRef(scrollRef, ref);
  const [active, setActive] = useState(0);
  const idPrefix = useId();
  const gridTemplateColumns = columns.map((column) => column.width).join(' ');

  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 15,
    initialOffset: () => list.getState().scrollOffset,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;

  useEffect(() => {
    list.getState().load(first, last);
  }, [list, first, last, generation, filters]);

  const previousFilters = useRef(filters);
  useEffect(() => {
    if (previousFilters.current === filters) return;
    previousFilters.current = filters;
    setActive(0);
    virtualizer.scrollToOffset(0);
  }, [filters, virtualizer]);

  const move = (to: number) => {
    if (!total) return;
    const next = Math.min(total - 1, Math.max(0, to));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const visibleRows = Math.max(1, Math.floor(event.currentTarget.clientHeight / rowHeight) - 1);
    const moves: Record<string, number> = {
      ArrowDown: active + 1,
      ArrowUp: active - 1,
      PageDown: active + visibleRows,
      PageUp: active - visibleRows,
      Home: 0,
      End: (total ?? 1) - 1,
    };
    const to = moves[event.key];
    if (to !== undefined) {
      event.preventDefault();
      move(to);
    } else if (event.key === 'Enter') {
      const row = rowAt(list.getState(), active);
      if (row) onOpen(row);
    }
  };

  return (
    <div className="virtual-table" data-testid={testId}>
      <div className="virtual-table-head" aria-hidden style={{ gridTemplateColumns }}>
        {columns.map((column) => (
          <div key={column.key} className="virtual-table-cell" data-align={column.align}>
            {column.header}
          </div>
        ))}
      </div>
      {failure ? (
        <Alert color="red" m="sm">
          {errorText(failure, t)}
        </Alert>
      ) : total === null ? (
        <Center p="xl">
          <Loader size="sm" />
        </Center>
      ) : total === 0 ? (
        <div className="virtual-table-empty" data-testid="empty-list">
          {typeof emptyText === 'string' ? <Text c="dimmed">{emptyText}</Text> : emptyText}
        </div>
      ) : null}
      <div
        ref={bodyRef}
        className="virtual-table-body"
        role="grid"
        aria-label={label}
        aria-rowcount={total ?? 0}
        aria-activedescendant={total ? `${idPrefix}-${active}` : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onScroll={(event) => list.getState().setScrollOffset(event.currentTarget.scrollTop)}
      >
        <div className="virtual-table-canvas" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rowAt({ pages }, item.index);
            return (
              <div
                key={row ? rowKey(row) : `pending-${item.index}`}
                id={`${idPrefix}-${item.index}`}
                role="row"
                aria-rowindex={item.index + 1}
                className="virtual-table-row"
                data-active={item.index === active || undefined}
                data-testid={row ? 'list-row' : 'list-row-pending'}
                style={{ transform: `translateY(${item.start}px)`, height: rowHeight, gridTemplateColumns }}
                onClick={() => {
                  setActive(item.index);
                  if (row) onOpen(row);
                }}
              >
                {row ? (
                  columns.map((column) => (
                    <div key={column.key} role="gridcell" className="virtual-table-cell" data-align={column.align}>
                      {column.render(row)}
                    </div>
                  ))
                ) : (
                  <div className="virtual-table-pending" role="gridcell">
                    …
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
