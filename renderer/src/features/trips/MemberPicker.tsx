import { Select, type ComboboxItem } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import type { MemberRow } from '../../../../shared/contract/registry';
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

/** Finds a member among any number by typing part of the name (marks optional), the code or the CCCD. */
export function MemberPicker({ value, selectedLabel, onChange, error, disabled }: MemberPickerProps) {
  const t = useT();
  const [found, setFound] = useState<ComboboxItem[]>([]);
  const [search, setSearch] = useState('');
  const lookUp = useDebouncedCallback((query: string) => {
    call('members.search', { query: query.trim() || undefined, limit: pickerLimit })
      .then((result) => setFound(result.rows.map(optionOf)))
      .catch(() => setFound([]));
  }, 200);

  useEffect(() => {
    if (!disabled) lookUp('');
  }, [disabled, lookUp]);

  const selected = value && selectedLabel && !found.some((option) => option.value === value) ? [{ value, label: selectedLabel }] : [];
  return (
    <Select
      label={t('tripField.member')}
      placeholder={t('tripForm.memberPlaceholder')}
      withAsterisk
      searchable
      data={[...selected, ...found]}
      filter={({ options }) => options}
      value={value}
      searchValue={search}
      onSearchChange={(text) => {
        setSearch(text);
        const current = [...selected, ...found].find((option) => option.value === value);
        if (text !== current?.label) lookUp(text);
      }}
      onChange={onChange}
      nothingFoundMessage={t('members.empty')}
      error={error}
      disabled={disabled}
      data-testid="trip-member"
    />
  );
}
