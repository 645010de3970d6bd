import { describe, expect, it } from 'vitest';
import { complianceFlags } from '../domain/enums';
import { ReportData } from './data';
import { modelReportData } from '../testkit/reportModel';

describe('report data', () => {
  it('reads a report file from a version that knew fewer flags, the newer flags counted as 0', () => {
    const data = modelReportData();
    const { unreported_departure: _newer, ...olderFlags } = data.figures.complianceFlags;
    const older = JSON.parse(JSON.stringify({ ...data, figures: { ...data.figures, complianceFlags: olderFlags } }));
    expect(Object.keys(older.figures.complianceFlags)).not.toContain('unreported_departure');
    const read = ReportData.parse(older);
    expect(read.figures.complianceFlags.unreported_departure).toBe(0);
    expect(Object.keys(read.figures.complianceFlags).sort()).toEqual([...complianceFlags].sort());
    expect(read.figures.complianceFlags.return_report_overdue).toBe(data.figures.complianceFlags.return_report_overdue);
  });

  it('refuses a flag count that is not a count', () => {
    const data = modelReportData();
    const bad = {
      ...data,
      figures: { ...data.figures, complianceFlags: { ...data.figures.complianceFlags, unreported_departure: -1 } },
    };
    expect(ReportData.safeParse(bad).success).toBe(false);
  });
});
