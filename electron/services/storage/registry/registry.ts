import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { openRegistryDatabase, translateSqliteError, type OpenOptions, type OpenRegistry, type RegistryDb } from '@db/connection';
import { legalBases, settings, units, users } from '@db/schema';
import { legalBasisSeeds } from '@shared/domain/legalBases';
import type { UnitLevel, UserRole } from '@shared/domain/enums';
import { DomainError } from '@shared/errors';
import { newId } from '@shared/ids';
import { appendAudit, auditHead, chainPassesThrough, type Actor } from '../audit';
import {
  clearPrivateKeysInDatabase,
  createOwnIdentity,
  hasOwnIdentity,
  privateKeysLeftInDatabase,
  rotateOwnIdentity,
} from './ownIdentity';
import {
  grantOfficeKeys,
  holdsOfficeKeys,
  newOfficeKeys,
  openOfficeKeysWithPassword,
  openOfficeKeysWithRecovery,
  resealOfficeKeys,
  rewrapOfficeKeysForNewRecoveryKey,
  withdrawOfficeKeys,
  type OfficeKeyring,
} from './officeKeys';
import { checkIntegrity, requireIntact, type IntegrityVerdict } from './integrity';
import {
  currentKeyfileVersion,
  deriveDatabaseKey,
  findUserEntry,
  isLegacyEntry,
  keyfilePathFor,
  userLookup,
  newRecoveryKey,
  parseRecoveryKey,
  readKeyfile,
  rekeyKeyfile,
  unwrapWithPassword,
  unwrapWithRecovery,
  wrapForRecovery,
  wrapForUser,
  writeKeyfile,
  type KeyfileContent,
  type UserEntry,
} from './keyfile';
import { throttleDelaySeconds } from './throttle';
import { keepUpgradeBackup, upgradeSnapshotFile } from './upgradeBackup';
import type { z } from 'zod';
import type { ReportHeadingSettings } from '@shared/report/issuer';
import { reportHeadingSetting, writeSetting } from '../settings';

export interface UnitInput {
  code: string;
  name: string;
  level: UnitLevel;
  parentCode?: string | null | undefined;
  /** Written as the unit's heading settings when given at first run. */
  reportHeading?: z.input<typeof ReportHeadingSettings> | undefined;
}

export interface NewUserInput {
  username: string;
  displayName: string;
  password: string;
}

export interface SignedInUser {
  id: string;
  username: string;
  displayName: string;
  role: UserRole;
}

export interface OwnUnit {
  id: string;
  code: string;
  name: string;
  level: UnitLevel;
  parentCode: string | null;
}

export const registryIdKey = 'registry.id';

export interface UnlockOptions extends OpenOptions {
  /**
   * Opens without the quick check; whoever asks for this runs the check (`quickCheckByTable`) and
   * sets `openingCheck` itself. The application does, so signing in does not wait for every page to be read.
   */
  deferOpeningCheck?: boolean;
}

/** An unlocked registry: the open encrypted database, its key and the signed-in user. */
export class Registry {
  private constructor(
    readonly databaseFile: string,
    private readonly handle: OpenRegistry,
    private databaseKey: Buffer,
    readonly registryId: string,
    readonly user: SignedInUser,
    /**
     * The quick check of the file at opening: a damaged file is refused before anyone works on it.
     * Null while a check deferred by `deferOpeningCheck` has not finished (see `AppSession`).
     */
    public openingCheck: IntegrityVerdict | null,
  ) {}

  /** The office's private keys, unwrapped at sign-in for an administrator or leader who was given them. */
  private keyring: OfficeKeyring | null = null;

  private pendingUpgradeSnapshot: { snapshot: string; fromVersion: number } | null = null;
  /** The backup taken when this opening migrated the registry from an older version, if it did. */
  upgradeBackupFile: string | null = null;

  get db(): RegistryDb {
    return this.handle.db;
  }

  get sqlite() {
    return this.handle.sqlite;
  }

  get schemaVersion(): number {
    return this.handle.schemaVersion;
  }

  get keyfile(): string {
    return keyfilePathFor(this.databaseFile);
  }

  get actor(): Actor {
    return { userId: this.user.id, username: this.user.username };
  }

  ownUnit(): OwnUnit {
    const unit = this.db.select().from(units).where(eq(units.isSelf, true)).get();
    if (!unit) throw new DomainError('DATABASE_DAMAGED');
    return { id: unit.id, code: unit.code, name: unit.name, level: unit.level, parentCode: unit.parentCode };
  }

  /** The office keys for signing or opening report files; refused for a role that does not hold them. */
  officeKeys(): OfficeKeyring {
    if (!holdsOfficeKeys(this.user.role)) throw new DomainError('OFFICE_KEYS_ROLE');
    if (!this.keyring) throw new DomainError('OFFICE_KEYS_NOT_GRANTED');
    return this.keyring;
  }

  officeKeysIfHeld(): OfficeKeyring | null {
    return holdsOfficeKeys(this.user.role) ? this.keyring : null;
  }

  /** Runs `work` in one transaction; the audit rows it appends commit with it or not at all. */
  write<T>(work: (db: RegistryDb) => T): T {
    return this.db.transaction((tx) => work(tx as unknown as RegistryDb));
  }

  static exists(databaseFile: string): boolean {
    return existsSync(databaseFile) || existsSync(keyfilePathFor(databaseFile));
  }

  /** Creates the encrypted registry, its key file and the first administrator; returns the recovery key once. */
  static async create(
    databaseFile: string,
    input: { unit: UnitInput; admin: NewUserInput; recoveryKey?: string },
    options: OpenOptions = {},
  ): Promise<{ registry: Registry; recoveryKey: string }> {
    if (Registry.exists(databaseFile)) throw new DomainError('ALREADY_INITIALISED', { path: databaseFile });
    if (input.unit.level !== 'central' && !input.unit.parentCode) throw new DomainError('PARENT_REQUIRED');
    await fs.mkdir(path.dirname(databaseFile), { recursive: true });

    const recovery = input.recoveryKey
      ? { text: input.recoveryKey, bytes: parseRecoveryKey(input.recoveryKey) }
      : newRecoveryKey();
    if (!recovery.bytes) throw new DomainError('WRONG_RECOVERY_KEY');
    const databaseKey = deriveDatabaseKey(recovery.bytes);
    const registryId = randomUUID();
    const content: KeyfileContent = {
      format: 'so86-keyfile',
      version: currentKeyfileVersion,
      registryId,
      unitName: input.unit.name,
      users: [await wrapForUser({ registryId }, input.admin.username, input.admin.password, databaseKey)],
      recovery: wrapForRecovery(registryId, recovery.bytes, databaseKey),
      disabled: [],
    };
    let keyring: OfficeKeyring;

    const handle = openRegistryDatabase(databaseFile, databaseKey, options);
    const now = new Date().toISOString();
    const admin: SignedInUser = {
      id: newId(),
      username: input.admin.username,
      displayName: input.admin.displayName,
      role: 'administrator',
    };
    try {
      handle.db.transaction((tx) => {
        tx.insert(settings).values({ key: registryIdKey, value: registryId, updatedAt: now }).run();
        tx.insert(units)
          .values({
            id: newId(),
            code: input.unit.code,
            name: input.unit.name,
            level: input.unit.level,
            parentCode: input.unit.parentCode ?? null,
            isSelf: true,
            createdAt: now,
            updatedAt: now,
          })
          .run();
        tx.insert(users)
          .values({ ...admin, active: true, passwordChangedAt: now, createdAt: now, updatedAt: now })
          .run();
        for (const seed of legalBasisSeeds)
          tx.insert(legalBases)
            .values({ id: newId(), ...seed, createdAt: now, updatedAt: now })
            .run();
        const actor = { userId: admin.id, username: admin.username };
        appendAudit(tx as unknown as RegistryDb, actor, { action: 'registry.create', entity: 'unit', after: input.unit });
        appendAudit(tx as unknown as RegistryDb, actor, {
          action: 'user.create',
          entity: 'user',
          entityId: admin.id,
          after: { username: admin.username, role: admin.role },
        });
        const own = createOwnIdentity(tx as unknown as RegistryDb, actor);
        keyring = newOfficeKeys(content, new Map([[own.id, own.privateKeys]]), recovery.bytes!);
        if (input.unit.reportHeading)
          writeSetting(tx as unknown as RegistryDb, actor, reportHeadingSetting, input.unit.reportHeading);
      });
      await grantOfficeKeys(content, keyring!, input.admin.username, input.admin.password);
      await writeKeyfile(keyfilePathFor(databaseFile), content);
    } catch (error) {
      handle.sqlite.close();
      await removeRegistryFiles(databaseFile);
      throw error;
    }
    const registry = new Registry(databaseFile, handle, databaseKey, registryId, admin, checkIntegrity(handle.sqlite, 'quick'));
    registry.keyring = keyring!;
    return { registry, recoveryKey: recovery.text };
  }

  /**
   * Unlocks with a user's password. Without a user name (the command line), the password
   * is tried against every account in the key file; the account it opens is the user.
   */
  static async unlock(
    databaseFile: string,
    username: string | null,
    password: string,
    options: UnlockOptions = {},
    now = new Date(),
  ): Promise<Registry> {
    if (!existsSync(databaseFile)) throw new DomainError('NOT_INITIALISED');
    const keyfile = keyfilePathFor(databaseFile);
    const pending = pendingKeyfilePathFor(databaseFile);
    try {
      const registry = await Registry.unlockWith(databaseFile, await readKeyfile(keyfile), username, password, options, now);
      // The database opened with the current key file: a rekey that left its next key file behind never changed the database.
      await fs.rm(pending, { force: true });
      return registry;
    } catch (error) {
      // A rekey interrupted after the database took its new key: the next key file, written first, opens it.
      if (!(error instanceof DomainError && error.code === 'DATABASE_DAMAGED') || !existsSync(pending)) throw error;
      const registry = await Registry.unlockWith(databaseFile, await readKeyfile(pending), username, password, options, now);
      await fs.rename(pending, keyfile);
      return registry;
    }
  }

  private static async unlockWith(
    databaseFile: string,
    content: KeyfileContent,
    username: string | null,
    password: string,
    options: UnlockOptions,
    now: Date,
  ): Promise<Registry> {
    const keyfile = keyfilePathFor(databaseFile);
    if (username === null) return Registry.unlockAnyAccount(databaseFile, content, password, options);
    const entry = findUserEntry(content, username);
    if (!entry) {
      // The same work as a real attempt, so timing does not reveal which user names exist.
      await wrapForUser(content, username, password, randomBytes(32));
      throw new DomainError('WRONG_PASSWORD');
    }
    const wait = throttleDelaySeconds(entry.failedAttempts, entry.lastFailureAt, now);
    if (wait > 0) throw new DomainError('THROTTLED', { seconds: wait });
    // Both derivations from the password at once, each on a thread of its own: signing in waits for one, not two.
    const officeKeys = openOfficeKeysWithPassword(content, username, password);
    officeKeys.catch(() => undefined);
    const databaseKey = await unwrapWithPassword(content, entry, password);
    if (!databaseKey) {
      entry.failedAttempts += 1;
      entry.lastFailureAt = now.toISOString();
      await writeKeyfile(keyfile, content);
      throw new DomainError('WRONG_PASSWORD');
    }
    const registry = Registry.openWithKey(
      databaseFile,
      databaseKey,
      content.registryId,
      (candidate) => candidate === username.normalize('NFC').trim().toLowerCase(),
      options,
    );
    const unitName = registry.ownUnit().name;
    if (entry.failedAttempts > 0 || isLegacyEntry(entry) || content.unitName !== unitName) {
      content.unitName = unitName;
      await registry.refreshEntry(content, entry, username, password);
    }
    return registry.signedIn('session.unlock').takeOfficeKeys(content, password, officeKeys);
  }

  private static async unlockAnyAccount(
    databaseFile: string,
    content: KeyfileContent,
    password: string,
    options: UnlockOptions,
  ): Promise<Registry> {
    for (const entry of content.users) {
      const databaseKey = await unwrapWithPassword(content, entry, password);
      if (!databaseKey) continue;
      const registry = Registry.openWithKey(
        databaseFile,
        databaseKey,
        content.registryId,
        (candidate) => userLookup(content.registryId, candidate) === entry.lookup,
        options,
      );
      if (isLegacyEntry(entry)) await registry.refreshEntry(content, entry, registry.user.username, password);
      return registry.signedIn('session.unlock').takeOfficeKeys(content, password);
    }
    throw new DomainError('WRONG_PASSWORD');
  }

  /** After a successful sign-in: the failure count cleared, and a version 1 entry rewritten in the current form with the password just typed. */
  private async refreshEntry(content: KeyfileContent, entry: UserEntry, username: string, password: string): Promise<void> {
    try {
      const fresh = isLegacyEntry(entry)
        ? await wrapForUser(content, username, password, this.databaseKey)
        : { ...entry, failedAttempts: 0, lastFailureAt: null };
      content.users = content.users.map((candidate) => (candidate.lookup === entry.lookup ? fresh : candidate));
      await writeKeyfile(this.keyfile, content);
    } catch (error) {
      this.close();
      throw error;
    }
  }

  /**
   * Unlocks with the recovery key and gives `username` a new password. A missing or damaged key
   * file is rebuilt from the recovery key alone (the damaged one is kept beside it); the other
   * accounts then need a new password from an administrator.
   */
  static async recover(
    databaseFile: string,
    recoveryKey: string,
    username: string,
    newPassword: string,
    options: OpenOptions = {},
  ): Promise<Registry> {
    if (!existsSync(databaseFile)) throw new DomainError('NOT_INITIALISED');
    const recoveryBytes = parseRecoveryKey(recoveryKey);
    if (!recoveryBytes) throw new DomainError('WRONG_RECOVERY_KEY');
    const keyfile = keyfilePathFor(databaseFile);
    const stored = await readKeyfile(keyfile).catch((error: unknown) => {
      if (error instanceof DomainError && (error.code === 'KEYFILE_MISSING' || error.code === 'KEYFILE_DAMAGED')) return null;
      throw error;
    });
    const databaseKey = stored ? unwrapWithRecovery(stored, recoveryBytes) : deriveDatabaseKey(recoveryBytes);
    if (!databaseKey) throw new DomainError('WRONG_RECOVERY_KEY');
    const normalised = username.normalize('NFC').trim().toLowerCase();
    let registry: Registry;
    try {
      registry = Registry.openWithKey(
        databaseFile,
        databaseKey,
        stored?.registryId ?? null,
        (candidate) => candidate === normalised,
        options,
      );
    } catch (error) {
      // A key derived from the wrong recovery key opens nothing: the file just looks damaged.
      if (!stored && error instanceof DomainError && error.code === 'DATABASE_DAMAGED')
        throw new DomainError('WRONG_RECOVERY_KEY');
      throw error;
    }
    // A missing key file is rebuilt from the database's own identity and the recovery key.
    const content: KeyfileContent = stored ?? {
      format: 'so86-keyfile',
      version: currentKeyfileVersion,
      registryId: registry.registryId,
      users: [],
      recovery: wrapForRecovery(registry.registryId, recoveryBytes, databaseKey),
      disabled: [],
    };
    try {
      const fresh = await wrapForUser(content, username, newPassword, databaseKey);
      content.users = [...content.users.filter((candidate) => candidate.lookup !== fresh.lookup), fresh];
      registry.keyring = openOfficeKeysWithRecovery(content, recoveryBytes);
      if (registry.keyring && holdsOfficeKeys(registry.user.role))
        await grantOfficeKeys(content, registry.keyring, username, newPassword);
      if (!stored && existsSync(keyfile)) await fs.rename(keyfile, `${keyfile}.damaged-${Date.now()}`);
      await writeKeyfile(keyfile, content);
    } catch (error) {
      registry.close();
      throw error;
    }
    return registry.signedIn('session.recover').takeOfficeKeys(content, newPassword);
  }

  async changePassword(currentPassword: string, newPassword: string): Promise<void> {
    if (currentPassword === newPassword) throw new DomainError('PASSWORD_UNCHANGED');
    const content = await readKeyfile(this.keyfile);
    const entry = findUserEntry(content, this.user.username);
    if (!entry || !(await unwrapWithPassword(content, entry, currentPassword))) throw new DomainError('WRONG_PASSWORD');
    const fresh = await wrapForUser(content, this.user.username, newPassword, this.databaseKey);
    content.users = content.users.map((candidate) => (candidate.lookup === fresh.lookup ? fresh : candidate));
    if (this.officeKeysIfHeld()) await grantOfficeKeys(content, this.keyring!, this.user.username, newPassword);
    await writeKeyfile(this.keyfile, content);
    const now = new Date().toISOString();
    this.write((db) => {
      db.update(users).set({ passwordChangedAt: now, updatedAt: now }).where(eq(users.id, this.user.id)).run();
      appendAudit(db, this.actor, { action: 'user.change_password', entity: 'user', entityId: this.user.id });
    });
  }

  /**
   * Lets `username` open the registry with `password` (a new account, an account enabled again, or a
   * password reset by an administrator). An administrator or leader is also given the office keys,
   * which needs them unwrapped in this session; any other role has its office-key wrapping removed.
   */
  async grantAccess(username: string, password: string, role: UserRole): Promise<void> {
    const content = await readKeyfile(this.keyfile);
    const fresh = await wrapForUser(content, username, password, this.databaseKey);
    content.users = [...content.users.filter((candidate) => candidate.lookup !== fresh.lookup), fresh];
    content.disabled = content.disabled.filter((lookup) => lookup !== fresh.lookup);
    if (holdsOfficeKeys(role)) await grantOfficeKeys(content, this.officeKeys(), username, password);
    else withdrawOfficeKeys(content, username);
    await writeKeyfile(this.keyfile, content);
  }

  /**
   * Removes the account's entry and its office-key wrapping, and notes it as disabled: its password
   * no longer opens the registry nor the office keys, nor restores a backup over it.
   */
  async revokeAccess(username: string): Promise<void> {
    const content = await readKeyfile(this.keyfile);
    const lookup = userLookup(content.registryId, username);
    content.users = content.users.filter((candidate) => candidate.lookup !== lookup);
    content.disabled = [...new Set([...content.disabled, lookup])];
    withdrawOfficeKeys(content, username);
    await writeKeyfile(this.keyfile, content);
  }

  /** After a change of role to one that does not sign: the account's office-key wrapping goes. */
  async withdrawOfficeKeys(username: string): Promise<void> {
    const content = await readKeyfile(this.keyfile);
    withdrawOfficeKeys(content, username);
    await writeKeyfile(this.keyfile, content);
  }

  /**
   * Moves the audit anchor sealed with the office keys to the chain's head, in a key holder's
   * session. A chain that no longer passes through the old anchor was rewritten: the old anchor
   * stays, so `audit verify` keeps showing it.
   */
  async sealAuditAnchor(): Promise<void> {
    const keyring = this.officeKeysIfHeld();
    if (!keyring || (keyring.auditAnchor && !chainPassesThrough(this, keyring.auditAnchor))) return;
    const content = await readKeyfile(this.keyfile);
    keyring.auditAnchor = auditHead(this.db);
    resealOfficeKeys(content, keyring);
    await writeKeyfile(this.keyfile, content);
  }

  /** New office keys (see `rotateOwnIdentity`), their private halves added to the key file. */
  async rotateOfficeKeys(): Promise<void> {
    const keyring = this.officeKeys();
    const content = await readKeyfile(this.keyfile);
    const made = this.write((db) => rotateOwnIdentity(this, db));
    keyring.privateKeys.set(made.id, made.privateKeys);
    resealOfficeKeys(content, keyring);
    await writeKeyfile(this.keyfile, content);
  }

  /**
   * Đổi khóa sổ: a fresh registry key (from a new random recovery key), applied to the database with SQLCipher's rekey,
   * sealed again to every active account and wrapped under the new recovery key. A copy of the
   * old key file, with an old password or the old recovery key, opens nothing any more. The next
   * key file is written before the database changes, so a crash in between leaves one that opens
   * it (`unlock` finds it). Returns the new recovery key, shown once, and the active accounts whose
   * version 1 entry could not be resealed without their password: they need a new password.
   */
  async rekey(): Promise<{ recoveryKey: string; needNewPassword: string[] }> {
    const { databaseKey, ...rekeyed } = await rekeyOpenRegistry(
      this.handle,
      this.databaseFile,
      this.actor,
      await readKeyfile(this.keyfile),
      this.officeKeysIfHeld(),
    );
    this.databaseKey.fill(0);
    this.databaseKey = databaseKey;
    return rekeyed;
  }

  /** Drops the key from memory and closes the file. */
  close(): void {
    this.databaseKey.fill(0);
    this.keyring?.officeKey.fill(0);
    this.keyring = null;
    if (this.handle.sqlite.open) this.handle.sqlite.close();
  }

  /**
   * Opens the file with its key and finds the user. When this opening migrates an older schema,
   * the file is first copied through its own cipher; `keepUpgradeBackup` packs that copy.
   */
  private static openWithKey(
    databaseFile: string,
    databaseKey: Buffer,
    expectedRegistryId: string | null,
    isUser: (username: string) => boolean,
    options: UnlockOptions,
  ): Registry {
    const snapshot = options.readonly ? undefined : upgradeSnapshotFile(databaseFile);
    const handle = openRegistryDatabase(
      databaseFile,
      databaseKey,
      snapshot ? { ...options, snapshotBeforeMigration: snapshot } : options,
    );
    try {
      const storedId = handle.db
        .select({ value: settings.value })
        .from(settings)
        .where(eq(settings.key, registryIdKey))
        .get()?.value;
      if (typeof storedId !== 'string' || (expectedRegistryId !== null && storedId !== expectedRegistryId))
        throw new DomainError('DATABASE_DAMAGED');
      const row = handle.db
        .select()
        .from(users)
        .all()
        .find((candidate) => isUser(candidate.username));
      if (!row) throw new DomainError('USER_NOT_FOUND', { username: '' });
      if (!row.active) throw new DomainError('USER_INACTIVE', { username: row.username });
      const openingCheck = options.deferOpeningCheck ? null : requireIntact(checkIntegrity(handle.sqlite, 'quick'));
      const registry = new Registry(
        databaseFile,
        handle,
        databaseKey,
        storedId,
        { id: row.id, username: row.username, displayName: row.displayName, role: row.role },
        openingCheck,
      );
      if (snapshot && handle.migratedFrom !== null)
        registry.pendingUpgradeSnapshot = { snapshot, fromVersion: handle.migratedFrom };
      return registry;
    } catch (error) {
      handle.sqlite.close();
      throw translateSqliteError(error);
    }
  }

  /** After the first opening by a newer version: the copy of the registry as it was, kept as a backup. */
  private async keepBackupOfOlderVersion(): Promise<Registry> {
    const pending = this.pendingUpgradeSnapshot;
    if (!pending) return this;
    this.pendingUpgradeSnapshot = null;
    const unit = this.ownUnit();
    try {
      const file = await keepUpgradeBackup({
        databaseFile: this.databaseFile,
        keyfile: this.keyfile,
        registryId: this.registryId,
        unit: { code: unit.code, level: unit.level },
        ...pending,
      });
      this.write((db) =>
        appendAudit(db, this.actor, {
          action: 'backup.before_upgrade',
          entity: 'backup',
          before: { schemaVersion: pending.fromVersion },
          after: { schemaVersion: this.schemaVersion, fileName: path.basename(file) },
        }),
      );
      this.upgradeBackupFile = file;
    } catch (error) {
      this.close();
      throw error;
    }
    return this;
  }

  /**
   * For an administrator or leader: unwraps the office keys. The first such sign-in on a registry
   * made before the keys moved out of the database moves them into the key file, then clears them
   * from the database and rewrites the file so no freed page or journal still holds them.
   */
  private async takeOfficeKeys(
    content: KeyfileContent,
    password: string,
    unwrapping: Promise<OfficeKeyring | null> | null = null,
  ): Promise<Registry> {
    try {
      if (holdsOfficeKeys(this.user.role)) {
        this.keyring = await (unwrapping ?? openOfficeKeysWithPassword(content, this.user.username, password));
        await this.moveOfficeKeysOutOfDatabase(content, password);
      }
      await this.sealAuditAnchor();
    } catch (error) {
      this.close();
      throw error;
    }
    return this.keepBackupOfOlderVersion();
  }

  private async moveOfficeKeysOutOfDatabase(content: KeyfileContent, password: string): Promise<void> {
    const leftover = privateKeysLeftInDatabase(this.db);
    const withoutIdentity = !hasOwnIdentity(this.db);
    if (leftover.size === 0 && !withoutIdentity) return;
    // Keys already moved but not given to this account: it waits for an administrator to give them.
    if (content.officeKeys && !this.keyring) return;
    const keyring = this.keyring ?? newOfficeKeys(content, new Map(), null);
    for (const [id, pair] of leftover) keyring.privateKeys.set(id, pair);
    if (withoutIdentity) {
      const made = this.write((db) => createOwnIdentity(db, this.actor));
      keyring.privateKeys.set(made.id, made.privateKeys);
    }
    resealOfficeKeys(content, keyring);
    if (!this.keyring) await grantOfficeKeys(content, keyring, this.user.username, password);
    await writeKeyfile(this.keyfile, content);
    this.keyring = keyring;
    if (leftover.size === 0) return;
    this.write((db) => clearPrivateKeysInDatabase(db, this.actor, [...leftover.keys()]));
    this.sqlite.exec('VACUUM');
    this.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  }

  /** Records the sign-in; when that write fails (a full disk), the file is let go rather than left held. */
  private signedIn(action: string): Registry {
    const now = new Date().toISOString();
    try {
      this.write((db) => {
        db.update(users).set({ lastSignInAt: now }).where(eq(users.id, this.user.id)).run();
        appendAudit(db, this.actor, { action, entity: 'user', entityId: this.user.id });
      });
    } catch (error) {
      this.close();
      throw error;
    }
    return this;
  }

  counts(): Record<string, number> {
    const count = (table: string) => (this.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return {
      members: count('members'),
      cells: count('cells'),
      trips: count('trips'),
      partyActivityEvents: count('party_activity_events'),
      issuedDocuments: count('issued_documents'),
      importedPackages: count('imported_packages'),
      users: count('users'),
      auditRows: count('audit_log'),
    };
  }
}

/**
 * The rekey itself, for a signed-in registry and for a restored one before it is moved into place:
 * a new recovery key and the registry key it derives, the key file's secrets moved to them for the
 * accounts the database holds active (`current.disabled` and the inactive ones listed as disabled),
 * the office keys' recovery wrapping renewed when `keyring` is given, the next key file written, the
 * database rekeyed, then the key file renamed into place and the rekey audited.
 */
export async function rekeyOpenRegistry(
  handle: Pick<OpenRegistry, 'db' | 'sqlite'>,
  databaseFile: string,
  actor: Actor,
  current: KeyfileContent,
  keyring: OfficeKeyring | null,
): Promise<{ recoveryKey: string; needNewPassword: string[]; databaseKey: Buffer }> {
  const { text: recoveryKey, bytes: recoveryBytes } = newRecoveryKey();
  const accounts = handle.db.select({ username: users.username, active: users.active }).from(users).all();
  const lookupOf = (username: string) => userLookup(current.registryId, username);
  const activeByLookup = new Map(
    accounts.filter((account) => account.active).map((account) => [lookupOf(account.username), account.username]),
  );
  const databaseKey = deriveDatabaseKey(recoveryBytes);
  const { content, droppedLegacy } = rekeyKeyfile(current, {
    databaseKey,
    recoveryBytes,
    keep: (entry) => activeByLookup.has(entry.lookup),
    disabled: [
      ...current.disabled,
      ...accounts.filter((account) => !account.active).map((account) => lookupOf(account.username)),
    ],
  });
  // The office keys follow the new recovery key when this session holds them; otherwise their recovery
  // wrapping stays under the old key, and the key holders' own wrappings still open them.
  if (keyring && content.officeKeys) rewrapOfficeKeysForNewRecoveryKey(content, keyring, recoveryBytes);
  const pending = pendingKeyfilePathFor(databaseFile);
  await writeKeyfile(pending, content);
  try {
    // SQLCipher rekeys only outside write-ahead logging: the log is folded in first, and the mode restored after.
    handle.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    handle.sqlite.pragma('journal_mode = DELETE');
    handle.sqlite.pragma(`rekey = "x'${databaseKey.toString('hex')}'"`);
    handle.sqlite.pragma('journal_mode = WAL');
  } catch (error) {
    await fs.rm(pending, { force: true });
    throw translateSqliteError(error);
  }
  await fs.rename(pending, keyfilePathFor(databaseFile));
  const needNewPassword = droppedLegacy.map((lookup) => activeByLookup.get(lookup)!).sort();
  handle.db.transaction((tx) =>
    appendAudit(tx as unknown as RegistryDb, actor, {
      action: 'registry.rekey',
      entity: 'registry',
      after: { accounts: content.users.length, needNewPassword: needNewPassword.join(', ') },
    }),
  );
  return { recoveryKey, needNewPassword, databaseKey };
}

/** The key file a rekey writes before it changes the database, renamed over the key file once it has. */
export function pendingKeyfilePathFor(databaseFile: string): string {
  return `${keyfilePathFor(databaseFile)}.next`;
}

async function removeRegistryFiles(databaseFile: string) {
  for (const file of [databaseFile, `${databaseFile}-wal`, `${databaseFile}-shm`, keyfilePathFor(databaseFile)]) {
    await fs.rm(file, { force: true });
  }
}
