import { hasMessage, translate, type Lang, type MessageKey } from '../i18n';
import type { AuditSubject } from '../contract/audit';
import { countryName, isCountryCode } from '../text/countries';
import type { AuditValue } from './diff';

/** Where the labels of a record's fields already live, by the entity the audit row names. */
const fieldCatalogs: Record<string, string> = {
  member: 'memberField',
  trip: 'tripField',
  party_activity_event: 'activityField',
  reconciliation: 'reconciliationField',
};

function firstKnown(keys: string[]): MessageKey | null {
  return (keys.find((key) => hasMessage(key)) as MessageKey | undefined) ?? null;
}

/**
 * "Thêm đảng viên", "Chuyến đi: Cho phép đi". Every action the services record has a label, so
 * one without is the name of a call refused for want of rights ("members.save"), shown as such.
 */
export function auditActionLabel(lang: Lang, action: string): string {
  const key = firstKnown([`auditAction.${action}`]);
  if (key) return translate(lang, key);
  const transition = /^trip\.(\w+)$/.exec(action)?.[1];
  const transitionKey = transition ? firstKnown([`transition.${transition}`]) : null;
  if (transitionKey) return translate(lang, 'auditAction.tripTransition', { transition: translate(lang, transitionKey) });
  return translate(lang, 'auditAction.refusedCall', { call: action });
}

export function auditEntityLabel(lang: Lang, entity: string): string {
  const key = firstKnown([`auditEntity.${entity}`]);
  return key ? translate(lang, key) : entity;
}

/** The label of a field of the entity ("Họ và tên"), for nested fields the label of the last part after its parent's. */
export function auditFieldLabel(lang: Lang, entity: string, field: string): string {
  if (field === '') return translate(lang, 'auditLog.value');
  const parts = field.split('.');
  const catalog = fieldCatalogs[entity];
  const labels = parts.map((part) => {
    const key = firstKnown([...(catalog ? [`${catalog}.${part}`] : []), `auditField.${part}`]);
    return key ? translate(lang, key) : part;
  });
  return labels.join(' › ');
}

/** Fields whose values are codes with labels of their own, by the field's last name. */
const valueCatalogs: Record<string, string> = {
  gender: 'gender',
  status: 'memberStatus',
  state: 'tripState',
  purpose: 'purpose',
  role: 'role',
  level: 'level',
  fundingSource: 'fundingSource',
  activityTransfer: 'activityTransfer',
  overstay: 'overstay',
  match: 'reconcile.match',
};

/** Fields holding ISO country codes, one or a list: shown by the countries' names. */
const countryFields = new Set(['countries', 'spouseCountry', 'country']);

const vietnamOffsetMs = 7 * 3_600_000;

/** A recorded value as a person reads it: labels for codes, dd/mm/yyyy for dates, yes/no for flags, a dash for nothing. */
export function auditValueText(lang: Lang, field: string, value: AuditValue): string {
  if (value === null || value === '') return '—';
  if (typeof value === 'boolean') return translate(lang, value ? 'common.yes' : 'common.no');
  if (typeof value === 'number') return String(value);
  const name = field.split('.').at(-1) ?? '';
  if (countryFields.has(name)) return countryNames(lang, value.split(', '));
  const catalog = valueCatalogs[name];
  const labelKey = catalog ? firstKnown([`${catalog}.${value}`]) : null;
  if (labelKey) return translate(lang, labelKey);
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return `${value.slice(8, 10)}/${value.slice(5, 7)}/${value.slice(0, 4)}`;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(value)) {
    const local = new Date(Date.parse(value) + vietnamOffsetMs).toISOString();
    return `${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)} ${local.slice(11, 16)}`;
  }
  return value;
}

function countryNames(lang: Lang, codes: readonly string[]): string {
  return codes.map((code) => (isCountryCode(code) ? countryName(code, lang) : code)).join(', ');
}

/** "Nguyễn Văn An · chuyến đi Nhật Bản, dự kiến đi 01/03/2026": whom and which trip a row concerns. */
export function auditSubjectText(lang: Lang, subject: AuditSubject | null): string {
  if (!subject) return '';
  const parts = subject.member ? [subject.member] : [];
  if (subject.trip) {
    const { code, countries, plannedDeparture } = subject.trip;
    parts.push(
      translate(lang, code ? 'auditLog.subject.tripWithCode' : 'auditLog.subject.trip', {
        code: code ?? '',
        countries: countryNames(lang, countries),
        date: auditValueText(lang, 'plannedDeparture', plannedDeparture),
      }),
    );
  }
  return parts.join(' · ');
}
