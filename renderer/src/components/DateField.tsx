import { TextInput, type TextInputProps } from '@mantine/core';
import { IconCalendar } from '@tabler/icons-react';
import { useState } from 'react';
import { formatCivilDate, parseCivilDate, type CivilDate } from '@shared/rules/dates';
import { useT } from '../i18n';

/** Eight digits typed without separators, as clerks often do: 15032026 → 15/03/2026. */
function withSeparators(text: string): string {
  const digits = /^(\d{2})(\d{2})(\d{4})$/.exec(text.trim());
  return digits ? `${digits[1]}/${digits[2]}/${digits[3]}` : text;
}

/** Day, month and year as typed (d/m/yyyy with slashes, dots or dashes, or eight digits), whether or not such a day exists. */
function dayMonthYear(text: string): { day: number; month: number; year: number } | null {
  const parts = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(withSeparators(text).trim());
  return parts ? { day: Number(parts[1]), month: Number(parts[2]), year: Number(parts[3]) } : null;
}

/** Text shaped like a date whose day does not exist, such as 31/02/1983: said so, rather than called a format error. */
export function nonexistentDate(text: string): string | null {
  const typed = dayMonthYear(text);
  if (!typed || dateOf(text) !== null) return null;
  const two = (value: number) => String(value).padStart(2, '0');
  return `${two(typed.day)}/${two(typed.month)}/${typed.year}`;
}

/** The date a field's text names, or null when it is empty or not a real day. */
export function dateOf(text: string): CivilDate | null {
  return parseCivilDate(withSeparators(text));
}

/** A stored date as a field shows it. */
export function dateText(date: string | null | undefined): string {
  const parsed = date ? parseCivilDate(date) : null;
  return parsed ? formatCivilDate(parsed) : '';
}

/**
 * A field's text for a payload: empty is null, a real day is `YYYY-MM-DD`, anything else is
 * sent as typed so that the contract's own schema names the problem at the field.
 */
export function datePayload(text: string): string | null {
  if (text.trim() === '') return null;
  const typed = dayMonthYear(text);
  // A day that does not exist goes in the contract's own shape, so that the schema calls it that.
  if (typed && dateOf(text) === null)
    return `${typed.year}-${String(typed.month).padStart(2, '0')}-${String(typed.day).padStart(2, '0')}`;
  return dateOf(text) ?? text.trim();
}

export function dateLooksWrong(text: string): boolean {
  return text.trim() !== '' && dateOf(text) === null;
}

type DateFieldProps = Omit<TextInputProps, 'value' | 'onChange'> & {
  value: string;
  onChange(text: string): void;
};

/**
 * A date typed as dd/mm/yyyy (also d/m/yyyy, dots or dashes, or eight digits), tidied to
 * dd/mm/yyyy when the field is left. The form keeps the text; `dateOf` reads it.
 */
export function DateField({ value, onChange, error, onBlur, ...props }: DateFieldProps) {
  const t = useT();
  const [left, setLeft] = useState(false);
  const missingDay = nonexistentDate(value);
  // A day that does not exist is named with the date as typed, ahead of the schema's general sentence.
  const ownError = missingDay
    ? t('date.nonexistent', { date: missingDay })
    : left && dateLooksWrong(value)
      ? t('reason.dateInvalid')
      : undefined;
  return (
    <TextInput
      placeholder="dd/mm/yyyy"
      inputMode="numeric"
      autoComplete="off"
      leftSection={<IconCalendar size={16} />}
      {...props}
      value={value}
      error={missingDay ? ownError : (error ?? ownError)}
      onChange={(event) => {
        setLeft(false);
        onChange(event.currentTarget.value);
      }}
      onBlur={(event) => {
        setLeft(true);
        const date = dateOf(value);
        if (date) onChange(formatCivilDate(date));
        onBlur?.(event);
      }}
    />
  );
}
