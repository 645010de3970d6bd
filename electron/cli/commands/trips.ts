import type { TripState } from '@shared/domain/enums';
import { DomainError } from '@shared/errors';
import { translate, type MessageKey } from '@shared/i18n';
import { formatCivilDate } from '@shared/rules/dates';
import { countryName, isCountryCode } from '@shared/text/countries';
import { normaliseText } from '@shared/text/fold';
import type { CommandInput } from '../commandInput';
import type { CliSession, CommandContext } from '../io';
import { printList } from '../listing';
import { allPages, pageSize, searchAllMembers } from './members';

async function memberIdOf(session: CliSession, code: string): Promise<string> {
  const wanted = normaliseText(code);
  const member = (await searchAllMembers(session, wanted, true)).find((row) => row.code === wanted);
  if (!member) throw new DomainError('MEMBER_CODE_UNKNOWN', { code });
  return member.id;
}

/** `so86 trips list [--member CODE] [--state S]`: trips, newest planned departure first. */
export async function tripsListCommand({ options }: CommandInput, context: CommandContext): Promise<number> {
  const state = options.state as TripState | undefined;
  const session = await context.signIn();
  try {
    const memberId = typeof options.member === 'string' ? await memberIdOf(session, options.member) : undefined;
    const rows = await allPages((offset) =>
      session.call('trips.search', { ...(memberId ? { memberId } : {}), ...(state ? { state } : {}), offset, limit: pageSize }),
    );
    if (context.json) {
      context.printJson(rows);
      return 0;
    }
    printList(
      context,
      'cli.trips.header',
      rows.map((trip) => [
        trip.code ?? '',
        trip.memberCode,
        trip.memberName,
        translate(context.lang, `purpose.${trip.purpose}` as MessageKey),
        trip.countries.map((code) => (isCountryCode(code) ? countryName(code, context.lang) : code)).join('; '),
        `${formatCivilDate(trip.plannedDeparture)} – ${formatCivilDate(trip.plannedReturn)}`,
        translate(context.lang, `tripState.${trip.state}` as MessageKey),
      ]),
    );
    return 0;
  } finally {
    session.close();
  }
}
