import { z } from 'zod';
import { UnitLevel, UserRole } from '../domain/enums';
import { Password, UnitCode, Username, requiredText } from '../domain/primitives';
import { Done, Empty, publicCall, readCall, writeCall, everyone } from './define';
import { ReportHeadingSettings } from '../report/issuer';

export const Lang = z.enum(['vi', 'en']);

export const SessionUser = z.object({ id: z.string(), username: z.string(), displayName: z.string(), role: UserRole });
export type SessionUser = z.infer<typeof SessionUser>;

export const UnitSummary = z.object({ code: z.string(), name: z.string(), level: UnitLevel, parentCode: z.string().nullable() });
export type UnitSummary = z.infer<typeof UnitSummary>;

export const AppStatus = z.object({
  state: z.enum(['uninitialised', 'locked', 'unlocked']),
  version: z.string(),
  databaseFile: z.string(),
  training: z.boolean(),
  lang: Lang,
  unit: UnitSummary.nullable(),
  /** While locked, the unit's name as the key file gives it, for the sign-in screen; null otherwise. */
  lockedUnitName: z.string().nullable(),
  user: SessionUser.nullable(),
  /**
   * The check of the file after the last sign-in found it damaged: the registry was closed, and
   * the next sign-in checks the whole file before opening it. The sign-in screen offers the restore.
   */
  foundDamaged: z.boolean(),
});
export type AppStatus = z.infer<typeof AppStatus>;

export const UnitInput = z
  .object({
    code: UnitCode,
    name: requiredText(200),
    level: UnitLevel,
    parentCode: UnitCode.nullable().optional(),
    /** The superior organisation's line, the unit's own symbol and its date-line place, when known at first run. */
    reportHeading: ReportHeadingSettings.optional(),
  })
  .strict();

const NewPassword = z
  .object({ password: Password, passwordConfirm: z.string().max(256) })
  .refine((value) => value.password === value.passwordConfirm, {
    message: 'error.PASSWORD_MISMATCH',
    path: ['passwordConfirm'],
  });

export const SetupInput = z
  .object({
    unit: UnitInput,
    admin: z
      .object({ username: Username, displayName: requiredText(100) })
      .strict()
      .and(NewPassword),
    recoveryKeyConfirmed: z.literal(true, { message: 'error.RECOVERY_KEY_NOT_CONFIRMED' }),
  })
  .strict();

export const foundationCalls = {
  'app.status': publicCall(Empty, AppStatus),
  'app.setLanguage': publicCall(z.object({ lang: Lang }).strict(), Done),
  'app.setTraining': publicCall(z.object({ training: z.boolean() }).strict(), AppStatus),
  'setup.newRecoveryKey': publicCall(Empty, z.object({ recoveryKey: z.string() })),
  'setup.create': publicCall(SetupInput, AppStatus),
  /** Without a user name (the command line without --user), the password is tried against every account. */
  'session.unlock': publicCall(
    // A space typed before or after the user name is not part of it.
    z
      .object({ username: z.string().trim().min(1).max(64).nullable().default(null), password: z.string().min(1).max(256) })
      .strict(),
    AppStatus,
  ),
  'session.recover': publicCall(
    z
      .object({ recoveryKey: z.string().min(1).max(128), username: Username })
      .strict()
      .and(NewPassword),
    AppStatus,
  ),
  'session.lock': publicCall(Empty, AppStatus),
  'session.changePassword': writeCall(
    z
      .object({ currentPassword: z.string().min(1).max(256) })
      .strict()
      .and(NewPassword),
    Done,
    everyone,
  ),
  'app.takeOpenedFile': readCall(Empty, z.object({ fileName: z.string(), contentBase64: z.string() }).nullable()),
  'registry.overview': readCall(
    Empty,
    z.object({ counts: z.record(z.string(), z.number().int()), schemaVersion: z.number().int() }),
  ),
} as const;
