import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { RegistryDb } from '@db/connection';
import { settings } from '@db/schema';
import { BackupSchedule, defaultBackupSchedule, LastBackup } from '@shared/contract/backup';
import { defaultIdleMinutes, IdleMinutes } from '@shared/contract/sessionSettings';
import { ReportHeadingSettings, emptyReportHeadingSettings } from '@shared/report/issuer';
import { DeadlineSettings, defaultDeadlineSettings } from '@shared/rules/settings';
import { appendAudit, type Actor } from './audit';

/** A setting kept in the registry: its key, its schema and the value used until someone changes it. */
export interface SettingDefinition<Schema extends z.ZodType> {
  key: string;
  schema: Schema;
  fallback: z.output<Schema>;
}

// Every setting the registry stores is declared here, so its key is found in one place.

export const deadlineSetting = { key: 'rules.deadlines', schema: DeadlineSettings, fallback: defaultDeadlineSettings };

export const idleMinutesSetting = { key: 'security.idleMinutes', schema: IdleMinutes, fallback: defaultIdleMinutes };

/** The superior organisation's line, the unit's own symbol and the date line's place, set once for every report. */
export const reportHeadingSetting: SettingDefinition<typeof ReportHeadingSettings> = {
  key: 'report.heading',
  schema: ReportHeadingSettings,
  fallback: emptyReportHeadingSettings,
};

export const backupScheduleSetting = { key: 'backup.schedule', schema: BackupSchedule, fallback: defaultBackupSchedule };

export const lastBackupSetting = { key: 'backup.last', schema: LastBackup.nullable(), fallback: null };

export function readSetting<Schema extends z.ZodType>(db: RegistryDb, definition: SettingDefinition<Schema>): z.output<Schema> {
  const stored = db.select({ value: settings.value }).from(settings).where(eq(settings.key, definition.key)).get();
  if (!stored) return definition.fallback;
  const parsed = definition.schema.safeParse(stored.value);
  return parsed.success ? parsed.data : definition.fallback;
}

/** Call inside a write transaction: the change and its audit row commit together. */
export function writeSetting<Schema extends z.ZodType>(
  db: RegistryDb,
  actor: Actor,
  definition: SettingDefinition<Schema>,
  value: z.input<Schema>,
): z.output<Schema> {
  const parsed = definition.schema.parse(value);
  const before = readSetting(db, definition);
  const now = new Date().toISOString();
  db.insert(settings)
    .values({ key: definition.key, value: parsed, updatedAt: now })
    .onConflictDoUpdate({ target: settings.key, set: { value: parsed, updatedAt: now } })
    .run();
  appendAudit(db, actor, { action: 'settings.update', entity: 'setting', entityId: definition.key, before, after: parsed });
  return parsed;
}
