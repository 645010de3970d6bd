import { MultiSelect, Select, type ComboboxItem, type ComboboxParsedItem, type MultiSelectProps, type SelectProps } from '@mantine/core';
import { useCallback, useMemo } from 'react';
import type { Lang } from '../../../shared/i18n';
import { countryAliases, countryCodes, countryName, foldForSearch, isCountryCode, type CountryCode } from '../../../shared/text';
import { useSession } from '../app/sessionStore';

interface CountryOption extends ComboboxItem {
  /** Every name the country is found by, folded: "han quoc", "korea", "kr". */
  searchText: string;
}

function countryOptions(lang: Lang): CountryOption[] {
  return countryCodes
    .map((code) => {
      const names = [countryName(code, 'vi'), countryName(code, 'en'), code, ...(countryAliases[code] ?? [])];
      return { value: code, label: countryName(code, lang), searchText: foldForSearch(names.join(' | ').replace(/-/g, ' ')) };
    })
    .sort((a, b) => a.label.localeCompare(b.label, lang));
}

/** Matches every word typed, without marks or hyphens, against the names and aliases. */
function filterCountries({ options, search }: { options: ComboboxParsedItem[]; search: string }): ComboboxParsedItem[] {
  const words = foldForSearch(search.replace(/-/g, ' ')).split(' ').filter(Boolean);
  if (words.length === 0) return options;
  return options.filter((option) => {
    const text = (option as CountryOption).searchText ?? '';
    return words.every((word) => text.includes(word));
  });
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
  return (
    <MultiSelect
      searchable
      clearSearchOnChange
      maxDropdownHeight={260}
      {...props}
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
  return (
    <Select
      searchable
      clearable
      maxDropdownHeight={260}
      {...props}
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
