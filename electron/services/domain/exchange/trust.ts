import { and, desc, eq, isNull } from 'drizzle-orm';
import type { RegistryDb } from '@db/connection';
import { trustedCards, units } from '@db/schema';
import type { UnitLevel } from '@shared/domain/enums';
import { DomainError } from '@shared/errors';
import { newId } from '@shared/ids';
import { appendAudit } from '../../storage/audit';
import {
  confirmCardFingerprint,
  formatFingerprint,
  parseKeyCard,
  refuseFutureDate,
  verifyCardRotation,
  type KeyCard,
  type TrustedSigner,
} from '../../formats/reportFiles';
import type { Registry } from '../../storage/registry/registry';

export type TrustedCardRecord = typeof trustedCards.$inferSelect;
export type Relation = TrustedCardRecord['relation'];

const levelBelow: Record<UnitLevel, UnitLevel | null> = { central: 'province', province: 'commune', commune: null };

/** Where the other unit stands from here: the parent named at set-up, a unit one level below, or neither. */
function relationTo(registry: Registry, card: KeyCard): Relation {
  const own = registry.ownUnit();
  if (own.parentCode && card.unit.code === own.parentCode) return 'parent';
  if (levelBelow[own.level] === card.unit.level) return 'child';
  return 'other';
}

function storedCard(record: TrustedCardRecord): KeyCard {
  return parseKeyCard(new TextEncoder().encode(record.card));
}

/**
 * Trusts another unit's key card. A first card is trusted only once the fingerprint read
 * over the phone or from paper matches; a card that replaces a trusted card is accepted on
 * the old key's endorsement. Trusting the same card again changes nothing.
 */
export function trustCard(registry: Registry, cardBytes: Uint8Array, typedFingerprint: string | null): TrustedCardRecord {
  const card = parseKeyCard(cardBytes);
  if (card.unit.code === registry.ownUnit().code) throw new DomainError('EXCHANGE_OWN_CARD');
  refuseFutureDate(card.createdAt, new Date(), 'PKG_CARD_CREATED_IN_FUTURE');
  const existing = registry.db.select().from(trustedCards).where(eq(trustedCards.fingerprint, card.fingerprint)).get();
  if (existing?.revokedAt)
    throw new DomainError('EXCHANGE_CARD_REVOKED', {
      unit: existing.unitName,
      fingerprint: formatFingerprint(existing.fingerprint),
    });
  if (existing) return existing;

  const predecessor = card.replaces
    ? registry.db
        .select()
        .from(trustedCards)
        .where(and(eq(trustedCards.fingerprint, card.replaces.fingerprint), isNull(trustedCards.revokedAt)))
        .get()
    : undefined;
  if (predecessor) verifyCardRotation(card, storedCard(predecessor));
  else if (typedFingerprint === null) throw new DomainError('PKG_FINGERPRINT_FORMAT');
  else confirmCardFingerprint(card, typedFingerprint);

  const relation = relationTo(registry, card);
  const record: TrustedCardRecord = {
    id: newId(),
    unitCode: card.unit.code,
    unitName: card.unit.name,
    level: card.unit.level,
    fingerprint: card.fingerprint,
    signingPublicKey: Buffer.from(card.signingPublicKey),
    encryptionPublicKey: Buffer.from(card.encryptionPublicKey),
    card: new TextDecoder().decode(cardBytes),
    relation,
    trustedAt: new Date().toISOString(),
    trustedBy: registry.user.id,
    revokedAt: null,
    revokedReason: null,
    replacesFingerprint: card.replaces?.fingerprint ?? null,
  };
  registry.write((db) => {
    db.insert(trustedCards).values(record).run();
    if (relation === 'child') ensureSubordinateUnit(db, registry, card);
    appendAudit(db, registry.actor, {
      action: predecessor ? 'keys.trust_rotation' : 'keys.trust',
      entity: 'trusted_card',
      entityId: record.id,
      after: { unitCode: record.unitCode, unitName: record.unitName, fingerprint: record.fingerprint, relation },
    });
  });
  return record;
}

function ensureSubordinateUnit(db: RegistryDb, registry: Registry, card: KeyCard) {
  const now = new Date().toISOString();
  const existing = db.select().from(units).where(eq(units.code, card.unit.code)).get();
  if (existing) {
    db.update(units).set({ name: card.unit.name, level: card.unit.level, updatedAt: now }).where(eq(units.id, existing.id)).run();
    return;
  }
  db.insert(units)
    .values({
      id: newId(),
      code: card.unit.code,
      name: card.unit.name,
      level: card.unit.level,
      parentCode: registry.ownUnit().code,
      isSelf: false,
      createdAt: now,
      updatedAt: now,
    })
    .run();
}

/** A revoked key signs nothing more that this office accepts. */
export function revokeCard(registry: Registry, id: string, reason: string): TrustedCardRecord {
  registry.write((db) => {
    const before = db.select().from(trustedCards).where(eq(trustedCards.id, id)).get();
    if (!before) throw new DomainError('NOT_FOUND');
    const revokedAt = before.revokedAt ?? new Date().toISOString();
    db.update(trustedCards).set({ revokedAt, revokedReason: reason }).where(eq(trustedCards.id, id)).run();
    appendAudit(db, registry.actor, {
      action: 'keys.revoke',
      entity: 'trusted_card',
      entityId: id,
      before: { revokedAt: before.revokedAt },
      after: { revokedAt, reason },
    });
  });
  return registry.db.select().from(trustedCards).where(eq(trustedCards.id, id)).get()!;
}

export function listTrustedCards(registry: Registry): TrustedCardRecord[] {
  return registry.db.select().from(trustedCards).orderBy(trustedCards.unitCode, desc(trustedCards.trustedAt)).all();
}

/** The trust store as package verification asks for it. */
export function signerLookup(db: RegistryDb): (fingerprint: string) => TrustedSigner | null {
  return (fingerprint) => {
    const record = db.select().from(trustedCards).where(eq(trustedCards.fingerprint, fingerprint)).get();
    return record
      ? {
          signingPublicKey: new Uint8Array(record.signingPublicKey),
          revoked: record.revokedAt !== null,
          unitCode: record.unitCode,
        }
      : null;
  };
}

/** A card named to encrypt a report file to must be one this office trusts and has not revoked. */
export function requireTrustedRecipient(registry: Registry, card: KeyCard): void {
  const record = registry.db.select().from(trustedCards).where(eq(trustedCards.fingerprint, card.fingerprint)).get();
  if (!record || record.revokedAt !== null) {
    throw new DomainError('EXCHANGE_RECIPIENT_NOT_TRUSTED', {
      unit: card.unit.name,
      code: card.unit.code,
      fingerprint: formatFingerprint(card.fingerprint),
    });
  }
}

/** The upper level's current card, to encrypt reports to it. */
export function parentCard(registry: Registry): KeyCard | null {
  const record = registry.db
    .select()
    .from(trustedCards)
    .where(and(eq(trustedCards.relation, 'parent'), isNull(trustedCards.revokedAt)))
    .orderBy(desc(trustedCards.trustedAt))
    .get();
  return record ? storedCard(record) : null;
}
