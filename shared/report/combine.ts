import { complianceFlags } from '../domain/enums';
import type { BracketCounts, ReportData, ReportUnitEntry } from './data';
import { periodYears } from './compute';

function sumBrackets(parts: readonly BracketCounts[]): BracketCounts {
  return parts.reduce(
    (sum, part) => ({
      total: sum.total + part.total,
      under1m: sum.under1m + part.under1m,
      from1to3m: sum.from1to3m + part.from1to3m,
      from3to12m: sum.from3to12m + part.from3to12m,
      over12m: sum.over12m + part.over12m,
    }),
    { total: 0, under1m: 0, from1to3m: 0, from3to12m: 0, over12m: 0 },
  );
}

function sumBy<T>(parts: readonly T[], pick: (part: T) => number): number {
  return parts.reduce((sum, part) => sum + pick(part), 0);
}

/**
 * The upper level's report: its own records plus each subordinate unit's accepted report
 * for the same period, figure by figure. Appendix 01 lists the upper level's own documents
 * only, as the provincial model does; the subordinates' documents stay in their reports.
 */
export function combineReports(
  own: ReportData,
  subordinates: readonly ReportData[],
  units: readonly ReportUnitEntry[],
): ReportData {
  const all = [own, ...subordinates];
  const years = periodYears(own.period);
  return {
    unit: own.unit,
    period: own.period,
    appendix01: own.appendix01,
    appendix02: {
      rows: years.map(({ year, until }) => ({
        year,
        until,
        ...sumBrackets(all.flatMap((report) => report.appendix02.rows.filter((row) => row.year === year))),
      })),
      total: sumBrackets(all.map((report) => report.appendix02.total)),
      specialMission: sumBy(all, (report) => report.appendix02.specialMission),
      invitedByName: sumBy(all, (report) => report.appendix02.invitedByName),
      selfFundedOrPrivate: sumBy(all, (report) => report.appendix02.selfFundedOrPrivate),
      stayedBeyondTerm: {
        total: sumBy(all, (report) => report.appendix02.stayedBeyondTerm.total),
        permitted: sumBy(all, (report) => report.appendix02.stayedBeyondTerm.permitted),
        unauthorised: sumBy(all, (report) => report.appendix02.stayedBeyondTerm.unauthorised),
      },
    },
    appendix03: {
      rows: years.map(({ year, until }) => {
        const rows = all.flatMap((report) => report.appendix03.rows.filter((row) => row.year === year));
        return {
          year,
          until,
          transferredOut: sumBy(rows, (row) => row.transferredOut),
          transferredBack: sumBy(rows, (row) => row.transferredBack),
          notTransferredBack: sumBy(rows, (row) => row.notTransferredBack),
        };
      }),
      total: {
        transferredOut: sumBy(all, (report) => report.appendix03.total.transferredOut),
        transferredBack: sumBy(all, (report) => report.appendix03.total.transferredBack),
        notTransferredBack: sumBy(all, (report) => report.appendix03.total.notTransferredBack),
      },
      enterprise: {
        committees: sumBy(all, (report) => report.appendix03.enterprise.committees),
        cells: sumBy(all, (report) => report.appendix03.enterprise.cells),
        members: sumBy(all, (report) => report.appendix03.enterprise.members),
      },
    },
    figures: {
      permitted: sumBy(all, (report) => report.figures.permitted),
      official: sumBy(all, (report) => report.figures.official),
      selfFundedOrPrivate: sumBy(all, (report) => report.figures.selfFundedOrPrivate),
      temporaryTransfers: sumBy(all, (report) => report.figures.temporaryTransfers),
      officialTransfers: sumBy(all, (report) => report.figures.officialTransfers),
      exemptions: sumBy(all, (report) => report.figures.exemptions),
      marriagesToForeigners: sumBy(all, (report) => report.figures.marriagesToForeigners),
      leftParty: sumBy(all, (report) => report.figures.leftParty),
      abroadNow: sumBy(all, (report) => report.figures.abroadNow),
      complianceFlags: Object.fromEntries(
        complianceFlags.map((flag) => [flag, sumBy(all, (report) => report.figures.complianceFlags[flag] ?? 0)]),
      ) as ReportData['figures']['complianceFlags'],
    },
    units: [...units],
    marriages: all.flatMap((report) => report.marriages ?? []),
  };
}
