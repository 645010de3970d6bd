import { describe, expect, it } from 'vitest';
import { auditChanges } from './diff';
import { auditActionLabel, auditFieldLabel, auditValueText } from './labels';

describe('what an audit row changed', () => {
  it('lists a creation’s fields as added, leaving out the empty ones', () => {
    expect(auditChanges(undefined, { fullName: 'Đặng Thị Hoà', phone: null, countries: ['JP', 'KR'] })).toEqual([
      { field: 'fullName', kind: 'added', before: null, after: 'Đặng Thị Hoà' },
      { field: 'countries', kind: 'added', before: null, after: 'JP, KR' },
    ]);
  });

  it('lists only the fields an edit changed, nested ones by their dotted name', () => {
    const before = { fullName: 'Đặng Thị Hoà', status: 'active', deadlines: { returnReportDays: 15, leaveDays: 5 } };
    const after = {
      fullName: 'Đặng Thị Hòa',
      status: 'active',
      deadlines: { returnReportDays: 10, leaveDays: 5 },
      archivedAt: '2026-05-03T07:00:00.000Z',
    };
    expect(auditChanges(before, after)).toEqual([
      { field: 'fullName', kind: 'changed', before: 'Đặng Thị Hoà', after: 'Đặng Thị Hòa' },
      { field: 'deadlines.returnReportDays', kind: 'changed', before: 15, after: 10 },
      { field: 'archivedAt', kind: 'added', before: null, after: '2026-05-03T07:00:00.000Z' },
    ]);
  });

  it('lists a deletion’s fields as removed, and a plain recorded value under no field name', () => {
    expect(auditChanges({ number: 'B1234567' }, undefined)).toEqual([
      { field: 'number', kind: 'removed', before: 'B1234567', after: null },
    ]);
    expect(auditChanges('VINHTRACH', 'VINHTRACH2')).toEqual([
      { field: '', kind: 'changed', before: 'VINHTRACH', after: 'VINHTRACH2' },
    ]);
  });
});

describe('the words of the change log', () => {
  it('names actions, trip steps and fields in Vietnamese, and an unlabelled action as the call refused', () => {
    expect(auditActionLabel('vi', 'member.create')).toBe('Thêm đảng viên');
    expect(auditActionLabel('vi', 'trip.approve')).toBe('Chuyến đi: Cho phép đi');
    expect(auditActionLabel('en', 'backup.create')).toBe('Back up the registry');
    expect(auditActionLabel('vi', 'members.save')).toBe('Thao tác không đủ quyền (members.save)');
    expect(auditFieldLabel('vi', 'member', 'fullName')).toBe('Họ và tên');
    expect(auditFieldLabel('vi', 'trip', 'plannedDeparture')).toBe('Ngày dự kiến xuất cảnh');
    expect(auditFieldLabel('vi', 'setting', 'deadlines.unknownPart')).toBe('deadlines › unknownPart');
    expect(auditActionLabel('vi', 'reconcile.run')).toBe('Đối chiếu danh sách xuất nhập cảnh');
    expect(auditFieldLabel('vi', 'reconciliation', 'unmatchedPersons')).toBe('Người không phải đảng viên');
    expect(auditFieldLabel('vi', 'trip', 'unreportedFoundOn')).toBe('Phát hiện qua đối chiếu ngày');
    expect(auditValueText('vi', 'match', 'nameAndBirthDate')).toBe('khớp họ tên và ngày sinh, đã xác nhận');
  });

  it('shows values as people read them: labels for codes, dates as dd/mm/yyyy, Vietnam’s time, yes and no', () => {
    expect(auditValueText('vi', 'gender', 'female')).toBe('Nữ');
    expect(auditValueText('vi', 'status', 'active')).toBe('Đang sinh hoạt');
    expect(auditValueText('vi', 'birthDate', '1990-03-04')).toBe('04/03/1990');
    expect(auditValueText('vi', 'archivedAt', '2026-05-03T17:30:00.000Z')).toBe('04/05/2026 00:30');
    expect(auditValueText('vi', 'holdsLeadershipPost', false)).toBe('Không');
    expect(auditValueText('vi', 'phone', null)).toBe('—');
    expect(auditValueText('vi', 'countries', 'AE, JP')).toBe('Các Tiểu vương quốc Ả-rập Thống nhất, Nhật Bản');
    expect(auditValueText('vi', 'spouseCountry', 'KR')).toBe('Hàn Quốc');
  });
});
