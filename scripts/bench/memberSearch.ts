/**
 * Member search alone, as the benchmark measures it (`npm run build`, then
 * `npx tsx scripts/bench/memberSearch.ts FILE.csv FOLDER`):
 * imports the members file into `FOLDER/dang-vien.db` once, then runs the benchmark's name and
 * code queries (`memberQueries`, seed 86) through the service host, several rounds, and prints
 * their p50/p95 with the list's.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { BenchHost, stopServicesProcess } from './host';
import { memberLatencies, memberQueries } from './members';
import { importInto } from './province';

const [file, folder, roundsText] = process.argv.slice(2);
if (!file || !folder) throw new Error('usage: memberSearch.ts FILE.csv FOLDER [ROUNDS]');
const databaseFile = path.join(folder, 'dang-vien.db');
if (!existsSync(databaseFile)) {
  mkdirSync(folder, { recursive: true });
  const { host } = await importInto(folder, 'dang-vien.db', 'encrypted', path.basename(file), new Uint8Array(readFileSync(file)));
  await host.close();
}
const host = await BenchHost.open(databaseFile, 'encrypted');
try {
  const queries = memberQueries((await host.call('members.search', { limit: 500, offset: 5000 })).rows, 100, 86);
  for (let round = 0; round < Number(roundsText ?? 3); round += 1)
    console.log(JSON.stringify(await memberLatencies(host, queries, 100)));
} finally {
  await host.close();
  await stopServicesProcess();
}
