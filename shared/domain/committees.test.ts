import { describe, expect, it } from 'vitest';
import { standingCommitteeOf } from './committees';

describe('standingCommitteeOf', () => {
  it('names the standing committee of a committee', () => {
    expect(standingCommitteeOf('Đảng ủy xã Vĩnh Trạch')).toBe('Ban Thường vụ Đảng ủy xã Vĩnh Trạch');
    expect(standingCommitteeOf(' Tỉnh ủy An Giang ')).toBe('Ban Thường vụ Tỉnh ủy An Giang');
  });

  it('keeps a name that already names the deciding body, whatever its case', () => {
    expect(standingCommitteeOf('Ban Thường vụ Đảng ủy')).toBe('Ban Thường vụ Đảng ủy');
    expect(standingCommitteeOf('ban thường vụ Tỉnh ủy An Giang')).toBe('ban thường vụ Tỉnh ủy An Giang');
    expect(standingCommitteeOf('Ban Tổ chức Trung ương')).toBe('Ban Tổ chức Trung ương');
    expect(standingCommitteeOf('THƯỜNG TRỰC Đảng ủy xã Vĩnh Trạch')).toBe('THƯỜNG TRỰC Đảng ủy xã Vĩnh Trạch');
    expect(standingCommitteeOf('Ban Thu\u031Bo\u031B\u0300ng vụ Đảng ủy')).toBe('Ban Thường vụ Đảng ủy');
  });

  it('looks at whole words: a committee whose name merely starts with the same letters still gets the prefix', () => {
    expect(standingCommitteeOf('Bangkok')).toBe('Ban Thường vụ Bangkok');
  });
});

describe('standingCommitteeOf of the unit name', () => {
  it('names the standing committee of the unit', () => {
    expect(standingCommitteeOf('Đảng ủy xã Vĩnh Trạch')).toBe('Ban Thường vụ Đảng ủy xã Vĩnh Trạch');
    expect(standingCommitteeOf('  Tỉnh ủy   An Giang ')).toBe('Ban Thường vụ Tỉnh ủy An Giang');
  });

  it('leaves a name that already is a standing committee, and nothing as nothing', () => {
    expect(standingCommitteeOf('Ban thường vụ Đảng ủy phường Mỹ Bình')).toBe('Ban thường vụ Đảng ủy phường Mỹ Bình');
    expect(standingCommitteeOf(' ')).toBe('');
  });
});
