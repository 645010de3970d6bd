import {
  MultiSelect,
  Select,
  type ComboboxItem,
  type ComboboxParsedItem,
  type MultiSelectProps,
  type SelectProps,
} from '@mantine/core';
import { useCallback, useMemo, useState, type KeyboardEvent } from 'react';
import type { Lang } from '@shared/i18n';
import {
  countryAliases,
  countryCodes,
  countryName,
  isCountryCode,
  rankMatches,
  searchableName,
  type CountryCode,
} from '@shared/text';
import { useSession } from '../state/sessionStore';

interface CountryOption extends ComboboxItem {
  /** Every name the country is found by, folded: "han quoc", "korea", "kr". */
  searchNames: readonly string[];
}

function countryOptions(lang: Lang): CountryOption[] {
  return countryCodes
    .map((code) => {
      const names = [countryName(code, 'vi'), countryName(code, 'en'), code, ...(countryAliases[code] ?? [])];
      return { value: code, label: countryName(code, lang), searchNames: names.map(searchableName) };
    })
    .sort((a, b) => a.label.localeCompare(b.label, lang));
}

/** Matches every word typed, without marks or hyphens, against the names and aliases; names starting with the words first. */
function filterCountries({ options, search }: { options: ComboboxParsedItem[]; search: string }): ComboboxParsedItem[] {
  return rankMatches(options, (option) => (option as CountryOption).searchNames ?? [], search);
}

/**
 * The typed search of a picker: Enter takes the best match of what was typed (nothing when
 * nothing was typed), and Escape clears the text — Mantine closes the list on Escape but keeps
 * it, and the next letters would be appended to it ("nhatnhat").
 */
function useTypedSearch(restored: () => string) {
  const [search, setSearch] = useState('');
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape') setSearch(restored());
  };
  return {
    searchValue: search,
    onSearchChange: setSearch,
    onKeyDown,
    selectFirstOptionOnChange: search.trim() !== '' && search !== restored(),
  };
}

function useCountryOptions(): CountryOption[] {
  const lang = useSession((state) => state.lang);
  return useMemo(() => countryOptions(lang), [lang]);
}

type CountriesSelectProps = Omit<MultiSelectProps, 'data' | 'value' | 'onChange'> & {
  value: readonly CountryCode[];
  onChange(value: CountryCode[]): void;
};

/** Destination countries by their Vietnamese names, found by typing any name without marks. */
export function CountriesSelect({ value, onChange, ...props }: CountriesSelectProps) {
  const options = useCountryOptions();
  const search = useTypedSearch(() => '');
  return (
    <MultiSelect
      searchable
      clearSearchOnChange
      maxDropdownHeight={260}
      {...props}
      {...search}
      data={options}
      filter={filterCountries}
      value={[...value]}
      onChange={(codes) => onChange(codes.filter(isCountryCode))}
    />
  );
}

type CountrySelectProps = Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  value: CountryCode | null;
  onChange(value: CountryCode | null): void;
};

export function CountrySelect({ value, onChange, ...props }: CountrySelectProps) {
  const options = useCountryOptions();
  const search = useTypedSearch(() => options.find((option) => option.value === value)?.label ?? '');
  return (
    <Select
      searchable
      clearable
      maxDropdownHeight={260}
      {...props}
      {...search}
      data={options}
      filter={filterCountries}
      value={value}
      onChange={(code) => onChange(code !== null && isCountryCode(code) ? code : null)}
    />
  );
}

/** Country names of a trip's codes, in the current language. */
export function useCountryNames(): (codes: readonly string[]) => string {
  const lang = useSession((state) => state.lang);
  return useCallback((codes) => codes.map((code) => (isCountryCode(code) ? countryName(code, lang) : code)).join(', '), [lang]);
}
