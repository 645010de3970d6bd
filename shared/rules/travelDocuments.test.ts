import { describe, expect, it } from 'vitest';
import { travelDocumentExpiry } from './travelDocuments';

describe('a travel document’s expiry', () => {
  const today = '2026-08-31';

  it('has expired from the day after its last valid day', () => {
    expect(travelDocumentExpiry('2026-08-30', today)).toBe('expired');
    expect(travelDocumentExpiry('2026-08-31', today)).toBe('expiringSoon');
  });

  it('warns while less than six calendar months are left, counting to the month’s last day', () => {
    expect(travelDocumentExpiry('2027-02-27', today)).toBe('expiringSoon');
    expect(travelDocumentExpiry('2027-02-28', today)).toBeNull();
    expect(travelDocumentExpiry('2030-01-01', today)).toBeNull();
  });

  it('says nothing of a document without a real expiry date', () => {
    expect(travelDocumentExpiry(null, today)).toBeNull();
    expect(travelDocumentExpiry('2026-02-30', today)).toBeNull();
  });
});
