import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openRegistryDatabase, type OpenRegistry } from '../../db/connection';
import type { CallInput, CallName, CallOutput } from '../../shared/contract';
import type { UnitLevel } from '../../shared/domain/enums';
import { createDispatcher } from '../services/application/api/dispatch';
import { findUserEntry, keyfilePathFor, readKeyfile, unwrapWithPassword } from '../services/storage/registry/keyfile';
import { AppSession, type SessionConfig } from '../services/application/session';

export const testPassword = 'mật khẩu quản trị 2026';

export interface OpenTestRegistry {
  session: AppSession;
  databaseFile: string;
  /** The recovery key shown at set-up: with the key file, it also opens the registry. */
  recoveryKey: string;
  /** Calls the services exactly as the renderer does, and fails loudly when the call is refused. */
  call<Name extends CallName>(name: Name, input: CallInput<Name>): Promise<CallOutput<Name>>;
  /** Calls the services and returns the refusal's code and field issues. */
  refusal(name: CallName, input: unknown): Promise<{ code: string; issues: { path: (string | number)[]; key: string }[] }>;
}

/**
 * A fresh encrypted registry for a commune, signed in as its administrator. Signing in again checks
 * the whole file first, as the command line does, unless `checkAfterSigningIn` (the window's way).
 */
export async function openTestRegistry(
  unit: { code: string; name: string; level: UnitLevel; parentCode: string | null } = {
    code: 'VINHTRACH',
    name: 'Đảng ủy xã Vĩnh Trạch',
    level: 'commune',
    parentCode: 'ANGIANG',
  },
  sessionOptions: Pick<SessionConfig, 'checkAfterSigningIn'> = {},
): Promise<OpenTestRegistry> {
  const databaseFile = path.join(mkdtempSync(path.join(tmpdir(), 'so86-test-')), 'so86.db');
  const session = new AppSession({ databaseFile, appVersion: 'test', ...sessionOptions });
  const dispatch = createDispatcher(session);
  const call = async <Name extends CallName>(name: Name, input: CallInput<Name>): Promise<CallOutput<Name>> => {
    const envelope = await dispatch(name, input);
    if (!envelope.ok) throw new Error(`${name} refused: ${JSON.stringify(envelope.error)}`);
    return envelope.value as CallOutput<Name>;
  };
  const refusal = async (name: CallName, input: unknown) => {
    const envelope = await dispatch(name, input);
    if (envelope.ok) throw new Error(`${name} was accepted`);
    return {
      code: envelope.error.code,
      issues: envelope.error.issues.map(({ path: issuePath, key }) => ({ path: issuePath, key })),
    };
  };
  const { recoveryKey } = await call('setup.newRecoveryKey', {});
  await call('setup.create', {
    unit,
    admin: { username: 'admin', displayName: 'Quản trị viên', password: testPassword, passwordConfirm: testPassword },
    recoveryKeyConfirmed: true,
  });
  return { session, databaseFile, recoveryKey, call, refusal };
}

/**
 * What anyone with an account can do outside the application: unwrap the registry key with their
 * own password from the key file and open the database file directly, with full write access.
 */
export async function openDatabaseWithOwnPassword(
  databaseFile: string,
  username: string,
  password: string,
): Promise<OpenRegistry> {
  const content = await readKeyfile(keyfilePathFor(databaseFile));
  const databaseKey = await unwrapWithPassword(content, findUserEntry(content, username)!, password);
  if (!databaseKey) throw new Error(`the password of ${username} does not open ${databaseFile}`);
  return openRegistryDatabase(databaseFile, databaseKey);
}
