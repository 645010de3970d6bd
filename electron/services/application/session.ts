import path from 'node:path';
import type { OpenOptions } from '@db/connection';
import type { AppStatus } from '@shared/contract/foundation';
import type { EventName, EventPayload } from '@shared/contract/events';
import { trainingAccount } from '@shared/domain/training';
import { DomainError } from '@shared/errors';
import type { Lang } from '@shared/i18n';
import { newRecoveryKey, unitNameBeforeSignIn } from '../storage/registry/keyfile';
import { quickCheckByTable, type IntegrityVerdict } from '../storage/registry/integrity';
import { Registry, type NewUserInput, type UnitInput } from '../storage/registry/registry';
import { Jobs } from './jobs';
import { communeDemo } from './demo/scenarios';
import { trainingRegistryFileName } from '../storage/paths';
import { stderrLogger, type Logger } from '../storage/log';
import { idleMinutesSetting, readSetting } from '../storage/settings';
import { defaultIdleMinutes } from '@shared/contract/sessionSettings';

export interface SessionConfig {
  /** The real registry. The training registry is `so86-training.db` beside it. */
  databaseFile: string;
  appVersion: string;
  openOptions?: OpenOptions;
  /** Start on the training registry rather than the real one. */
  training?: boolean;
  logger?: Logger;
  /** Check every so often whether the registry has been idle too long (the application and the bridge; not the command line). */
  watchIdle?: boolean;
  /**
   * Sign in without waiting for the file's quick check, which then runs table by table between
   * calls (the application's window and the bridge). Otherwise, as on the command line, the whole
   * file is checked before signing in returns.
   */
  checkAfterSigningIn?: boolean;
}

const trainingSeed = 86;

/** The check after signing in waits for this long without a call before each table… */
const checkQuietMs = 150;
/** …until this long after signing in; from then on it runs to its end. */
const checkHeldBackAtMostMs = 5_000;

type Listener = <Name extends EventName>(name: Name, payload: EventPayload<Name>) => void;

/**
 * The application's one session over one registry file: locked or unlocked, who is
 * signed in, the language. The Electron main process, the test bridge and the command
 * line each hold one and call the same services through it.
 */
export class AppSession {
  private current: Registry | null = null;
  private pendingRecoveryKey: string | null = null;
  private openedFile: { fileName: string; content: Buffer } | null = null;
  private readonly listeners = new Set<Listener>();
  private lastActivity = Date.now();
  private idleMinutes = defaultIdleMinutes;
  private idleTimer: ReturnType<typeof setInterval> | null = null;
  private onTraining: boolean;
  /** Registry files the check after signing in found damaged: signing in to them again checks them first. */
  private readonly foundDamaged = new Set<string>();
  lang: Lang = 'vi';
  /** The long jobs running in this session (imports, backups, report files): their progress events and their cancellation. */
  readonly jobs = new Jobs((payload) => this.emit('job.progress', payload));

  constructor(readonly config: SessionConfig) {
    this.onTraining = config.training ?? false;
    if (config.watchIdle) {
      this.idleTimer = setInterval(() => this.lockIfIdle(), 15_000);
      this.idleTimer.unref();
    }
  }

  /** Any call or any keystroke the renderer reports counts as activity. */
  touch(now = Date.now()): void {
    this.lastActivity = now;
  }

  lockIfIdle(now = Date.now()): boolean {
    if (!this.current || now - this.lastActivity < this.idleMinutes * 60_000) return false;
    this.lock('idle');
    return true;
  }

  /**
   * A report file the application was asked to open. It waits here until someone has
   * signed in and the renderer takes it to the import screen.
   */
  offerOpenedFile(fileName: string, content: Buffer): void {
    this.openedFile = { fileName, content };
    this.emit('file.opened', { fileName });
  }

  takeOpenedFile(): { fileName: string; content: Buffer } | null {
    const file = this.openedFile;
    this.openedFile = null;
    return file;
  }

  /** After the settings change, the new idle time applies at once. */
  reloadSettings(): void {
    if (this.current) this.idleMinutes = readSetting(this.current.db, idleMinutesSetting);
  }

  dispose(): void {
    if (this.idleTimer) clearInterval(this.idleTimer);
    this.lock('system');
  }

  get logger(): Logger {
    return this.config.logger ?? stderrLogger;
  }

  get registry(): Registry | null {
    return this.current;
  }

  get training(): boolean {
    return this.onTraining;
  }

  /** The registry file this session opens now: the real one, or the training one beside it. */
  get databaseFile(): string {
    return this.onTraining
      ? path.join(path.dirname(this.config.databaseFile), trainingRegistryFileName)
      : this.config.databaseFile;
  }

  /**
   * Switches between the real registry and the training one, locking whichever is open. The
   * training registry is made the first time, filled with a made-up commune by the same
   * generator as `so86 demo`, with the training account.
   */
  async setTraining(training: boolean): Promise<AppStatus> {
    if (training === this.onTraining) return this.status();
    this.lock('manual');
    this.pendingRecoveryKey = null;
    this.onTraining = training;
    if (training && !Registry.exists(this.databaseFile)) {
      try {
        await communeDemo(this.databaseFile, {
          seed: trainingSeed,
          password: trainingAccount.password,
          ...(this.config.openOptions ? { openOptions: this.config.openOptions } : {}),
        });
      } catch (error) {
        this.onTraining = false;
        throw error;
      }
    }
    return this.status();
  }

  requireRegistry(): Registry {
    if (!this.current) throw new DomainError(Registry.exists(this.databaseFile) ? 'LOCKED' : 'NOT_INITIALISED');
    return this.current;
  }

  status(): AppStatus {
    const registry = this.current;
    const state = registry ? 'unlocked' : Registry.exists(this.databaseFile) ? 'locked' : 'uninitialised';
    const unit = registry?.ownUnit() ?? null;
    return {
      state,
      version: this.config.appVersion,
      databaseFile: this.databaseFile,
      training: this.onTraining,
      lang: this.lang,
      unit: unit && { code: unit.code, name: unit.name, level: unit.level, parentCode: unit.parentCode },
      lockedUnitName: state === 'locked' ? unitNameBeforeSignIn(this.databaseFile) : null,
      user: registry ? { ...registry.user } : null,
      foundDamaged: this.foundDamaged.has(this.databaseFile),
    };
  }

  /** The recovery key is made here and kept here until set-up finishes: it never has to come back from the renderer. */
  newRecoveryKey(): string {
    this.pendingRecoveryKey = newRecoveryKey().text;
    return this.pendingRecoveryKey;
  }

  async setup(input: { unit: UnitInput; admin: NewUserInput }): Promise<AppStatus> {
    if (!this.pendingRecoveryKey) throw new DomainError('RECOVERY_KEY_NOT_CONFIRMED');
    const { registry } = await Registry.create(
      this.databaseFile,
      { ...input, recoveryKey: this.pendingRecoveryKey },
      this.config.openOptions,
    );
    this.pendingRecoveryKey = null;
    this.replace(registry);
    return this.status();
  }

  /**
   * With `checkAfterSigningIn`, opens the registry without waiting for its check: the check runs
   * right after, one table at a time between the calls the window makes, and a damaged file is
   * closed the moment it is found. A file found damaged before is checked whole before it opens, and refused.
   */
  async unlock(username: string | null, password: string): Promise<AppStatus> {
    const file = this.databaseFile;
    const registry = await Registry.unlock(file, username, password, {
      ...this.config.openOptions,
      deferOpeningCheck: this.config.checkAfterSigningIn === true && !this.foundDamaged.has(file),
    });
    this.foundDamaged.delete(file);
    this.replace(registry);
    if (!registry.openingCheck) this.checkAfterOpening(registry);
    return this.status();
  }

  /**
   * One table at a time, when no call has come for a moment (the dashboard's first calls come
   * right after signing in), and after a few seconds whatever the window does: the largest table
   * of a registry of 100,000 members takes about a third of a second, which a call arriving then
   * waits for.
   */
  private checkAfterOpening(registry: Registry): void {
    const steps = quickCheckByTable(registry.sqlite);
    const startedAt = Date.now();
    const step = () => {
      if (this.current !== registry) return;
      const now = Date.now();
      if (now - this.lastActivity < checkQuietMs && now - startedAt < checkHeldBackAtMostMs) {
        setTimeout(step, checkQuietMs).unref();
        return;
      }
      let next: IteratorResult<void, IntegrityVerdict>;
      try {
        next = steps.next();
      } catch (error) {
        // Not damage (the check reports that itself): the registry stays open, without a verdict to show.
        this.logger.error('The check of the registry after signing in failed', error);
        return;
      }
      if (!next.done) {
        setImmediate(step);
        return;
      }
      registry.openingCheck = next.value;
      if (next.value.ok) return;
      this.logger.error(`The registry is damaged: ${next.value.problems.slice(0, 5).join('; ')}`);
      this.foundDamaged.add(registry.databaseFile);
      this.lock('damaged');
    };
    setImmediate(step);
  }

  async recover(recoveryKey: string, username: string, newPassword: string): Promise<AppStatus> {
    this.replace(await Registry.recover(this.databaseFile, recoveryKey, username, newPassword, this.config.openOptions));
    return this.status();
  }

  lock(reason: EventPayload<'session.locked'>['reason'] = 'manual'): AppStatus {
    if (this.current) {
      this.current.close();
      this.current = null;
      this.emit('session.locked', { reason });
    }
    return this.status();
  }

  onEvent(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<Name extends EventName>(name: Name, payload: EventPayload<Name>): void {
    for (const listener of this.listeners) listener(name, payload);
  }

  private replace(registry: Registry) {
    this.current?.close();
    this.current = registry;
    this.idleMinutes = readSetting(registry.db, idleMinutesSetting);
    this.touch();
  }
}
