import { create, type StoreApi, type UseBoundStore } from 'zustand';
import { clearOnLock } from '../state/sessionStore';

export interface Page<Row> {
  total: number;
  rows: Row[];
}

export const pageSize = 200;
/** Pages kept in memory; the farthest from the one just read are dropped first. */
const pagesKept = 8;

interface CachedPage<Row> {
  rows: Row[];
  /** The refresh the page was read in; an older one is shown until it is read again. */
  generation: number;
}

export interface PagedListState<Filters, Row> {
  filters: Filters;
  /** Rows matching the filters; null until the first page arrives. */
  total: number | null;
  pages: ReadonlyMap<number, CachedPage<Row>>;
  generation: number;
  failure: unknown;
  /** Where the list was scrolled to, so that coming back from a record finds the same place. */
  scrollOffset: number;
  setFilters(patch: Partial<Filters>): void;
  /** Reads the pages holding these rows unless they are already here and current. */
  load(firstRow: number, lastRow: number): void;
  /** The registry changed: read again what is on screen, showing the old rows meanwhile. */
  refresh(): void;
  setScrollOffset(offset: number): void;
}

export type PagedList<Filters, Row> = UseBoundStore<StoreApi<PagedListState<Filters, Row>>>;

export function rowAt<Row>(state: Pick<PagedListState<unknown, Row>, 'pages'>, index: number): Row | undefined {
  return state.pages.get(Math.floor(index / pageSize))?.rows[index % pageSize];
}

/**
 * A long list read a page at a time as it scrolls: a hundred thousand members cost only the
 * pages in view. Answers to an older filter are dropped, so fast typing never shows stale rows.
 */
export function createPagedList<Filters extends object, Row>(
  fetchPage: (filters: Filters, offset: number, limit: number) => Promise<Page<Row>>,
  initialFilters: Filters,
): PagedList<Filters, Row> {
  /** Bumped when the filters change: every answer to the old ones is ignored. */
  let query = 0;
  const inFlight = new Set<string>();

  const store = create<PagedListState<Filters, Row>>((set, get) => {
    const fetch = (index: number) => {
      const { pages, generation, filters } = get();
      const flightKey = `${query}:${generation}:${index}`;
      if (pages.get(index)?.generation === generation || inFlight.has(flightKey)) return;
      inFlight.add(flightKey);
      const askedQuery = query;
      fetchPage(filters, index * pageSize, pageSize).then(
        (page) => {
          inFlight.delete(flightKey);
          if (askedQuery !== query) return;
          set((state) => ({
            total: page.total,
            pages: keepNear(state.pages, index, { rows: page.rows, generation }),
            failure: null,
          }));
        },
        (failure: unknown) => {
          inFlight.delete(flightKey);
          if (askedQuery === query) set({ failure });
        },
      );
    };
    return {
      filters: initialFilters,
      total: null,
      pages: new Map(),
      generation: 0,
      failure: null,
      scrollOffset: 0,
      setFilters: (patch) => {
        query += 1;
        set((state) => ({
          filters: { ...state.filters, ...patch },
          total: null,
          pages: new Map(),
          failure: null,
          scrollOffset: 0,
        }));
        fetch(0);
      },
      load: (firstRow, lastRow) => {
        const last = Math.max(firstRow, lastRow);
        for (let index = Math.floor(firstRow / pageSize); index <= Math.floor(last / pageSize); index += 1) fetch(index);
      },
      refresh: () => set((state) => ({ generation: state.generation + 1 })),
      setScrollOffset: (scrollOffset) => set({ scrollOffset }),
    };
  });

  clearOnLock(() => {
    query += 1;
    store.setState({ filters: initialFilters, total: null, pages: new Map(), failure: null, scrollOffset: 0 });
  });
  return store;
}

function keepNear<Row>(
  pages: ReadonlyMap<number, CachedPage<Row>>,
  index: number,
  page: CachedPage<Row>,
): Map<number, CachedPage<Row>> {
  const next = new Map(pages).set(index, page);
  const byDistance = [...next.keys()].sort((a, b) => Math.abs(b - index) - Math.abs(a - index));
  for (const far of byDistance.slice(0, Math.max(0, next.size - pagesKept))) next.delete(far);
  return next;
}
