import type { ReactNode } from 'react';

export interface InfoItem {
  label: string;
  value: ReactNode;
  /** Spans the whole row, for long text. */
  wide?: boolean;
}

/** Labelled values in as many columns as fit: a record's details read at a glance. */
export function InfoGrid({ items, 'data-testid': testId }: { items: readonly InfoItem[]; 'data-testid'?: string }) {
  return (
    <dl className="info-grid" data-testid={testId}>
      {items.map((item) => (
        <div key={item.label} className="info-item" data-wide={item.wide || undefined}>
          <dt>{item.label}</dt>
          <dd>{item.value === null || item.value === undefined || item.value === '' ? '—' : item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
