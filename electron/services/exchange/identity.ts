import { desc, eq, isNull } from 'drizzle-orm';
import type { RegistryDb } from '../../../db/connection';
import { ownKeys, units } from '../../../db/schema';
import { DomainError } from '../../../shared/errors';
import { newId } from '../../../shared/ids';
import { appendAudit, type Actor } from '../audit';
import {
  createKeyCard,
  encodeKeyCard,
  exportOfficePrivateKeys,
  generateOfficeIdentity,
  importOfficeIdentity,
  parseKeyCard,
  type KeyCard,
  type OfficeIdentity,
} from '../packages';

export interface OwnIdentity {
  id: string;
  identity: OfficeIdentity;
  card: KeyCard;
  cardBytes: Uint8Array;
}

type OwnKeyRow = typeof ownKeys.$inferSelect;

function fromRow(row: OwnKeyRow): OwnIdentity {
  const identity = importOfficeIdentity({ signingPrivateKey: row.signingPrivateKey, encryptionPrivateKey: row.encryptionPrivateKey });
  const cardBytes = new TextEncoder().encode(row.card);
  return { id: row.id, identity, card: parseKeyCard(cardBytes), cardBytes };
}

function ownUnitRef(db: RegistryDb) {
  const unit = db.select().from(units).where(eq(units.isSelf, true)).get();
  if (!unit) throw new DomainError('DATABASE_DAMAGED');
  return { code: unit.code, name: unit.name, level: unit.level };
}

function storeIdentity(db: RegistryDb, identity: OfficeIdentity, card: KeyCard): string {
  const id = newId();
  const keys = exportOfficePrivateKeys(identity);
  db.insert(ownKeys)
    .values({
      id,
      signingPublicKey: Buffer.from(identity.signingPublicKey),
      signingPrivateKey: Buffer.from(keys.signingPrivateKey),
      encryptionPublicKey: Buffer.from(identity.encryptionPublicKey),
      encryptionPrivateKey: Buffer.from(keys.encryptionPrivateKey),
      fingerprint: card.fingerprint,
      card: new TextDecoder().decode(encodeKeyCard(card)),
      createdAt: card.createdAt,
    })
    .run();
  return id;
}

/** The office's signing and encryption keys, made once when the registry is created; private halves never leave it. */
export function ensureOwnIdentity(db: RegistryDb, actor: Actor): void {
  if (db.select({ id: ownKeys.id }).from(ownKeys).where(isNull(ownKeys.retiredAt)).get()) return;
  const identity = generateOfficeIdentity();
  const card = createKeyCard({ unit: ownUnitRef(db), identity });
  const id = storeIdentity(db, identity, card);
  appendAudit(db, actor, { action: 'keys.create', entity: 'own_key', entityId: id, after: { fingerprint: card.fingerprint } });
}

export function currentIdentity(db: RegistryDb): OwnIdentity {
  const row = db.select().from(ownKeys).where(isNull(ownKeys.retiredAt)).orderBy(desc(ownKeys.createdAt)).get();
  if (!row) throw new DomainError('DATABASE_DAMAGED');
  return fromRow(row);
}

/** Every key this office has had, newest first: packages sent to an older card can still be opened. */
export function allIdentities(db: RegistryDb): OwnIdentity[] {
  return db.select().from(ownKeys).orderBy(desc(ownKeys.createdAt)).all().map(fromRow);
}

/**
 * New keys, with a card endorsed by the old signing key so the upper level can accept it
 * without a new phone check. The old keys are kept, retired, to open what was sent to them.
 */
export function rotateOwnIdentity(db: RegistryDb, actor: Actor): OwnIdentity {
  const previous = currentIdentity(db);
  const identity = generateOfficeIdentity();
  const card = createKeyCard({ unit: ownUnitRef(db), identity, predecessor: { card: previous.card, signingPrivateKey: previous.identity.signingPrivateKey } });
  const id = storeIdentity(db, identity, card);
  const now = new Date().toISOString();
  db.update(ownKeys).set({ retiredAt: now, replacedBy: id }).where(eq(ownKeys.id, previous.id)).run();
  appendAudit(db, actor, { action: 'keys.rotate', entity: 'own_key', entityId: id, before: { fingerprint: previous.card.fingerprint }, after: { fingerprint: card.fingerprint } });
  return currentIdentity(db);
}
