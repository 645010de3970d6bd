import type { ParsedInput } from '@shared/contract';
import type { exchangeCalls, KeyCardSummary, PackageSummary } from '@shared/contract/exchange';
import { addSubordinateUnit, completeness } from '../../domain/exchange/combined';
import { currentCard } from '../../storage/registry/ownIdentity';
import { exportRoundRequest, listRounds, saveRound } from '../../domain/exchange/rounds';
import {
  exportReportPackage,
  importPackageFile,
  importPackageFiles,
  packageHistory,
  storedPackageDetails,
  storedPackageSummary,
  verifyPackageSummary,
} from '../../domain/exchange/transfer';
import { listTrustedCards, revokeCard, trustCard, type TrustedCardRecord } from '../../domain/exchange/trust';
import { formatFingerprint, parseKeyCard } from '../../formats/reportFiles';
import type { Registry } from '../../storage/registry/registry';
import type { HandlerSet } from './types';

function summaryWithoutReport({ report: _report, ...summary }: PackageSummary) {
  return summary;
}

function cardSummary(record: TrustedCardRecord): KeyCardSummary {
  return {
    id: record.id,
    unitCode: record.unitCode,
    unitName: record.unitName,
    level: record.level,
    fingerprint: formatFingerprint(record.fingerprint),
    relation: record.relation,
    trustedAt: record.trustedAt,
    revokedAt: record.revokedAt,
    revokedReason: record.revokedReason,
    rotatedFrom: record.replacesFingerprint ? formatFingerprint(record.replacesFingerprint) : null,
  };
}

function ownCard(registry: Registry) {
  const own = currentCard(registry.db);
  return {
    fingerprint: formatFingerprint(own.card.fingerprint),
    fileName: `TheKhoa_${own.card.unit.code}.json`,
    contentBase64: Buffer.from(own.cardBytes).toString('base64'),
    unitCode: own.card.unit.code,
    createdAt: own.card.createdAt,
  };
}

const bytesOf = (contentBase64: string) => new Uint8Array(Buffer.from(contentBase64, 'base64'));

/** A named key card, else the parent unit's key, else no encryption. */
function recipientOf(input: ParsedInput<'packages.export'>) {
  if (input.recipientCard) return parseKeyCard(bytesOf(input.recipientCard.contentBase64));
  return input.encryptToParent ? 'parent' : null;
}

export const exchangeHandlers: HandlerSet<keyof typeof exchangeCalls> = {
  'keys.ownCard': (_input, { session }) => ownCard(session.requireRegistry()),
  'keys.list': (_input, { session }) => listTrustedCards(session.requireRegistry()).map(cardSummary),
  'keys.inspectCard': ({ contentBase64 }) => {
    const card = parseKeyCard(bytesOf(contentBase64));
    return {
      unitCode: card.unit.code,
      unitName: card.unit.name,
      level: card.unit.level,
      fingerprint: formatFingerprint(card.fingerprint),
      rotation: card.replaces !== null,
    };
  },
  'keys.trust': ({ contentBase64, fingerprint }, { session }) =>
    cardSummary(trustCard(session.requireRegistry(), bytesOf(contentBase64), fingerprint)),
  'keys.revoke': ({ id, reason }, { session }) => cardSummary(revokeCard(session.requireRegistry(), id, reason)),
  'keys.rotate': async (_input, { session }) => {
    const registry = session.requireRegistry();
    await registry.rotateOfficeKeys();
    return ownCard(registry);
  },
  'units.add': ({ code, name }, { session }) => {
    addSubordinateUnit(session.requireRegistry(), code, name);
    return { done: true };
  },

  'packages.export': async (input, { session }) => {
    const exported = await session.jobs.run(input.jobId, 'packages.export', (onProgress) =>
      exportReportPackage(
        session.requireRegistry(),
        {
          period: input.period,
          roundId: input.roundId ?? null,
          recipient: recipientOf(input),
          includeDocuments: input.includeDocuments,
        },
        onProgress,
      ),
    );
    return {
      fileName: exported.fileName,
      contentBase64: Buffer.from(exported.content).toString('base64'),
      packageId: exported.packageId,
      version: exported.version,
    };
  },
  'packages.verify': ({ contentBase64 }, { session }) => verifyPackageSummary(session.requireRegistry(), bytesOf(contentBase64)),
  'packages.import': ({ contentBase64 }, { session }) => importPackageFile(session.requireRegistry(), bytesOf(contentBase64)),
  'packages.importMany': async ({ files, jobId }, { session }) => {
    const registry = session.requireRegistry();
    const results = await session.jobs.run(jobId, 'packages.import', (onProgress) =>
      importPackageFiles(
        registry,
        files.map((file) => ({ fileName: file.fileName, bytes: bytesOf(file.contentBase64) })),
        onProgress,
      ),
    );
    return {
      results: results.map((result) =>
        result.ok
          ? { fileName: result.fileName, outcome: result.outcome, summary: summaryWithoutReport(result.summary), error: null }
          : { fileName: result.fileName, outcome: null, summary: null, error: { code: result.code, params: result.params } },
      ),
    };
  },
  'packages.history': (filter, { session }) => packageHistory(session.requireRegistry(), filter),
  'packages.unitReport': ({ packageId }, { session }) => storedPackageSummary(session.requireRegistry(), packageId),
  'packages.details': ({ packageId }, { session }) => storedPackageDetails(session.requireRegistry(), packageId),

  'rounds.list': (_input, { session }) => listRounds(session.requireRegistry()),
  'rounds.save': (input, { session }) => saveRound(session.requireRegistry(), input),
  'rounds.exportRequest': ({ id }, { session }) => {
    const file = exportRoundRequest(session.requireRegistry(), id);
    return { fileName: file.fileName, contentBase64: Buffer.from(file.content).toString('base64') };
  },
  'rounds.completeness': ({ period, roundId }, { session }) => completeness(session.requireRegistry(), period, roundId),
};
