import { type CivilDate, civilParts, dayNumber, fromDayNumber } from './dates';

/**
 * The Vietnamese lunisolar calendar (âm lịch), computed from astronomy rather than looked up:
 * - a month begins on the day, in Vietnam's time zone, that contains a new moon;
 * - the month containing the winter solstice is month 11;
 * - when 13 months begin between one month 11 and the next, the first of them that
 *   contains no major solar term (trung khí: the Sun's longitude reaching a multiple of
 *   30°) is the leap month and repeats the number of the month before it.
 * The time zone is UTC+7 from 1968, when North Vietnam's own calendar took effect (Tết Mậu
 * Thân fell on 29 January there, a day before the South, which still followed UTC+8), and
 * UTC+8 before, the meridian of the Chinese almanac that Vietnam used until then.
 *
 * New moons follow Meeus, "Astronomical Algorithms" (2nd ed.), chapter 49; the Sun's
 * longitude follows the truncated VSOP87 series of its chapter 32 and appendix III with the
 * nutation and aberration of chapters 22 and 25. Both theories are good to well under a
 * minute; the larger uncertainty is ΔT in future decades, which can only matter when a new
 * moon or a major term falls within a minute or two of local midnight.
 */

export interface LunarDate {
  /** The lunar year, named by the Gregorian year in which its first month mostly falls. */
  year: number;
  /** 1–12; a leap month repeats the number of the month before it. */
  month: number;
  day: number;
  leap: boolean;
}

export interface LunarMonth {
  month: number;
  leap: boolean;
  start: CivilDate;
  /** 29 or 30. */
  days: number;
}

/** Gregorian years whose dates convert; ΔT (the Earth's clock drift) is modelled for these. */
export const lunarCalendarYears = { first: 1900, last: 2199 } as const;

const utcPlus7Since = dayNumber('1968-01-01');
const julianDayOfDayNumberZero = 2_440_587.5;
const j2000 = 2_451_545.0;
const synodicMonth = 29.530_588_861;
const degreesPerRadian = 180 / Math.PI;
const arcsecondsPerDegree = 3600;

/** Solar to lunar. Throws a RangeError outside `lunarCalendarYears`. */
export function solarToLunar(date: CivilDate): LunarDate {
  const { year } = civilParts(date);
  assertSupportedYear(year);
  const day = dayNumber(date);
  const spanYear = day >= month11Start(year) ? year : year - 1;
  const months = monthsFromMonth11(spanYear);
  let index = months.length - 1;
  while (months[index]!.start > day) index -= 1;
  const month = months[index]!;
  return {
    year: month.number >= 11 ? spanYear : spanYear + 1,
    month: month.number,
    day: day - month.start + 1,
    leap: month.leap,
  };
}

/** Lunar to solar; null when that month or day does not exist in that lunar year. */
export function lunarToSolar(date: LunarDate): CivilDate | null {
  if (!Number.isInteger(date.month) || date.month < 1 || date.month > 12) return null;
  if (!Number.isInteger(date.day) || date.day < 1 || date.day > 30) return null;
  assertSupportedYear(date.year);
  const spanYear = date.month >= 11 ? date.year : date.year - 1;
  const months = monthsFromMonth11(spanYear);
  const index = months.findIndex((month) => month.number === date.month && month.leap === date.leap);
  if (index < 0) return null;
  const start = months[index]!.start;
  const end = months[index + 1]?.start ?? month11Start(spanYear + 1);
  return date.day <= end - start ? fromDayNumber(start + date.day - 1) : null;
}

/** The months of a lunar year, from month 1 to month 12, with the leap month in its place. */
export function lunarMonthsOfYear(year: number): LunarMonth[] {
  assertSupportedYear(year);
  const spans = [monthsFromMonth11(year - 1), monthsFromMonth11(year)];
  const starts = [...spans[0]!, ...spans[1]!, { start: month11Start(year + 1), number: 11, leap: false }];
  const result: LunarMonth[] = [];
  for (let index = 0; index < starts.length - 1; index += 1) {
    const month = starts[index]!;
    const inThisYear = index < spans[0]!.length ? month.number < 11 : month.number >= 11;
    if (!inThisYear) continue;
    result.push({
      month: month.number,
      leap: month.leap,
      start: fromDayNumber(month.start),
      days: starts[index + 1]!.start - month.start,
    });
  }
  return result;
}

/** The leap month of a lunar year (the number it repeats), or null in a common year. */
export function leapMonthOf(year: number): number | null {
  return lunarMonthsOfYear(year).find((month) => month.leap)?.month ?? null;
}

/** Tết Nguyên đán: day 1 of month 1 of the lunar year. */
export function lunarNewYear(year: number): CivilDate {
  return lunarMonthsOfYear(year)[0]!.start;
}

// ---------------------------------------------------------------------------------------
// The calendar's structure, anchored on the month containing each winter solstice.

interface MonthStart {
  /** Day number of the month's first day, in the calendar's time zone. */
  start: number;
  number: number;
  leap: boolean;
}

const month11Cache = new Map<number, number>();
const spanCache = new Map<number, MonthStart[]>();
const newMoonDayCache = new Map<number, number>();

/** Day number of the first day of the lunar month that contains the winter solstice of `year`. */
function month11Start(year: number): number {
  const cached = month11Cache.get(year);
  if (cached !== undefined) return cached;
  const solsticeDay = dayContainingSunLongitude(270, dayNumber(`${String(year).padStart(4, '0')}-12-18`));
  const start = newMoonDay(lunationOnOrBefore(solsticeDay));
  month11Cache.set(year, start);
  return start;
}

/** The months from month 11 of `year` up to, not including, month 11 of the next year. */
function monthsFromMonth11(year: number): MonthStart[] {
  const cached = spanCache.get(year);
  if (cached) return cached;
  const first = lunationOnOrBefore(month11Start(year));
  const nextMonth11 = month11Start(year + 1);
  const starts: number[] = [];
  for (let lunation = first; newMoonDay(lunation) < nextMonth11; lunation += 1) starts.push(newMoonDay(lunation));
  const boundaries = [...starts, nextMonth11];
  const leapIndex =
    starts.length === 13
      ? starts.findIndex((start, index) => index > 0 && !containsMajorTerm(start, boundaries[index + 1]!))
      : -1;
  const months: MonthStart[] = [];
  let number = 10;
  starts.forEach((start, index) => {
    const leap = index === leapIndex;
    if (!leap) number = (number % 12) + 1;
    months.push({ start, number, leap });
  });
  spanCache.set(year, months);
  return months;
}

/** Whether the Sun reaches a multiple of 30° on some day from `start` up to `end`. */
function containsMajorTerm(start: number, end: number): boolean {
  return Math.floor(sunLongitudeAtLocalMidnight(start) / 30) !== Math.floor(sunLongitudeAtLocalMidnight(end) / 30);
}

/** The local day during which the Sun's longitude passes `degrees`, searching from `fromDay`. */
function dayContainingSunLongitude(degrees: number, fromDay: number): number {
  let day = fromDay;
  while (!(sunLongitudeAtLocalMidnight(day) < degrees && sunLongitudeAtLocalMidnight(day + 1) >= degrees)) day += 1;
  return day;
}

/** The calendar's UTC offset, in days, on a local day. */
function utcOffsetDays(day: number): number {
  return (day < utcPlus7Since ? 8 : 7) / 24;
}

function sunLongitudeAtLocalMidnight(day: number): number {
  const julianDayUt = day + julianDayOfDayNumberZero - utcOffsetDays(day);
  return sunApparentLongitude(julianDayUt + deltaTSeconds(julianDayUt) / 86_400);
}

/** The local day number of the new moon of lunation `k` (k = 0 is the new moon of 6 January 2000). */
function newMoonDay(k: number): number {
  const cached = newMoonDayCache.get(k);
  if (cached !== undefined) return cached;
  const julianDayTt = newMoonJulianEphemerisDay(k);
  const julianDayUt = julianDayTt - deltaTSeconds(julianDayTt) / 86_400;
  const dayInUtcPlus7 = Math.floor(julianDayUt - julianDayOfDayNumberZero + 7 / 24);
  const day = dayInUtcPlus7 < utcPlus7Since ? Math.floor(julianDayUt - julianDayOfDayNumberZero + 8 / 24) : dayInUtcPlus7;
  newMoonDayCache.set(k, day);
  return day;
}

function lunationOnOrBefore(day: number): number {
  const julianDay = day + julianDayOfDayNumberZero;
  let k = Math.floor((julianDay - 2_451_550.097_66) / synodicMonth);
  while (newMoonDay(k + 1) <= day) k += 1;
  while (newMoonDay(k) > day) k -= 1;
  return k;
}

function assertSupportedYear(year: number): void {
  if (!Number.isInteger(year) || year < lunarCalendarYears.first || year > lunarCalendarYears.last) {
    throw new RangeError(
      `The lunar calendar is computed for ${lunarCalendarYears.first}–${lunarCalendarYears.last}, not ${year}`,
    );
  }
}

// ---------------------------------------------------------------------------------------
// Astronomy. Julian days: "TT" (terrestrial, uniform) for the theories, "UT" for the clock.

/** The instant (Julian Ephemeris Day, TT) of the new moon of lunation `k` — Meeus ch. 49. */
export function newMoonJulianEphemerisDay(k: number): number {
  const t = k / 1236.85;
  const t2 = t * t;
  const t3 = t2 * t;
  const t4 = t3 * t;
  const mean = 2_451_550.097_66 + synodicMonth * k + 0.000_154_37 * t2 - 0.000_000_150 * t3 + 0.000_000_000_73 * t4;
  const e = 1 - 0.002_516 * t - 0.000_007_4 * t2;
  const sunAnomaly = 2.5534 + 29.105_356_70 * k - 0.000_001_4 * t2 - 0.000_000_11 * t3;
  const moonAnomaly = 201.5643 + 385.816_935_28 * k + 0.010_758_2 * t2 + 0.000_012_38 * t3 - 0.000_000_058 * t4;
  const latitudeArgument = 160.7108 + 390.670_502_84 * k - 0.001_611_8 * t2 - 0.000_002_27 * t3 + 0.000_000_011 * t4;
  const node = 124.7746 - 1.563_755_88 * k + 0.002_067_2 * t2 + 0.000_002_15 * t3;
  const [m, mm, f] = [sunAnomaly, moonAnomaly, latitudeArgument];

  const periodic =
    -0.4072 * sinDeg(mm) +
    0.17241 * e * sinDeg(m) +
    0.01608 * sinDeg(2 * mm) +
    0.01039 * sinDeg(2 * f) +
    0.00739 * e * sinDeg(mm - m) -
    0.00514 * e * sinDeg(mm + m) +
    0.00208 * e * e * sinDeg(2 * m) -
    0.00111 * sinDeg(mm - 2 * f) -
    0.00057 * sinDeg(mm + 2 * f) +
    0.00056 * e * sinDeg(2 * mm + m) -
    0.00042 * sinDeg(3 * mm) +
    0.00042 * e * sinDeg(m + 2 * f) +
    0.00038 * e * sinDeg(m - 2 * f) -
    0.00024 * e * sinDeg(2 * mm - m) -
    0.00017 * sinDeg(node) -
    0.00007 * sinDeg(mm + 2 * m) +
    0.00004 * sinDeg(2 * mm - 2 * f) +
    0.00004 * sinDeg(3 * m) +
    0.00003 * sinDeg(mm + m - 2 * f) +
    0.00003 * sinDeg(2 * mm + 2 * f) -
    0.00003 * sinDeg(mm + m + 2 * f) +
    0.00003 * sinDeg(mm - m + 2 * f) -
    0.00002 * sinDeg(mm - m - 2 * f) -
    0.00002 * sinDeg(3 * mm + m) +
    0.00002 * sinDeg(4 * mm);

  const planetary = planetaryNewMoonTerms.reduce(
    (sum, [amplitude, base, rate, quadratic]) => sum + amplitude * sinDeg(base + rate * k + quadratic * t2),
    0,
  );
  return mean + periodic + planetary;
}

/** Meeus table 49.b: amplitude (days), then the argument `base + rate·k + quadratic·T²` in degrees. */
const planetaryNewMoonTerms: readonly (readonly [number, number, number, number])[] = [
  [0.000_325, 299.77, 0.107_408, -0.009_173],
  [0.000_165, 251.88, 0.016_321, 0],
  [0.000_164, 251.83, 26.651_886, 0],
  [0.000_126, 349.42, 36.412_478, 0],
  [0.000_11, 84.66, 18.206_239, 0],
  [0.000_062, 141.74, 53.303_771, 0],
  [0.000_06, 207.14, 2.453_732, 0],
  [0.000_056, 154.84, 7.306_86, 0],
  [0.000_047, 34.52, 27.261_239, 0],
  [0.000_042, 207.19, 0.121_824, 0],
  [0.000_04, 291.34, 1.844_379, 0],
  [0.000_037, 161.72, 24.198_154, 0],
  [0.000_035, 239.56, 25.513_099, 0],
  [0.000_023, 331.55, 3.592_518, 0],
];

/** The Sun's apparent geocentric longitude in degrees [0, 360) at a Julian Ephemeris Day. */
export function sunApparentLongitude(julianEphemerisDay: number): number {
  const tau = (julianEphemerisDay - j2000) / 365_250;
  const earthLongitude = evaluateVsop(earthLongitudeSeries, tau);
  const earthRadius = evaluateVsop(earthRadiusSeries, tau);
  const t = tau * 10;
  const geometric = earthLongitude * degreesPerRadian + 180;
  const fk5Correction = -0.090_33 / arcsecondsPerDegree;
  const aberration = -20.4898 / earthRadius / arcsecondsPerDegree;
  return normaliseDegrees(geometric + fk5Correction + nutationInLongitude(t) + aberration);
}

/** Δψ from the four largest terms of the IAU 1980 theory (Meeus ch. 22), in degrees. */
function nutationInLongitude(t: number): number {
  const moonNode = 125.044_52 - 1934.136_261 * t;
  const sunMeanLongitude = 280.4665 + 36_000.7698 * t;
  const moonMeanLongitude = 218.3165 + 481_267.8813 * t;
  const arcseconds =
    -17.2 * sinDeg(moonNode) -
    1.32 * sinDeg(2 * sunMeanLongitude) -
    0.23 * sinDeg(2 * moonMeanLongitude) +
    0.21 * sinDeg(2 * moonNode);
  return arcseconds / arcsecondsPerDegree;
}

type VsopTerm = readonly [amplitude: number, phase: number, frequency: number];

/** Σₙ τⁿ Σ A·cos(B + C·τ), with the amplitudes in units of 10⁻⁸. */
function evaluateVsop(series: readonly (readonly VsopTerm[])[], tau: number): number {
  let total = 0;
  series.forEach((terms, power) => {
    const sum = terms.reduce(
      (partial, [amplitude, phase, frequency]) => partial + amplitude * Math.cos(phase + frequency * tau),
      0,
    );
    total += sum * tau ** power;
  });
  return total / 1e8;
}

/** The Earth's heliocentric longitude, VSOP87 truncated as in Meeus appendix III (L0–L5). */
const earthLongitudeSeries: readonly (readonly VsopTerm[])[] = [
  [
    [175_347_046, 0, 0],
    [3_341_656, 4.669_256_8, 6283.07585],
    [34_894, 4.6261, 12_566.1517],
    [3497, 2.7441, 5753.3849],
    [3418, 2.8289, 3.5231],
    [3136, 3.6277, 77_713.7715],
    [2676, 4.4181, 7860.4194],
    [2343, 6.1352, 3930.2097],
    [1324, 0.7425, 11_506.7698],
    [1273, 2.0371, 529.691],
    [1199, 1.1096, 1577.3435],
    [990, 5.233, 5884.927],
    [902, 2.045, 26.298],
    [857, 3.508, 398.149],
    [780, 1.179, 5223.694],
    [753, 2.533, 5507.553],
    [505, 4.583, 18_849.228],
    [492, 4.205, 775.523],
    [357, 2.92, 0.067],
    [317, 5.849, 11_790.629],
    [284, 1.899, 796.298],
    [271, 0.315, 10_977.079],
    [243, 0.345, 5486.778],
    [206, 4.806, 2544.314],
    [205, 1.869, 5573.143],
    [202, 2.458, 6069.777],
    [156, 0.833, 213.299],
    [132, 3.411, 2942.463],
    [126, 1.083, 20.775],
    [115, 0.645, 0.98],
    [103, 0.636, 4694.003],
    [102, 0.976, 15_720.839],
    [102, 4.267, 7.114],
    [99, 6.21, 2146.17],
    [98, 0.68, 155.42],
    [86, 5.98, 161_000.69],
    [85, 1.3, 6275.96],
    [85, 3.67, 71_430.7],
    [80, 1.81, 17_260.15],
    [79, 3.04, 12_036.46],
    [75, 1.76, 5088.63],
    [74, 3.5, 3154.69],
    [74, 4.68, 801.82],
    [70, 0.83, 9437.76],
    [62, 3.98, 8827.39],
    [61, 1.82, 7084.9],
    [57, 2.78, 6286.6],
    [56, 4.39, 14_143.5],
    [56, 3.47, 6279.55],
    [52, 0.19, 12_139.55],
    [52, 1.33, 1748.02],
    [51, 0.28, 5856.48],
    [49, 0.49, 1194.45],
    [41, 5.37, 8429.24],
    [41, 2.4, 19_651.05],
    [39, 6.17, 10_447.39],
    [37, 6.04, 10_213.29],
    [37, 2.57, 1059.38],
    [36, 1.71, 2352.87],
    [36, 1.78, 6812.77],
    [33, 0.59, 17_789.85],
    [30, 0.44, 83_996.85],
    [30, 2.74, 1349.87],
    [25, 3.16, 4690.48],
  ],
  [
    [628_331_966_747, 0, 0],
    [206_059, 2.678_235, 6283.07585],
    [4303, 2.6351, 12_566.1517],
    [425, 1.59, 3.523],
    [119, 5.796, 26.298],
    [109, 2.966, 1577.344],
    [93, 2.59, 18_849.23],
    [72, 1.14, 529.69],
    [68, 1.87, 398.15],
    [67, 4.41, 5507.55],
    [59, 2.89, 5223.69],
    [56, 2.17, 155.42],
    [45, 0.4, 796.3],
    [36, 0.47, 775.52],
    [29, 2.65, 7.11],
    [21, 5.34, 0.98],
    [19, 1.85, 5486.78],
    [19, 4.97, 213.3],
    [17, 2.99, 6275.96],
    [16, 0.03, 2544.31],
    [16, 1.43, 2146.17],
    [15, 1.21, 10_977.08],
    [12, 2.83, 1748.02],
    [12, 3.26, 5088.63],
    [12, 5.27, 1194.45],
    [12, 2.08, 4694],
    [11, 0.77, 553.57],
    [10, 1.3, 6286.6],
    [10, 4.24, 1349.87],
    [9, 2.7, 242.73],
    [9, 5.64, 951.72],
    [8, 5.3, 2352.87],
    [6, 2.65, 9437.76],
    [6, 4.67, 4690.48],
  ],
  [
    [52_919, 0, 0],
    [8720, 1.0721, 6283.0758],
    [309, 0.867, 12_566.152],
    [27, 0.05, 3.52],
    [16, 5.19, 26.3],
    [16, 3.68, 155.42],
    [10, 0.76, 18_849.23],
    [9, 2.06, 77_713.77],
    [7, 0.83, 775.52],
    [5, 4.66, 1577.34],
    [4, 1.03, 7.11],
    [4, 3.44, 5573.14],
    [3, 5.14, 796.3],
    [3, 6.05, 5507.55],
    [3, 1.19, 242.73],
    [3, 6.12, 529.69],
    [3, 0.31, 398.15],
    [3, 2.28, 553.57],
    [2, 4.38, 5223.69],
    [2, 3.75, 0.98],
  ],
  [
    [289, 5.844, 6283.076],
    [35, 0, 0],
    [17, 5.49, 12_566.15],
    [3, 5.2, 155.42],
    [1, 4.72, 3.52],
    [1, 5.3, 18_849.23],
    [1, 5.97, 242.73],
  ],
  [
    [114, 3.142, 0],
    [8, 4.13, 6283.08],
    [1, 3.84, 12_566.15],
  ],
  [[1, 3.14, 0]],
];

/** The Earth–Sun distance in AU, enough of VSOP87 (R0–R1) for the aberration of light. */
const earthRadiusSeries: readonly (readonly VsopTerm[])[] = [
  [
    [100_013_989, 0, 0],
    [1_670_700, 3.098_463_5, 6283.07585],
    [13_956, 3.055_25, 12_566.1517],
    [3084, 5.1985, 77_713.7715],
    [1628, 1.1739, 5753.3849],
    [1576, 2.8469, 7860.4194],
  ],
  [
    [103_019, 1.107_49, 6283.07585],
    [1721, 1.0644, 12_566.1517],
  ],
];

/**
 * ΔT = TT − UT in seconds: the polynomial fits of Espenak and Meeus (2006) to the observed
 * drift of the Earth's rotation, extrapolated after the present.
 */
export function deltaTSeconds(julianDay: number): number {
  const y = 2000 + (julianDay - j2000) / 365.25;
  if (y < 1900) {
    const t = y - 1860;
    return 7.62 + 0.5737 * t - 0.251_754 * t ** 2 + 0.016_806_68 * t ** 3 - 0.000_447_362_4 * t ** 4 + t ** 5 / 233_174;
  }
  if (y < 1920) {
    const t = y - 1900;
    return -2.79 + 1.494_119 * t - 0.059_893_9 * t ** 2 + 0.006_196_6 * t ** 3 - 0.000_197 * t ** 4;
  }
  if (y < 1941) {
    const t = y - 1920;
    return 21.2 + 0.844_93 * t - 0.0761 * t ** 2 + 0.002_093_6 * t ** 3;
  }
  if (y < 1961) {
    const t = y - 1950;
    return 29.07 + 0.407 * t - t ** 2 / 233 + t ** 3 / 2547;
  }
  if (y < 1986) {
    const t = y - 1975;
    return 45.45 + 1.067 * t - t ** 2 / 260 - t ** 3 / 718;
  }
  if (y < 2005) {
    const t = y - 2000;
    return 63.86 + 0.3345 * t - 0.060_374 * t ** 2 + 0.001_727_5 * t ** 3 + 0.000_651_814 * t ** 4 + 0.000_023_735_99 * t ** 5;
  }
  if (y < 2050) {
    const t = y - 2000;
    return 62.92 + 0.322_17 * t + 0.005_589 * t ** 2;
  }
  const u = (y - 1820) / 100;
  return y < 2150 ? -20 + 32 * u ** 2 - 0.5628 * (2150 - y) : -20 + 32 * u ** 2;
}

function sinDeg(degrees: number): number {
  return Math.sin(degrees / degreesPerRadian);
}

function normaliseDegrees(degrees: number): number {
  return ((degrees % 360) + 360) % 360;
}
