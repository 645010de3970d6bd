import { describe, expect, it } from 'vitest';
import { standingCommitteeOf } from './committee';

describe('standingCommitteeOf', () => {
  it('names the standing committee of the unit', () => {
    expect(standingCommitteeOf('Đảng ủy xã Vĩnh Trạch')).toBe('Ban Thường vụ Đảng ủy xã Vĩnh Trạch');
    expect(standingCommitteeOf('  Tỉnh ủy   An Giang ')).toBe('Ban Thường vụ Tỉnh ủy An Giang');
  });

  it('leaves a name that already is a standing committee, and nothing as nothing', () => {
    expect(standingCommitteeOf('Ban thường vụ Đảng ủy phường Mỹ Bình')).toBe('Ban thường vụ Đảng ủy phường Mỹ Bình');
    expect(standingCommitteeOf(' ')).toBe('');
  });
});
