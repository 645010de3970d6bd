import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cells, members, tripCountries, trips } from '@db/schema';
import { newId } from '@shared/ids';
import { ReportData } from '@shared/report/data';
import { modelAppendix02Rows, modelPeriod, modelTrips } from '@shared/testkit/reportModel';
import { openTestRegistry, type OpenTestRegistry } from '../../../testkit/registry';
import { ownReport } from './gather';

let registry: OpenTestRegistry;

/** Writes the model report's trips into a real encrypted registry, as stored rows. */
function storeModelTrips() {
  const open = registry.session.requireRegistry();
  const unitId = open.ownUnit().id;
  const now = new Date().toISOString();
  open.write((db) => {
    const cellId = newId();
    db.insert(cells)
      .values({ id: cellId, unitId, name: 'Chi bộ 1', nameFolded: 'chi bo 1', createdAt: now, updatedAt: now })
      .run();
    const memberIds = new Map<string, string>();
    for (const trip of modelTrips()) {
      let memberId = memberIds.get(trip.memberId);
      if (!memberId) {
        memberId = newId();
        memberIds.set(trip.memberId, memberId);
        db.insert(members)
          .values({
            id: memberId,
            unitId,
            cellId,
            code: trip.memberId,
            fullName: trip.memberId,
            nameFolded: trip.memberId,
            nameSortKey: trip.memberId,
            createdAt: now,
            updatedAt: now,
          })
          .run();
      }
      const id = newId();
      db.insert(trips)
        .values({
          id,
          memberId,
          state: trip.state,
          purpose: trip.purpose,
          selfFunded: trip.selfFunded,
          travelDocumentKind: 'passport',
          applicationDate: trip.applicationDate ?? null,
          approvalDate: trip.approvalDate ?? null,
          approvalRef: trip.approvalRef ?? null,
          plannedDeparture: trip.plannedDeparture!,
          plannedReturn: trip.plannedReturn!,
          actualDeparture: trip.actualDeparture ?? null,
          actualReturn: trip.actualReturn ?? null,
          extendedReturn: trip.extendedReturn ?? null,
          overstay: trip.overstay,
          createdAt: now,
          updatedAt: now,
        })
        .run();
      db.insert(tripCountries).values({ tripId: id, country: 'KR', position: 0 }).run();
    }
  });
}

beforeAll(async () => {
  registry = await openTestRegistry({ code: 'ANGIANG', name: 'Tỉnh ủy An Giang', level: 'province', parentCode: 'TW' });
  storeModelTrips();
});

afterAll(() => registry.session.dispose());

describe('the report counted from a registry holding the model report’s trips', () => {
  it('reproduces appendix 02 of the model row for row', () => {
    const report = ownReport(registry.session.requireRegistry(), modelPeriod);
    expect(report.appendix02.rows).toEqual(modelAppendix02Rows);
    expect(report.appendix02.total).toEqual({ total: 2542, under1m: 2194, from1to3m: 254, from3to12m: 77, over12m: 17 });
    expect(report.appendix02).toMatchObject({
      specialMission: 0,
      invitedByName: 0,
      selfFundedOrPrivate: 924,
      stayedBeyondTerm: { total: 1, permitted: 1, unauthorised: 0 },
    });
    expect(report.unit).toEqual({ code: 'ANGIANG', name: 'Tỉnh ủy An Giang', level: 'province' });
    expect(ReportData.parse(report)).toEqual(report);
  });
});
