import { TextInput, type TextInputProps } from '@mantine/core';
import { IconCalendar } from '@tabler/icons-react';
import { useState } from 'react';
import { formatCivilDate, parseCivilDate, type CivilDate } from '../../../shared/rules/dates';
import { useT } from '../i18n';

/** Eight digits typed without separators, as clerks often do: 15032026 → 15/03/2026. */
function withSeparators(text: string): string {
  const digits = /^(\d{2})(\d{2})(\d{4})$/.exec(text.trim());
  return digits ? `${digits[1]}/${digits[2]}/${digits[3]}` : text;
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
  const ownError = left && dateLooksWrong(value) ? t('reason.dateInvalid') : undefined;
  return (
    <TextInput
      placeholder="dd/mm/yyyy"
      inputMode="numeric"
      autoComplete="off"
      leftSection={<IconCalendar size={16} />}
      {...props}
      value={value}
      error={error ?? ownError}
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
