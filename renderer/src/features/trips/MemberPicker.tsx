import { Select, type ComboboxItem } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { MemberRow } from '@shared/contract/registry';
import { call } from '../../api/client';
import { useT } from '../../i18n';

interface MemberPickerProps {
  value: string | null;
  /** The chosen member's label, known before any search (an existing trip, a trip started from a member). */
  selectedLabel: string | null;
  onChange(memberId: string | null): void;
  error?: string | undefined;
  disabled?: boolean;
}

const optionOf = (row: MemberRow): ComboboxItem => ({ value: row.id, label: `${row.fullName} · ${row.code} · ${row.cellName}` });
const pickerLimit = 30;

/**
 * Finds a member among any number by typing part of the name (marks optional), the code or the CCCD.
 * Enter takes the best match of what was typed, asked for at once so that a fast typist does not get
 * the match of an earlier, shorter text; after an arrow key, Enter takes the highlighted option.
 */
export function MemberPicker({ value, selectedLabel, onChange, error, disabled }: MemberPickerProps) {
  const t = useT();
  const [found, setFound] = useState<ComboboxItem[]>([]);
  const [search, setSearch] = useState('');
  const movedWithArrows = useRef(false);
  const searchFor = (query: string) =>
    call('members.search', { query: query.trim() || undefined, limit: pickerLimit }).then((result) => result.rows.map(optionOf));
  const lookUp = useDebouncedCallback((query: string) => {
    searchFor(query)
      .then(setFound)
      .catch(() => setFound([]));
  }, 200);

  useEffect(() => {
    if (!disabled) lookUp('');
  }, [disabled, lookUp]);

  const selected =
    value && selectedLabel && !found.some((option) => option.value === value) ? [{ value, label: selectedLabel }] : [];
  const options = [...found, ...selected];
  const currentLabel = () => options.find((option) => option.value === value)?.label ?? '';

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') movedWithArrows.current = true;
    if (event.key === 'Escape') setSearch(currentLabel());
    if (event.key !== 'Enter' || movedWithArrows.current || search.trim() === '' || search === currentLabel()) return;
    event.preventDefault();
    const typed = search;
    searchFor(typed)
      .then((rows) => {
        setFound(rows);
        const best = rows[0];
        if (best) {
          onChange(best.value);
          setSearch(best.label);
        }
      })
      .catch(() => setFound([]));
  };
  return (
    <Select
      label={t('tripField.member')}
      placeholder={t('tripForm.memberPlaceholder')}
      withAsterisk
      searchable
      data={options}
      filter={({ options }) => options}
      value={value}
      searchValue={search}
      onSearchChange={(text) => {
        setSearch(text);
        movedWithArrows.current = false;
        if (text !== currentLabel()) lookUp(text);
      }}
      onKeyDown={onKeyDown}
      onChange={onChange}
      nothingFoundMessage={t('members.empty')}
      error={error}
      disabled={disabled}
      data-testid="trip-member"
    />
  );
}
