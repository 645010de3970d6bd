import { Select, type SelectProps } from '@mantine/core';
import type { MessageKey } from '@shared/i18n';
import { useT } from '../i18n';

type EnumSelectProps<Value extends string> = Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  values: readonly Value[];
  /** The catalog entry naming each value, e.g. `(purpose) => \`purpose.${purpose}\``. */
  labelOf(value: NoInfer<Value>): MessageKey;
  value: NoInfer<Value> | null;
  onChange(value: NoInfer<Value> | null): void;
};

/** A choice among the values of a domain enum, labelled from the catalogs. */
export function EnumSelect<Value extends string>({ values, labelOf, value, onChange, ...props }: EnumSelectProps<Value>) {
  const t = useT();
  return (
    <Select
      {...props}
      data={values.map((item) => ({ value: item, label: t(labelOf(item)) }))}
      value={value}
      onChange={(selected) => onChange(selected === null ? null : (values.find((item) => item === selected) ?? null))}
    />
  );
}
