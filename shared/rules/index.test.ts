import { describe, expect, it } from 'vitest';
import { activityTransferKinds, complianceFlags, durationBrackets, tripPurposes, tripStates } from '../domain/enums';
import { hasMessage, translate } from '../i18n';
import { rulesMessages } from '../i18n/rules';
import * as rules from './index';

describe('the rules index', () => {
  it('exposes one entry point for forms and services', () => {
    for (const name of [
      'parseCivilDate',
      'addMonths',
      'civilDateInVietnam',
      'durationBracket',
      'permittedReturn',
      'statisticsYear',
      'requiredActivityHandling',
      'solarToLunar',
      'lunarToSolar',
      'createHolidayCalendar',
      'addWorkingDays',
      'workingDaysBetween',
      'DeadlineSettings',
      'availableTransitions',
      'checkTransition',
      'applyTransition',
      'deriveStateFromDates',
      'validateTripFields',
      'tripHints',
      'tripFlags',
      'memberFlags',
    ]) {
      expect(rules, name).toHaveProperty(name);
    }
  });
});

describe('labels for every value the rules produce', () => {
  const labelled: [prefix: string, values: readonly string[]][] = [
    ['tripState', tripStates],
    ['transition', rules.tripTransitions],
    ['purpose', tripPurposes],
    ['bracket', durationBrackets],
    ['flag', complianceFlags],
    ['activityTransfer', activityTransferKinds],
    ['holidayKind', ['statutory', 'compensatory', 'added']],
    ['holidayOverride', rules.HolidayOverride.options.map((option) => option.shape.kind.value)],
    ['hint.duration', durationBrackets],
    ['hint.activity', activityTransferKinds],
    ['reason.notAllowed', rules.tripTransitions],
  ];

  it.each(labelled)('%s.* has a Vietnamese and an English text for each value', (prefix, values) => {
    for (const value of values) {
      const key = `${prefix}.${value}`;
      expect(hasMessage(key), key).toBe(true);
      if (!hasMessage(key)) continue;
      expect(translate('vi', key)).not.toBe(key);
      expect(translate('en', key)).not.toBe(translate('vi', key));
    }
  });

  it('writes Vietnamese with its diacritics', () => {
    expect(translate('vi', 'flag.return_report_overdue')).toBe('Quá hạn báo cáo kết quả chuyến đi');
    expect(Object.values(rulesMessages.vi).every((text) => text === text.normalize('NFC'))).toBe(true);
  });

  it('fills the parameters of a refusal', () => {
    expect(
      translate('vi', 'check.actualReturnBeforeDeparture', { actualReturn: '09/05/2025', actualDeparture: '10/05/2025' }),
    ).toBe('Ngày về nước (09/05/2025) trước ngày xuất cảnh (10/05/2025).');
  });
});
