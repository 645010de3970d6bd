import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root, errorOnUnmatchedPattern: false });

async function layerProblems(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((message) => message.ruleId === 'so86/layers').map((message) => message.message);
}

describe('the layer rule', () => {
  it.each([
    ['shared/rules/x.ts', "import { openRegistry } from '../../db/connection';\nexport const y = openRegistry;"],
    ['shared/x.ts', "import fs from 'node:fs';\nexport const y = fs;"],
    [
      'renderer/src/x.ts',
      "import { createSession } from '../../electron/services/application/session';\nexport const y = createSession;",
    ],
    ['renderer/src/x.ts', "import Database from 'better-sqlite3-multiple-ciphers';\nexport const y = Database;"],
    ['renderer/src/x.ts', "import { ipcRenderer } from 'electron';\nexport const y = ipcRenderer;"],
    ['electron/services/application/x.ts', "import { app } from 'electron';\nexport const y = app;"],
    ['electron/services/application/x.ts', "export { Shell } from '../../main/window';"],
    ['db/x.ts', "export const y = () => import('../electron/services/application/session');"],
    ['electron/main/x.ts', "import { schema } from '../../db/schema';\nexport const y = schema;"],
    ['electron/preload/x.ts', "import { dispatch } from '../services/application/api/dispatch';\nexport const y = dispatch;"],
    ['renderer/src/features/members/x.ts', "import { TripForm } from '../trips/TripForm';\nexport const y = TripForm;"],
    ['renderer/src/features/trips/x.ts', "export const y = () => import('../members/MemberPage');"],
    ['renderer/src/components/x.ts', "import { useSession } from '../app/sessionStore';\nexport const y = useSession;"],
    ['renderer/src/components/x.ts', "export { TripsScreen } from '../features/trips/TripsScreen';"],
    ['renderer/src/state/x.ts', "import { useTripList } from '../features/trips/tripList';\nexport const y = useTripList;"],
    ['renderer/src/i18n.ts', "import { Shell } from './app/Shell';\nexport const y = Shell;"],
    ['renderer/src/features/members/x.ts', "import { schema } from '@db/schema';\nexport const y = schema;"],
    ['shared/x.ts', "export const y = () => import('@db/connection');"],
  ])('refuses a forbidden import in %s', async (file, source) => {
    expect(await layerProblems(file, source)).toHaveLength(1);
  });

  it.each([
    ['db/x.ts', "import { newId } from '../shared/ids';\nexport const y = newId;"],
    [
      'electron/services/domain/records/x.ts',
      "import { schema } from '@db/schema';\nimport { newId } from '@shared/ids';\nexport const y = [schema, newId];",
    ],
    [
      'electron/services/storage/x.ts',
      "import { schema } from '../../../db/schema';\nimport { newId } from '../../../shared/ids';\nexport const y = [schema, newId];",
    ],
    [
      'electron/main/x.ts',
      "import { app } from 'electron';\nimport { createDispatcher } from '../services/application/api/dispatch';\nexport const y = [app, createDispatcher];",
    ],
    [
      'renderer/src/x.ts',
      "import { translate } from '../../shared/i18n';\nimport { create } from 'zustand';\nexport const y = [translate, create];",
    ],
    [
      'renderer/src/features/members/x.ts',
      "import { useNavigation } from '../../app/navigation';\nimport { TripTable } from '../../components/TripTable';\nimport { useTripList } from '../../data/tripList';\nimport { MemberForm } from './MemberForm';\nexport const y = [useNavigation, TripTable, useTripList, MemberForm];",
    ],
    [
      'renderer/src/app/x.ts',
      "import { TripPage } from '../features/trips/TripPage';\nimport { MemberPage } from '../features/members/MemberPage';\nexport const y = [TripPage, MemberPage];",
    ],
    [
      'renderer/src/components/x.ts',
      "import { useSession } from '../state/sessionStore';\nimport { errorText } from '../api/errors';\nimport { useT } from '../i18n';\nexport const y = [useSession, errorText, useT];",
    ],
  ])('allows a permitted import in %s', async (file, source) => {
    expect(await layerProblems(file, source)).toEqual([]);
  });

  it.each([
    ['electron/services/formats/x.ts', "import { appendAudit } from '../storage/audit';\nexport const y = appendAudit;"],
    ['electron/services/formats/x.ts', "import { schema } from '../../../db/schema';\nexport const y = schema;"],
    ['electron/services/storage/x.ts', "import { saveMember } from '../domain/records/members';\nexport const y = saveMember;"],
    ['electron/services/storage/x.ts', "import type { AppSession } from '../application/session';\nexport type Y = AppSession;"],
    ['electron/services/domain/x.ts', "import type { AppSession } from '../application/session';\nexport type Y = AppSession;"],
    ['electron/services/domain/x.ts', "export const y = () => import('../application/demo/scenarios');"],
    ['electron/services/application/x.ts', "import { run } from '../../cli/main';\nexport const y = run;"],
    ['electron/services/x.ts', "import { newId } from '../../shared/ids';\nexport const y = newId;"],
    ['electron/preload/x.ts', "import { appVersion } from '../services/storage/version';\nexport const y = appVersion;"],
  ])('keeps each floor of the services below the one above: refuses %s', async (file, source) => {
    expect(await layerProblems(file, source)).toHaveLength(1);
  });

  it.each([
    [
      'electron/services/storage/x.ts',
      "import { writeBackupContainer } from '../formats/backupFile/container';\nexport const y = writeBackupContainer;",
    ],
    [
      'electron/services/domain/x.ts',
      "import { appendAudit } from '../storage/audit';\nimport { sealReport } from '../formats/reportFiles';\nexport const y = [appendAudit, sealReport];",
    ],
    [
      'electron/services/application/x.ts',
      "import { saveMember } from '../domain/records/members';\nimport { Registry } from '../storage/registry/registry';\nexport const y = [saveMember, Registry];",
    ],
    [
      'electron/cli/x.ts',
      "import { AppSession } from '../services/application/session';\nimport { defaultDatabaseFile } from '../services/storage/paths';\nexport const y = [AppSession, defaultDatabaseFile];",
    ],
    [
      'electron/services/storage/x.test.ts',
      "import { createDispatcher } from '../application/api/dispatch';\nexport const y = createDispatcher;",
    ],
  ])('lets a floor import the floors below it, and its tests drive it from above: allows %s', async (file, source) => {
    expect(await layerProblems(file, source)).toEqual([]);
  });

  it.each([
    [
      'electron/services/domain/x.ts',
      "import { openTestRegistry } from '../../testkit/registry';\nexport const y = openTestRegistry;",
    ],
    ['electron/cli/x.ts', "import { so86 } from '../testkit/cli';\nexport const y = so86;"],
    ['shared/report/x.ts', "import { modelReportData } from '../testkit/reportModel';\nexport const y = modelReportData;"],
    [
      'renderer/src/x.ts',
      "import { modelReportData } from '../../shared/testkit/reportModel';\nexport const y = modelReportData;",
    ],
    [
      'shared/testkit/x.ts',
      "import { appendAudit } from '../../electron/services/storage/audit';\nexport const y = appendAudit;",
    ],
    [
      'electron/services/application/x.ts',
      "import { startApplication } from '../../../e2e/harness';\nexport const y = startApplication;",
    ],
    ['electron/main/x.ts', "import { measure } from '../../scripts/bench/measure';\nexport const y = measure;"],
    ['shared/x.ts', "import { table } from '../scripts/bench/table';\nexport const y = table;"],
  ])('keeps the test kit, e2e/ and scripts/ out of production code: refuses %s', async (file, source) => {
    expect(await layerProblems(file, source)).toHaveLength(1);
  });

  it.each([
    [
      'electron/services/domain/records/x.test.ts',
      "import { openTestRegistry } from '../../../testkit/registry';\nexport const y = openTestRegistry;",
    ],
    ['shared/report/x.test.ts', "import { modelReportData } from '../testkit/reportModel';\nexport const y = modelReportData;"],
    [
      'electron/testkit/x.ts',
      "import { AppSession } from '../services/application/session';\nimport { modelReportData } from '../../shared/testkit/reportModel';\nexport const y = [AppSession, modelReportData];",
    ],
  ])('lets tests and the test kit itself use the test kit: allows %s', async (file, source) => {
    expect(await layerProblems(file, source)).toEqual([]);
  });

  it('finds no crossing anywhere in the project', async () => {
    const results = await eslint.lintFiles(['shared', 'db', 'electron', 'renderer']);
    const crossings = results.flatMap((result) =>
      result.messages
        .filter((message) => message.ruleId === 'so86/layers')
        .map((message) => `${path.relative(root, result.filePath)}: ${message.message}`),
    );
    expect(crossings).toEqual([]);
  });
});
