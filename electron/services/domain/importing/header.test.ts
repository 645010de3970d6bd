import { describe, expect, it } from 'vitest';
import { DomainError } from '@shared/errors';
import { hasMessage } from '@shared/i18n';
import { columnHelpKey, columnLabelKey, columnsOf, importKinds } from '@shared/importing/columns';
import { mapHeader } from './header';

describe('import columns', () => {
  it('each have a header and an explanation in both languages', () => {
    for (const kind of importKinds) {
      for (const column of columnsOf(kind)) {
        expect({
          key: column.key,
          label: hasMessage(columnLabelKey(column)),
          help: hasMessage(columnHelpKey(kind, column)),
        }).toEqual({ key: column.key, label: true, help: true });
      }
    }
  });

  it('are recognised by key, label or alias, folded, with required markers and punctuation ignored', () => {
    const mapped = mapHeader('trips', 'x.csv', [
      'Mã đảng viên (*)',
      'MUC DICH',
      'Nước đến:',
      'planned-departure',
      'Ngày về dự kiến',
      'Họ và tên đảng viên',
      'Trạng thái',
    ]);
    expect(mapped.columns.map((column) => column?.key ?? null)).toEqual([
      'member_code',
      'purpose',
      'countries',
      'planned_departure',
      'planned_return',
      null,
      null,
    ]);
    expect(mapped.ignored).toEqual(['Họ và tên đảng viên', 'Trạng thái']);
  });

  it('never give two columns of a kind the same header', () => {
    for (const kind of importKinds) {
      const headers = columnsOf(kind).map((column) => column.key);
      expect(mapHeader(kind, 'x.csv', headers).positions.size).toBe(headers.length);
    }
  });

  it('refuse a column given twice', () => {
    const refusal = (() => {
      try {
        return mapHeader('members', 'x.csv', ['member_code', 'Họ và tên', 'full_name', 'cell']);
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({ code: 'IMPORT_HEADER_DUPLICATE', params: { column: 'full_name' } });
  });
});
