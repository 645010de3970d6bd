import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxParts, docxTables, paragraphTexts } from '../../../testkit/documents';
import { openTestRegistry, type OpenTestRegistry } from '../../../testkit/registry';

/** A trip recorded in a real registry, extended while abroad, and printed as the member signed it. */
describe('trip forms from the registry', () => {
  let registry: OpenTestRegistry;
  let tripId: string;

  beforeAll(async () => {
    registry = await openTestRegistry();
    const member = await registry.call('members.save', {
      code: 'DV-0001',
      fullName: 'Đặng Thị Hoà',
      gender: 'female',
      cellName: 'Chi bộ ấp Tây Bình',
      leadershipPost: 'Phó Chủ tịch UBND xã',
      managingCommittee: 'Ban Thường vụ Đảng ủy xã Vĩnh Trạch',
    });
    const trip = await registry.call('trips.save', {
      memberId: member.id,
      purpose: 'family_visit',
      selfFunded: true,
      countries: ['KR'],
      travelDocumentKind: 'passport',
      plannedDeparture: '2026-03-01',
      plannedReturn: '2026-03-10',
    });
    tripId = trip.id;
    await registry.call('trips.transition', {
      tripId,
      transition: 'submit',
      input: { applicationDate: '2026-02-10', commitmentDate: '2026-02-10', cellOpinion: 'Đồng ý' },
    });
    await registry.call('trips.transition', {
      tripId,
      transition: 'approve',
      input: { approvalRef: '15-QĐ/ĐU', approvalDate: '2026-02-15', approvingCommittee: 'Ban Thường vụ Đảng ủy xã Vĩnh Trạch' },
    });
    await registry.call('trips.transition', { tripId, transition: 'depart', input: { actualDeparture: '2026-03-01' } });
    await registry.call('trips.transition', {
      tripId,
      transition: 'extend',
      input: { extendedReturn: '2026-03-25', extensionRef: '20-QĐ/ĐU', extensionDate: '2026-03-08' },
    });
  });

  afterAll(() => registry.session.dispose());

  async function form(kind: 'application' | 'commitment') {
    const file = await registry.call('forms.trip', { tripId, form: kind, format: 'docx' });
    const { document } = await docxParts(Buffer.from(file.contentBase64, 'base64'));
    return { texts: paragraphTexts(document), tables: docxTables(document) };
  }

  it('prints the dates applied for on the application and the commitment, not the extension granted later', async () => {
    const application = await form('application');
    expect(application.texts).toContain('- Thời gian: từ ngày 01/3/2026 đến ngày 10/3/2026 (10 ngày)');
    expect(application.texts.join('\n')).not.toContain('25/3/2026');
    const commitment = await form('commitment');
    expect(commitment.texts.some((text) => text.includes('từ ngày 01/3/2026 đến ngày 10/3/2026, tôi xin khai thân nhân'))).toBe(
      true,
    );
  });

  it('addresses the standing committee the member record names without doubling its title', async () => {
    const { texts, tables } = await form('application');
    expect(tables[1]?.[0]?.[1]?.text).toBe(' - Ban Thường vụ Đảng ủy xã Vĩnh Trạch;\n - Chi ủy Chi bộ ấp Tây Bình.');
    expect(texts.join('\n')).not.toContain('Ban Thường vụ Ban Thường vụ');
  });
});
