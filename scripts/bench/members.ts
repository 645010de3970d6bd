import type { MemberRow } from '../../shared/contract/registry';
import { seededRandom } from '../../shared/seededRandom';
import { foldForSearch } from '../../shared/text/fold';
import type { BenchHost } from './host';
import { latency, timed, type Latency } from './measure';

export interface MemberQueries {
  names: string[];
  codes: string[];
}

/**
 * What people type to find a member: name fragments without their marks ("nguyen hoa", "thi
 * lan", the first letters of a given name) and parts of party card numbers.
 */
export function memberQueries(rows: readonly MemberRow[], count: number, seed: number): MemberQueries {
  const random = seededRandom(seed);
  const names: string[] = [];
  const codes: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const row = random.pick(rows);
    const words = foldForSearch(row.fullName).split(' ');
    const given = words.at(-1)!;
    names.push(random.pick([`${words[0]} ${given}`, `${words.at(-2)} ${given}`, given, given.slice(0, 3)]));
    codes.push(random.chance(0.5) ? row.code : row.code.slice(2, 7));
  }
  return { names, codes };
}

export interface MemberLatencies {
  members: number;
  list: Latency;
  searchByName: Latency;
  searchByCode: Latency;
}

/**
 * List and search latency as the member screen sees it, through the service host: pages of the
 * Vietnamese-ordered list spread over the whole list, then each query's first page.
 */
export async function memberLatencies(host: BenchHost, queries: MemberQueries, pages: number): Promise<MemberLatencies> {
  const { total } = await host.call('members.search', { limit: 1 });
  const listTimes: number[] = [];
  for (let page = 0; page < pages; page += 1) {
    const offset = Math.floor((page * Math.max(0, total - 50)) / Math.max(1, pages - 1) / 50) * 50;
    listTimes.push((await timed(() => host.call('members.search', { offset, limit: 50 }))).ms);
  }
  const search = async (texts: readonly string[]) => {
    const times: number[] = [];
    for (const query of texts) times.push((await timed(() => host.call('members.search', { query, limit: 50 }))).ms);
    return latency(times);
  };
  return {
    members: total,
    list: latency(listTimes),
    searchByName: await search(queries.names),
    searchByCode: await search(queries.codes),
  };
}
