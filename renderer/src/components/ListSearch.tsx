import { TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState, type RefObject } from 'react';

/** The search box above a long list: it searches as one types, and the down arrow moves into the list. */
export function ListSearch({
  initial,
  onSearch,
  listRef,
  placeholder,
  label,
  testId,
}: {
  initial: string;
  onSearch: (text: string) => void;
  listRef: RefObject<HTMLDivElement | null>;
  placeholder: string;
  label: string;
  testId: string;
}) {
  const [query, setQuery] = useState(initial);
  const search = useDebouncedCallback(onSearch, 250);
  return (
    <TextInput
      flex={1}
      miw={220}
      leftSection={<IconSearch size={16} />}
      placeholder={placeholder}
      aria-label={label}
      value={query}
      autoFocus
      onChange={(event) => {
        setQuery(event.currentTarget.value);
        search(event.currentTarget.value);
      }}
      onKeyDown={(event) => {
        if (event.key === 'ArrowDown') listRef.current?.focus();
      }}
      data-testid={testId}
    />
  );
}
