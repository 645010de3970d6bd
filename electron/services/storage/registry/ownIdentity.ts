import { desc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { RegistryDb } from '@db/connection';
import { ownKeys, units } from '@db/schema';
import { DomainError } from '@shared/errors';
import { newId } from '@shared/ids';
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
} from '../../formats/reportFiles';
import type { OfficeKeyring, OfficePrivateKeyPair } from './officeKeys';

export interface OwnIdentity {
  id: string;
  identity: OfficeIdentity;
  card: KeyCard;
  cardBytes: Uint8Array;
}

/** This office's card and public keys: anyone signed in may read and hand it out. */
export interface OwnCard {
  id: string;
  card: KeyCard;
  cardBytes: Uint8Array;
}

/** What these functions need of an open registry, named here so the registry can call them without a circle. */
export interface OfficeKeyHolder {
  readonly db: RegistryDb;
  readonly actor: Actor;
  officeKeys(): OfficeKeyring;
  officeKeysIfHeld(): OfficeKeyring | null;
}

type OwnKeyRow = typeof ownKeys.$inferSelect;

function cardOf(row: OwnKeyRow): OwnCard {
  const cardBytes = new TextEncoder().encode(row.card);
  return { id: row.id, card: parseKeyCard(cardBytes), cardBytes };
}

function withPrivateKeys(own: OwnCard, keyring: OfficeKeyring): OwnIdentity {
  const keys = keyring.privateKeys.get(own.id);
  if (!keys) throw new DomainError('OFFICE_KEYS_NOT_GRANTED');
  return { ...own, identity: importOfficeIdentity(keys) };
}

function ownUnitRef(db: RegistryDb) {
  const unit = db.select().from(units).where(eq(units.isSelf, true)).get();
  if (!unit) throw new DomainError('DATABASE_DAMAGED');
  return { code: unit.code, name: unit.name, level: unit.level };
}

/** Stores the public half and the card; the private halves go to the key file's office keys. */
function storeIdentity(
  db: RegistryDb,
  identity: OfficeIdentity,
  card: KeyCard,
): { id: string; privateKeys: OfficePrivateKeyPair } {
  const id = newId();
  db.insert(ownKeys)
    .values({
      id,
      signingPublicKey: Buffer.from(identity.signingPublicKey),
      encryptionPublicKey: Buffer.from(identity.encryptionPublicKey),
      fingerprint: card.fingerprint,
      card: new TextDecoder().decode(encodeKeyCard(card)),
      createdAt: card.createdAt,
    })
    .run();
  return { id, privateKeys: exportOfficePrivateKeys(identity) };
}

/** The office's signing and encryption keys, made once when the registry is created; the caller keeps the private halves in the key file. */
export function createOwnIdentity(db: RegistryDb, actor: Actor): { id: string; privateKeys: OfficePrivateKeyPair } {
  const identity = generateOfficeIdentity();
  const card = createKeyCard({ unit: ownUnitRef(db), identity });
  const stored = storeIdentity(db, identity, card);
  appendAudit(db, actor, {
    action: 'keys.create',
    entity: 'own_key',
    entityId: stored.id,
    after: { fingerprint: card.fingerprint },
  });
  return stored;
}

export function hasOwnIdentity(db: RegistryDb): boolean {
  return db.select({ id: ownKeys.id }).from(ownKeys).where(isNull(ownKeys.retiredAt)).get() !== undefined;
}

export function currentCard(db: RegistryDb): OwnCard {
  const row = db.select().from(ownKeys).where(isNull(ownKeys.retiredAt)).orderBy(desc(ownKeys.createdAt)).get();
  if (!row) throw new DomainError('DATABASE_DAMAGED');
  return cardOf(row);
}

/** The current keys with their private halves, for signing: only in a key holder's session. */
export function currentIdentity(registry: OfficeKeyHolder): OwnIdentity {
  return withPrivateKeys(currentCard(registry.db), registry.officeKeys());
}

/**
 * Every key this office has had, newest first, for opening what was sent to an older card; none
 * in a session without the office keys (a clerk or viewer can still verify unencrypted files).
 */
export function allIdentities(registry: OfficeKeyHolder): OwnIdentity[] {
  const keyring = registry.officeKeysIfHeld();
  if (!keyring) return [];
  return registry.db
    .select()
    .from(ownKeys)
    .orderBy(desc(ownKeys.createdAt))
    .all()
    .map(cardOf)
    .filter((own) => keyring.privateKeys.has(own.id))
    .map((own) => withPrivateKeys(own, keyring));
}

/** Private keys still in the database, from a registry made before they moved to the key file. */
export function privateKeysLeftInDatabase(db: RegistryDb): Map<string, OfficePrivateKeyPair> {
  const rows = db.select().from(ownKeys).where(isNotNull(ownKeys.signingPrivateKey)).all();
  return new Map(
    rows
      .filter((row) => row.encryptionPrivateKey !== null)
      .map((row) => [
        row.id,
        {
          signingPrivateKey: new Uint8Array(row.signingPrivateKey!),
          encryptionPrivateKey: new Uint8Array(row.encryptionPrivateKey!),
        },
      ]),
  );
}

export function clearPrivateKeysInDatabase(db: RegistryDb, actor: Actor, ids: readonly string[]): void {
  if (ids.length === 0) return;
  db.update(ownKeys)
    .set({ signingPrivateKey: null, encryptionPrivateKey: null })
    .where(inArray(ownKeys.id, [...ids]))
    .run();
  appendAudit(db, actor, { action: 'keys.move_to_keyfile', entity: 'own_key', after: { keys: ids.length } });
}

/**
 * New keys, with a card endorsed by the old signing key so the upper level can accept it
 * without a new phone check. The old keys are kept, retired, to open what was sent to them.
 * Returns the new private halves for the caller to add to the key file.
 */
export function rotateOwnIdentity(registry: OfficeKeyHolder, db: RegistryDb): { id: string; privateKeys: OfficePrivateKeyPair } {
  const previous = currentIdentity(registry);
  const identity = generateOfficeIdentity();
  const card = createKeyCard({
    unit: ownUnitRef(db),
    identity,
    predecessor: { card: previous.card, signingPrivateKey: previous.identity.signingPrivateKey },
  });
  const stored = storeIdentity(db, identity, card);
  const now = new Date().toISOString();
  db.update(ownKeys).set({ retiredAt: now, replacedBy: stored.id }).where(eq(ownKeys.id, previous.id)).run();
  appendAudit(db, registry.actor, {
    action: 'keys.rotate',
    entity: 'own_key',
    entityId: stored.id,
    before: { fingerprint: previous.card.fingerprint },
    after: { fingerprint: card.fingerprint },
  });
  return stored;
}
