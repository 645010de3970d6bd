import { z } from 'zod';
import { type ComplianceFlag, type ForeignMarriageOutcome, type IssuedDocumentKind, UnitLevel } from '../domain/enums';
import { CivilDate } from '../domain/primitives';
import { type Appendix01Row, type ReportData } from './data';
import { footnoteSegments, tokenPattern } from './narrativeMarkup';
import { defaultAuthor, defaultRecipients as recipientsForLevel, levelWording } from './issuer';

// ---------------------------------------------------------------------------
// Vietnamese formats used in party documents
// ---------------------------------------------------------------------------

/** 2542 → "2.542": Vietnamese writes "." between thousands. */
export function formatNumber(value: number): string {
  const sign = value < 0 ? '-' : '';
  return sign + String(Math.abs(Math.trunc(value))).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** Counts quoted in a report body: single digits take a leading zero ("03 trường hợp"), as the model report writes them. */
export function formatCount(value: number): string {
  return value > 0 && value < 10 ? `0${value}` : formatNumber(value);
}

function civilParts(date: string): { year: number; month: number; day: number } {
  const [year, month, day] = date.split('-').map(Number);
  return { year: year ?? 0, month: month ?? 0, day: day ?? 0 };
}

/** Party documents pad days below 10 and months below 3 with a zero ("08/02/2022", "17/4/2026"). */
function dayText(day: number): string {
  return day < 10 ? `0${day}` : String(day);
}

function monthText(month: number): string {
  return month < 3 ? `0${month}` : String(month);
}

/** "2026-04-17" → "17/4/2026". */
export function formatDate(date: string): string {
  const { year, month, day } = civilParts(date);
  return `${dayText(day)}/${monthText(month)}/${year}`;
}

/** The place-and-date line under the party heading: "Vĩnh Trạch, ngày 20 tháng 5 năm 2026". */
export function formatPlaceDate(place: string, date: string | undefined): string {
  if (!date) return `${place}, ngày     tháng     năm 20    `;
  const { year, month, day } = civilParts(date);
  return `${place}, ngày ${dayText(day)} tháng ${monthText(month)} năm ${year}`;
}

function isLastDayOfYear(date: string): boolean {
  return date.endsWith('-12-31');
}

function isFirstDayOfYear(date: string): boolean {
  return date.endsWith('-01-01');
}

/**
 * The reporting period as the model report names it at the start of a sentence:
 * "Từ năm 2023 đến tháng 5/2026", "Từ năm 2023 đến năm 2025", "Năm 2025".
 */
export function periodLabel(period: { from: string; to: string }): string {
  const from = civilParts(period.from);
  const to = civilParts(period.to);
  if (from.year === to.year && isFirstDayOfYear(period.from) && isLastDayOfYear(period.to)) return `Năm ${from.year}`;
  const start = isFirstDayOfYear(period.from) ? `năm ${from.year}` : `tháng ${from.month}/${from.year}`;
  const end = isLastDayOfYear(period.to) ? `năm ${to.year}` : `tháng ${to.month}/${to.year}`;
  return `Từ ${start} đến ${end}`;
}

/** The same label inside a sentence ("… từ năm 2023 đến tháng 5/2026, …"). */
export function periodPhrase(period: { from: string; to: string }): string {
  const label = periodLabel(period);
  return label.charAt(0).toLowerCase() + label.slice(1);
}

/**
 * A year row of the appendices and of the dashboard: "Năm 2023", or "Năm 2026 (tính đến 31/5/2026)" when
 * the period ends inside that year. One rule for appendix 02, appendix 03 and the chart by year, because
 * "Tháng 5/2026" alone reads as that one month.
 */
export function yearToDateLabel(row: { year: number; until: string }): string {
  if (isLastDayOfYear(row.until)) return `Năm ${row.year}`;
  return `Năm ${row.year} (tính đến ${formatDate(row.until)})`;
}

// ---------------------------------------------------------------------------
// Issued documents (appendix 01 and the footnote of section I)
// ---------------------------------------------------------------------------

const kindWordsByCode: Record<string, string> = {
  CT: 'Chỉ thị',
  NQ: 'Nghị quyết',
  KL: 'Kết luận',
  CV: 'Công văn',
  KH: 'Kế hoạch',
  HD: 'Hướng dẫn',
  TB: 'Thông báo',
  QC: 'Quy chế',
  CTR: 'Chương trình',
  ĐA: 'Đề án',
  BC: 'Báo cáo',
  // "QĐ" is both Quy định and Quyết định; on this subject the committees issue rules (Quy định), as in the model.
  QĐ: 'Quy định',
};

const kindWordsByKind: Record<IssuedDocumentKind, string> = {
  directive: 'Chỉ thị',
  official_letter: 'Công văn',
  plan: 'Kế hoạch',
  guidance: 'Hướng dẫn',
  other: 'Văn bản',
};

const titleKindWords = [
  'Quyết định',
  'Quy định',
  'Quy chế',
  'Chỉ thị',
  'Nghị quyết',
  'Kết luận',
  'Kế hoạch',
  'Hướng dẫn',
  'Thông báo',
  'Chương trình',
  'Đề án',
  'Công văn',
];

/** A title that opens with a capitalised kind word names the kind ("Quyết định ban hành …"); "kết luận …" is a subject. */
function titleKindWord(title: string): string | undefined {
  const trimmed = title.trim();
  return titleKindWords.find((word) => trimmed.startsWith(`${word} `));
}

/** The kind of an issued document in words ("Quy định", "Công văn"), from its title or the code of its symbol. */
export function issuedDocumentKindWord(row: Pick<Appendix01Row, 'kind' | 'ref' | 'title'>): string {
  const fromTitle = titleKindWord(row.title);
  if (fromTitle) return fromTitle;
  if (row.kind === 'official_letter' || row.kind === 'plan' || row.kind === 'guidance') return kindWordsByKind[row.kind];
  const code = /-([^/]+)\//.exec(row.ref)?.[1]?.toUpperCase();
  return (code && kindWordsByCode[code]) || kindWordsByKind[row.kind];
}

function subjectOf(title: string): string {
  const kindWord = titleKindWord(title);
  const rest = (kindWord ? title.trim().slice(kindWord.length) : title).trim();
  if (rest === '') return '';
  if (/^về\s/i.test(rest)) return `về ${rest.slice(3).trimStart()}`;
  if (/^v\/v\s/i.test(rest)) return `về ${rest.slice(4).trimStart()}`;
  return `về ${rest}`;
}

/** "Quy định số 3121-QĐ/TU ngày 26/4/2023 về công tác quản lý …", as the model cites documents in appendix 01. */
export function issuedDocumentCitation(row: Appendix01Row): string {
  const subject = subjectOf(row.title);
  return [`${issuedDocumentKindWord(row)} số ${row.ref} ngày ${formatDate(row.date)}`, subject].filter(Boolean).join(' ');
}

// ---------------------------------------------------------------------------
// Report metadata
// ---------------------------------------------------------------------------

const Millimetres = z.number().min(5).max(60);

/** Page margins in millimetres. */
export const PageMargins = z.object({ top: Millimetres, bottom: Millimetres, left: Millimetres, right: Millimetres });
export type PageMargins = z.infer<typeof PageMargins>;

/** Hướng dẫn 36-HD/VPTW: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm. */
export const defaultPageMargins: PageMargins = { top: 20, bottom: 20, left: 30, right: 15 };

export const defaultReportTitle =
  'kết quả thực hiện công tác xây dựng tổ chức đảng, phát triển và quản lý đảng viên ở nước ngoài';

/**
 * The governing texts the first section cites. Defaults only: the office replaces them from its table of legal
 * bases when one of them is superseded.
 */
export const defaultGoverningTexts: readonly string[] = [
  'Quy định số 86-QĐ/TW, ngày 28/10/2022 của Ban Bí thư về nhiệm vụ của đảng viên và công tác quản lý đảng viên ở nước ngoài (viết tắt là Quy định số 86-QĐ/TW)',
  'Hướng dẫn số 30-HD/BTCTW, ngày 23/4/2025 của Ban Tổ chức Trung ương về thực hiện một số nội dung Quy định số 86-QĐ/TW',
];

/** The upper level's request the report answers, e.g. Công văn 626-CV/BTCTW of 17/4/2026. */
export const ReportingRoundReference = z.object({
  kind: z.string().default('Công văn'),
  reference: z.string().min(1),
  date: CivilDate,
  issuer: z.string().min(1),
  subject: z.string().default(''),
});
export type ReportingRoundReference = z.infer<typeof ReportingRoundReference>;

export const ReportSigner = z.object({
  authority: z.string().default('T/M BAN THƯỜNG VỤ'),
  title: z.string().default('BÍ THƯ'),
  name: z.string(),
});
export type ReportSigner = z.infer<typeof ReportSigner>;

/**
 * Everything a printed report needs besides the figures. Names are written as in running text
 * ("Đảng ủy xã Vĩnh Trạch"); the heading prints them in capitals.
 */
export const ReportMeta = z.object({
  /** The directly superior organisation, first line of the heading: "Đảng bộ tỉnh An Giang". */
  parentName: z.string(),
  /** The issuing committee: "Đảng ủy xã Vĩnh Trạch". */
  committeeName: z.string().min(1),
  /** The issuer's level: it decides the default author, recipients and wording (shared/report/issuer.ts). */
  level: UnitLevel.default('commune'),
  /** Who reports, in sentences; defaults to "Ban Thường vụ " + the committee, the committee itself at the centre. */
  author: z.string().optional(),
  /** Number and symbol without "Số": "15-BC/ĐU"; a bare number takes the issuer's symbol. */
  numberAndSymbol: z.string(),
  /** The issuer's part of the symbol: "TU", "ĐU", "BTCTW". */
  symbol: z.string().default('ĐU'),
  place: z.string().min(1),
  date: CivilDate,
  documentType: z.string().default('BÁO CÁO'),
  title: z.string().default(defaultReportTitle),
  round: ReportingRoundReference.optional(),
  governingTexts: z.array(z.string()).default([...defaultGoverningTexts]),
  recipients: z.array(z.string()).default([]),
  signer: ReportSigner,
  margins: PageMargins.default(defaultPageMargins),
  /** How members who stayed abroad without permission were handled (appendix 02); printed as dots when empty. */
  unauthorisedStayHandling: z.string().default(''),
});
export type ReportMeta = z.infer<typeof ReportMeta>;
export type ReportMetaInput = z.input<typeof ReportMeta>;

export function reportAuthor(meta: Pick<ReportMeta, 'author' | 'committeeName'> & { level?: UnitLevel }): string {
  return meta.author?.trim() || defaultAuthor(meta.committeeName, meta.level ?? 'commune');
}

/**
 * "15-BC/TU": the number and symbol as written; a bare number takes the issuer's symbol, and an
 * unnumbered draft keeps room for the number the registry clerk writes in.
 */
export function reportNumberAndSymbol(numberAndSymbol: string, symbol = 'ĐU'): string {
  const written = numberAndSymbol.trim();
  if (written === '') return `       -BC/${symbol}`;
  return /^\d+$/.test(written) ? `${written}-BC/${symbol}` : written;
}

/** "Số 15-BC/TU". */
export function documentNumberLine(numberAndSymbol: string, symbol = 'ĐU'): string {
  return `Số ${reportNumberAndSymbol(numberAndSymbol, symbol)}`;
}

/** The recipients as printed: "- name," on each line and a full stop after the last. */
export function recipientLines(recipients: readonly string[]): string[] {
  const names = recipients.map((name) => name.trim().replace(/[,.;]+$/, '')).filter(Boolean);
  return names.map((name, index) => `- ${name}${index === names.length - 1 ? '.' : ','}`);
}

export function defaultRecipients(meta: Pick<ReportMeta, 'committeeName'> & { level?: UnitLevel }): string[] {
  return recipientsForLevel(meta.committeeName, meta.level ?? 'commune');
}

/** The recipients the office chose, or the usual ones for the issuer's level when it chose none. */
export function reportRecipients(meta: Pick<ReportMeta, 'recipients' | 'committeeName'> & { level?: UnitLevel }): string[] {
  return meta.recipients.length > 0 ? meta.recipients : defaultRecipients(meta);
}

/**
 * The opening sentence: the upper level's request when the round names one; otherwise the periodic
 * reporting duty, so that the opening does not repeat the governing texts section I starts with.
 */
export function basisSentence(meta: Pick<ReportMeta, 'round' | 'author' | 'committeeName'> & { level?: UnitLevel }): string {
  const author = reportAuthor(meta);
  const round = meta.round;
  if (!round) {
    return `Thực hiện chế độ báo cáo định kỳ về công tác quản lý đảng viên ở nước ngoài, ${author} báo cáo kết quả triển khai, thực hiện như sau:`;
  }
  const subject = round.subject.trim() ? ` ${round.subject.trim()}` : '';
  return `Căn cứ ${round.kind} ${round.reference}, ngày ${formatDate(round.date)} của ${round.issuer}${subject}, ${author} báo cáo kết quả triển khai, thực hiện như sau:`;
}

// ---------------------------------------------------------------------------
// The narrative: ordered sections of editable paragraphs
// ---------------------------------------------------------------------------

export const narrativeSectionLevels = ['body', 'part', 'chapter', 'item', 'subitem'] as const;
export const NarrativeSectionLevel = z.enum(narrativeSectionLevels);
export type NarrativeSectionLevel = z.infer<typeof NarrativeSectionLevel>;

/**
 * One heading and its paragraphs. Paragraph text may hold `{token}` placeholders (filled from the report data, see
 * `narrativeTokens`) and inline footnotes `^[footnote text]`; a line break inside a footnote starts a new footnote
 * paragraph. A run-in section prints its single paragraph on the heading line ("2. …: Không có.").
 */
export const NarrativeSection = z.object({
  id: z.string(),
  level: NarrativeSectionLevel,
  number: z.string(),
  title: z.string(),
  runIn: z.boolean(),
  paragraphs: z.array(z.string()),
});
export type NarrativeSection = z.infer<typeof NarrativeSection>;

export const Narrative = z.object({ sections: z.array(NarrativeSection) });
export type Narrative = z.infer<typeof Narrative>;

/** What the office changed, saved per section id and applied to the next generated template. */
export const NarrativeEdits = z.record(z.string(), z.array(z.string()));
export type NarrativeEdits = z.infer<typeof NarrativeEdits>;

/** The stable section ids, in document order. */
export const narrativeSectionIds = [
  'opening',
  'part1',
  'part1.leadership',
  'part1.results',
  'part1.results.selection',
  'part1.results.enterprise',
  'part1.results.duties',
  'part1.results.transfers',
  'part1.results.return',
  'part1.results.exemption',
  'part1.results.reporting',
  'part1.results.coordination',
  'part1.assessment',
  'part1.assessment.strengths',
  'part1.assessment.strengths.results',
  'part1.assessment.strengths.causes',
  'part1.assessment.weaknesses',
  'part1.assessment.weaknesses.results',
  'part1.assessment.weaknesses.causes',
  'part1.assessment.lessons',
  'part2',
  'part2.outlook',
  'part2.tasks',
  'part2.proposals',
  'closing',
] as const;
export type NarrativeSectionId = (typeof narrativeSectionIds)[number];

const reportingFlags: readonly ComplianceFlag[] = [
  'departed_without_approval',
  'missing_application',
  'application_late',
  'return_report_overdue',
  'border_pass_unreported',
  'unreported_departure',
];

const flagTokens: Record<ComplianceFlag, string> = {
  departed_without_approval: 'departedWithoutApproval',
  missing_application: 'missingApplication',
  application_late: 'applicationLate',
  overstay_without_extension: 'overstayWithoutExtension',
  return_report_overdue: 'returnReportOverdue',
  activity_transfer_missing: 'activityTransferMissing',
  border_pass_unreported: 'borderPassUnreported',
  unreported_departure: 'unreportedDeparture',
  foreign_marriage_unprocessed: 'foreignMarriageUnprocessed',
};

const flagPhrases: Record<ComplianceFlag, string> = {
  departed_without_approval: 'trường hợp ra nước ngoài khi chưa được cấp có thẩm quyền cho phép',
  missing_application: 'trường hợp chưa có đơn đề nghị hoặc bản cam kết trong hồ sơ',
  application_late: 'trường hợp nộp đơn đề nghị chậm so với thời hạn',
  overstay_without_extension: 'trường hợp ở lại nước ngoài quá thời hạn mà chưa được gia hạn',
  return_report_overdue: 'trường hợp chậm báo cáo kết quả chuyến đi sau khi về nước',
  activity_transfer_missing: 'trường hợp chưa làm thủ tục chuyển sinh hoạt đảng theo thời gian ở nước ngoài',
  border_pass_unreported: 'trường hợp xuất cảnh bằng giấy thông hành nhưng không báo cáo trước khi đi',
  unreported_departure: 'trường hợp xuất cảnh không báo cáo, phát hiện qua đối chiếu danh sách xuất nhập cảnh',
  foreign_marriage_unprocessed: 'trường hợp đảng viên kết hôn với người nước ngoài chưa được cấp ủy xem xét',
};

function sum(values: Iterable<number>): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

function flagCount(data: ReportData, flag: ComplianceFlag): number {
  return data.figures.complianceFlags[flag] ?? 0;
}

function otherPurposes(data: ReportData): number {
  return Math.max(0, data.figures.permitted - data.figures.official - data.figures.selfFundedOrPrivate);
}

const marriageOutcomeWords: Record<ForeignMarriageOutcome, string> = {
  pending: 'chưa xem xét, giải quyết',
  continuing: 'tiếp tục sinh hoạt đảng',
  exempted: 'cho miễn sinh hoạt đảng',
  left_party: 'cho ra khỏi Đảng',
  struck_off: 'xóa tên',
};

/**
 * One line per unit with marriages to foreigners and how each was dealt with, as footnote 3 of the model report:
 * "Đảng ủy xã Vĩnh Trạch: 02 trường hợp (01 cho ra khỏi Đảng, 01 cho miễn sinh hoạt đảng)."
 */
export function marriageDetails(data: Pick<ReportData, 'marriages'>): string {
  const byUnit = new Map<string, Map<ForeignMarriageOutcome, number>>();
  for (const { unit, outcome } of data.marriages ?? []) {
    const outcomes = byUnit.get(unit) ?? new Map<ForeignMarriageOutcome, number>();
    const key = outcome ?? 'pending';
    outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
    byUnit.set(unit, outcomes);
  }
  return [...byUnit.entries()]
    .map(([unit, outcomes]) => {
      const total = sum(outcomes.values());
      const parts = [...outcomes.entries()].map(([outcome, count]) => `${formatCount(count)} ${marriageOutcomeWords[outcome]}`);
      return `${unit}: ${formatCount(total)} trường hợp (${parts.join(', ')}).`;
    })
    .join('\n');
}

/** The value of every `{token}` a narrative paragraph may use, formatted for a report body. */
export function narrativeTokens(data: ReportData, meta: ReportMeta): Record<string, string> {
  const { figures, appendix02, appendix03 } = data;
  const documents = data.appendix01;
  const tokens: Record<string, string> = {
    period: periodLabel(data.period),
    periodPhrase: periodPhrase(data.period),
    author: reportAuthor(meta),
    committee: meta.committeeName,
    permitted: formatCount(figures.permitted),
    official: formatCount(figures.official),
    selfFundedOrPrivate: formatCount(figures.selfFundedOrPrivate),
    otherPurposes: formatCount(otherPurposes(data)),
    under1m: formatCount(appendix02.total.under1m),
    from1to3m: formatCount(appendix02.total.from1to3m),
    from3to12m: formatCount(appendix02.total.from3to12m),
    over12m: formatCount(appendix02.total.over12m),
    specialMission: formatCount(appendix02.specialMission),
    invitedByName: formatCount(appendix02.invitedByName),
    temporaryTransfers: formatCount(figures.temporaryTransfers),
    officialTransfers: formatCount(figures.officialTransfers),
    exemptions: formatCount(figures.exemptions),
    marriagesToForeigners: formatCount(figures.marriagesToForeigners),
    leftParty: formatCount(figures.leftParty),
    abroadNow: formatCount(figures.abroadNow),
    stayedBeyondTerm: formatCount(appendix02.stayedBeyondTerm.total),
    stayedPermitted: formatCount(appendix02.stayedBeyondTerm.permitted),
    stayedUnauthorised: formatCount(appendix02.stayedBeyondTerm.unauthorised),
    labourTransferredOut: formatCount(appendix03.total.transferredOut),
    labourTransferredBack: formatCount(appendix03.total.transferredBack),
    labourNotTransferredBack: formatCount(appendix03.total.notTransferredBack),
    enterpriseCommittees: formatCount(appendix03.enterprise.committees),
    enterpriseCells: formatCount(appendix03.enterprise.cells),
    enterpriseMembers: formatCount(appendix03.enterprise.members),
    issuedDocumentCount: formatCount(documents.length),
    issuedDocuments: documents.map((row) => `${issuedDocumentCitation(row)}.`).join('\n'),
    marriageDetails: marriageDetails(data),
    violations: formatCount(sum(Object.values(figures.complianceFlags))),
  };
  for (const [flag, token] of Object.entries(flagTokens) as [ComplianceFlag, string][]) {
    tokens[token] = formatCount(flagCount(data, flag));
  }
  return tokens;
}

/** The token names a paragraph may use; the UI offers them when the office edits a section. */
export const narrativeTokenNames = [
  'period',
  'periodPhrase',
  'author',
  'committee',
  'permitted',
  'official',
  'selfFundedOrPrivate',
  'otherPurposes',
  'under1m',
  'from1to3m',
  'from3to12m',
  'over12m',
  'specialMission',
  'invitedByName',
  'temporaryTransfers',
  'officialTransfers',
  'exemptions',
  'marriagesToForeigners',
  'leftParty',
  'abroadNow',
  'stayedBeyondTerm',
  'stayedPermitted',
  'stayedUnauthorised',
  'labourTransferredOut',
  'labourTransferredBack',
  'labourNotTransferredBack',
  'enterpriseCommittees',
  'enterpriseCells',
  'enterpriseMembers',
  'issuedDocumentCount',
  'issuedDocuments',
  'marriageDetails',
  'violations',
  ...Object.values(flagTokens),
] as const;

/** The `{token}` names in an edited paragraph that no figure answers to, for the editor to point out. */
export function unknownTokens(text: string): string[] {
  const known = new Set<string>(narrativeTokenNames);
  return [...text.matchAll(tokenPattern)].map((match) => match[1] ?? '').filter((name) => !known.has(name));
}

/** Replaces `{token}` with its value; unknown tokens stay visible so a typo shows in the preview. */
export function fillTokens(text: string, tokens: Record<string, string>): string {
  return text.replace(tokenPattern, (whole, name: string) => tokens[name] ?? whole);
}

export type NarrativePiece = { kind: 'text'; text: string } | { kind: 'footnote'; paragraphs: string[] };

/** Splits a paragraph at its inline footnotes `^[…]` (brackets inside a footnote must balance). */
export function splitFootnotes(paragraph: string): NarrativePiece[] {
  return footnoteSegments(paragraph).map((segment) =>
    segment.kind === 'text'
      ? segment
      : {
          kind: 'footnote',
          paragraphs: segment.body
            .split('\n')
            .map((line) => line.trim())
            .filter(Boolean),
        },
  );
}

/** The paragraph without its footnotes, as a person reads it in the body. */
export function bodyText(paragraph: string): string {
  return splitFootnotes(paragraph)
    .filter((piece): piece is { kind: 'text'; text: string } => piece.kind === 'text')
    .map((piece) => piece.text)
    .join('');
}

function section(
  id: NarrativeSectionId,
  level: NarrativeSectionLevel,
  number: string,
  title: string,
  paragraphs: string[] = [],
  runIn = false,
): NarrativeSection {
  return { id, level, number, title, runIn, paragraphs };
}

function leadershipParagraphs(data: ReportData, meta: ReportMeta): string[] {
  const wording = levelWording(data.unit.level);
  const texts = meta.governingTexts.length > 0 ? meta.governingTexts.join(' và ') : defaultGoverningTexts.join(' và ');
  const documents =
    data.appendix01.length > 0
      ? '; đã ban hành {issuedDocumentCount} văn bản^[{issuedDocuments}] để cụ thể hóa, hướng dẫn thực hiện phù hợp với tình hình thực tiễn của địa phương'
      : '';
  return [
    `Thực hiện ${texts}, {author} đã triển khai, quán triệt và lãnh đạo, chỉ đạo ${wording.subordinates} nghiên cứu, tổ chức thực hiện nghiêm túc, kịp thời bằng nhiều hình thức phù hợp, bảo đảm cán bộ, đảng viên nắm vững mục đích, yêu cầu, nội dung các quy định, hướng dẫn của Trung ương${documents}; góp phần tăng cường hiệu quả công tác quản lý, nâng cao ý thức trách nhiệm của cán bộ, đảng viên trong quá trình học tập, công tác, lao động ở nước ngoài.`,
    `Cấp ủy, người đứng đầu ${data.unit.level === 'commune' ? 'các chi bộ' : 'các tổ chức đảng'} phát huy vai trò lãnh đạo, tinh thần trách nhiệm trong quán triệt, triển khai thực hiện các quy định của Đảng về công tác quản lý cán bộ, đảng viên đi nước ngoài; thường xuyên kiểm tra, giám sát, kịp thời chấn chỉnh những hạn chế, thiếu sót trong quá trình tổ chức thực hiện.`,
  ];
}

const durationFootnote =
  '^[Đảng viên ra nước ngoài dưới 1 tháng là {under1m} trường hợp.\nĐảng viên ra nước ngoài từ 1 tháng đến 3 tháng là {from1to3m} trường hợp.\nĐảng viên ra nước ngoài từ trên 3 tháng đến 12 tháng là {from3to12m} trường hợp.\nĐảng viên ra nước ngoài trên 12 tháng là {over12m} trường hợp.]';

function selectionParagraphs(data: ReportData): string[] {
  const { figures } = data;
  const { whole } = levelWording(data.unit.level);
  let figuresSentence: string;
  if (figures.permitted === 0) {
    figuresSentence = `{period}, ${whole} không có đảng viên được cấp có thẩm quyền cho phép ra nước ngoài.`;
  } else {
    const parts: string[] = [];
    if (figures.official > 0) parts.push('đảng viên được cử đi công tác nước ngoài là {official} trường hợp');
    if (figures.selfFundedOrPrivate > 0)
      parts.push(
        'đảng viên ra nước ngoài lao động, học tập tự túc hoặc giải quyết việc riêng là {selfFundedOrPrivate} trường hợp',
      );
    if (otherPurposes(data) > 0) parts.push('các trường hợp khác là {otherPurposes}');
    const breakdown = parts.length > 0 ? `, trong đó ${parts.join(', ')}` : '';
    figuresSentence = `{period}, ${whole} có {permitted} đảng viên được cơ quan có thẩm quyền cho phép ra nước ngoài${durationFootnote}${breakdown}. Cấp ủy, ${data.unit.level === 'commune' ? 'chi bộ' : 'tổ chức đảng'} có đảng viên ra nước ngoài đã thực hiện nghiêm túc quy trình xem xét, cho phép đảng viên ra nước ngoài theo đúng thẩm quyền, bảo đảm chặt chẽ, đúng quy định của Đảng và pháp luật của Nhà nước.`;
  }
  return [
    figuresSentence,
    'Đảng viên khi có nhu cầu ra nước ngoài đã báo cáo cấp ủy về mục đích, thời gian, địa điểm, chương trình của chuyến đi, nguồn kinh phí và các nội dung có liên quan, làm đơn đề nghị và được cấp có thẩm quyền chấp thuận theo phân cấp quản lý cán bộ; đồng thời cam kết chấp hành nghiêm chủ trương, quy định của Đảng, pháp luật của Nhà nước và pháp luật của nước sở tại; giữ gìn phẩm chất chính trị, đạo đức, lối sống, tư cách người đảng viên.',
    'Sau khi về nước, đảng viên báo cáo kết quả chuyến đi với cấp ủy, chi bộ theo quy định; trong đó nêu rõ kết quả chuyến đi, việc chấp hành các quy định của Đảng, pháp luật của Nhà nước và pháp luật của nước sở tại, các mối quan hệ tiếp xúc với cá nhân, tổ chức nước ngoài và những vấn đề phát sinh (nếu có).',
  ];
}

function enterpriseSection(data: ReportData): NarrativeSection {
  const { committees, cells, members } = data.appendix03.enterprise;
  const id = 'part1.results.enterprise';
  const number = '2.';
  const title =
    'Việc quản lý, theo dõi, tổ chức sinh hoạt đối với đảng viên trong các tổ chức đảng của một số doanh nghiệp đang hoạt động ở nước ngoài';
  if (committees + cells + members === 0) return section(id, 'item', number, title, ['Không có.'], true);
  return section(id, 'item', number, title, [
    'Hiện có {enterpriseCommittees} đảng bộ, {enterpriseCells} chi bộ với {enterpriseMembers} đảng viên thuộc tổ chức đảng của doanh nghiệp làm việc dài hạn ở nước ngoài; cấp ủy duy trì việc theo dõi, nắm tình hình và phối hợp quản lý, tổ chức sinh hoạt đảng theo quy định.',
  ]);
}

function dutiesParagraphs(data: ReportData): string[] {
  const { figures, appendix02 } = data;
  const { subordinates, whole } = levelWording(data.unit.level);
  const paragraphs = [
    `{author} lãnh đạo ${subordinates} làm tốt công tác giáo dục, quán triệt để đảng viên chấp hành nghiêm nhiệm vụ của người đảng viên theo Điều lệ Đảng và các quy định của Trung ương về đảng viên đi nước ngoài; thường xuyên nhắc nhở đảng viên thực hiện nghiêm các quy định về nhiệm vụ của đảng viên theo Điều 3 Quy định số 86-QĐ/TW.`,
    'Đảng viên ra nước ngoài chủ yếu để công tác, giải quyết việc riêng, học tập trong thời gian ngắn; đảng viên chấp hành tốt quy định về bảo vệ bí mật nhà nước, bảo mật thông tin, tài liệu; không mang, phát tán tài liệu, văn hóa phẩm trái quy định của pháp luật khi ra nước ngoài và khi trở về nước. Qua rà soát, chưa phát hiện trường hợp đảng viên tham gia làm thành viên các tổ chức nước ngoài hoặc được dự định tặng danh hiệu, giải thưởng, học hàm, học vị danh dự.',
  ];
  // leftParty counts every member who left or was struck off in the period, not only after a foreign marriage.
  const leftParty = figures.leftParty > 0 ? ' Trong kỳ, có {leftParty} đảng viên ra khỏi đảng.' : '';
  if (figures.marriagesToForeigners === 0) {
    paragraphs.push(`{period}, ${whole} không có trường hợp đảng viên kết hôn với người nước ngoài.${leftParty}`);
  } else {
    const unprocessed =
      flagCount(data, 'foreign_marriage_unprocessed') > 0
        ? ' Còn {foreignMarriageUnprocessed} trường hợp cấp ủy đang xem xét, giải quyết theo Quy định số 127-QĐ/TW.'
        : '';
    const details = (data.marriages ?? []).length > 0 ? '^[{marriageDetails}]' : '';
    paragraphs.push(
      `{period}, ${whole} có {marriagesToForeigners} trường hợp đảng viên kết hôn với người nước ngoài${details}.${unprocessed}${leftParty}`,
    );
  }
  const stayed = appendix02.stayedBeyondTerm;
  const abroad =
    figures.abroadNow > 0
      ? 'Đến cuối kỳ báo cáo, có {abroadNow} đảng viên đang ở nước ngoài. '
      : 'Đến cuối kỳ báo cáo, không có đảng viên đang ở nước ngoài. ';
  if (stayed.total === 0) {
    paragraphs.push(`${abroad}Không có trường hợp đảng viên ở lại nước ngoài sau khi hết thời hạn.`);
  } else {
    const permitted =
      stayed.permitted > 0
        ? 'được cấp có thẩm quyền cho phép {stayedPermitted} trường hợp'
        : 'không có trường hợp được cấp có thẩm quyền cho phép';
    const unauthorised =
      stayed.unauthorised > 0 ? 'tự ý ở lại {stayedUnauthorised} trường hợp' : 'không có trường hợp tự ý ở lại';
    paragraphs.push(
      `${abroad}Số đảng viên còn ở lại nước ngoài sau khi hết thời hạn là {stayedBeyondTerm} trường hợp, trong đó ${permitted}, ${unauthorised}.`,
    );
  }
  return paragraphs;
}

function transferParagraphs(data: ReportData): string[] {
  const { figures } = data;
  const temporary =
    figures.temporaryTransfers > 0
      ? 'Kết quả {periodPhrase}, cấp ủy đã làm thủ tục chuyển sinh hoạt đảng tạm thời cho {temporaryTransfers} đảng viên.'
      : 'Trong kỳ, không phát sinh trường hợp phải chuyển sinh hoạt đảng tạm thời.';
  const official =
    figures.officialTransfers > 0
      ? 'Kết quả {periodPhrase}, cấp ủy đã làm thủ tục chuyển sinh hoạt đảng chính thức cho {officialTransfers} đảng viên.'
      : 'Trong kỳ, không phát sinh trường hợp phải chuyển sinh hoạt đảng chính thức.';
  const paragraphs = [
    `- Đối với đảng viên ra nước ngoài từ trên 3 tháng đến 12 tháng: Cấp ủy, chi bộ thực hiện việc chuyển sinh hoạt đảng tạm thời bảo đảm đúng quy trình, thủ tục; đảng viên khi đến nước ngoài kịp thời liên hệ với tổ chức đảng ở nước sở tại để được tiếp nhận, bố trí sinh hoạt; giữ mối liên hệ thường xuyên với chi bộ nơi đi và tổ chức đảng nơi đến. ${temporary}`,
    `- Đối với đảng viên ra nước ngoài trên 12 tháng: Cấp ủy thực hiện việc chuyển sinh hoạt đảng chính thức theo đúng quy định, phối hợp với Đảng ủy Bộ Ngoại giao để tiếp nhận, quản lý và bố trí sinh hoạt đảng cho đảng viên ở nước ngoài. ${official}`,
  ];
  if (flagCount(data, 'activity_transfer_missing') > 0) {
    paragraphs.push(
      'Còn {activityTransferMissing} trường hợp chưa làm thủ tục chuyển sinh hoạt đảng theo thời gian ở nước ngoài; cấp ủy đã chỉ đạo chi bộ hoàn thiện thủ tục theo quy định.',
    );
  }
  return paragraphs;
}

function returnParagraphs(data: ReportData): string[] {
  const labour = data.appendix03.total;
  let labourSentence = '{period}, không có đảng viên chuyển sinh hoạt đảng đi lao động ở nước ngoài.';
  if (labour.transferredOut > 0) {
    const back =
      labour.transferredBack > 0
        ? '{labourTransferredBack} đảng viên đã chuyển sinh hoạt đảng về nước'
        : 'chưa có đảng viên chuyển sinh hoạt đảng về nước';
    const notBack =
      labour.notTransferredBack > 0 ? ', {labourNotTransferredBack} đảng viên chưa chuyển sinh hoạt đảng về nước' : '';
    labourSentence = `{period}, có {labourTransferredOut} đảng viên chuyển sinh hoạt đảng đi lao động ở nước ngoài; trong đó ${back}${notBack}.`;
  }
  return [
    'Sau khi về nước, việc tiếp nhận, bố trí sinh hoạt đảng trở lại được thực hiện đúng quy trình; đảng viên tự kiểm điểm, báo cáo quá trình học tập, công tác, lao động ở nước ngoài và được cấp ủy xem xét, đánh giá làm cơ sở cho công tác quản lý, đánh giá, xếp loại đảng viên hằng năm.',
    labourSentence,
  ];
}

function exemptionParagraphs(data: ReportData): string[] {
  const result =
    data.figures.exemptions > 0
      ? ' Kết quả {periodPhrase}, cấp ủy đã xem xét, quyết định cho miễn sinh hoạt đảng đối với {exemptions} trường hợp.'
      : ' Trong kỳ, không phát sinh trường hợp đề nghị miễn sinh hoạt đảng.';
  return [
    `Việc miễn sinh hoạt đảng đối với đảng viên đi làm việc đơn lẻ, đi việc riêng được thực hiện theo đúng quy định của Điều lệ Đảng và hướng dẫn của Trung ương: đảng viên báo cáo chi bộ, chi bộ báo cáo cấp ủy cấp trên xem xét, quyết định theo thẩm quyền.${result}`,
  ];
}

function reportingParagraphs(data: ReportData): string[] {
  const shortfalls = reportingFlags.filter((flag) => flagCount(data, flag) > 0);
  if (shortfalls.length === 0) {
    return [
      'Đảng viên ra nước ngoài đều thực hiện nghiêm túc chế độ báo cáo với cấp ủy trực tiếp quản lý trước khi xuất cảnh và sau khi về nước theo quy định tại Hướng dẫn số 30-HD/BTCTW, ngày 23/4/2025 của Ban Tổ chức Trung ương.',
    ];
  }
  const list = shortfalls.map((flag) => `{${flagTokens[flag]}} ${flagPhrases[flag]}`).join('; ');
  return [
    `Đa số đảng viên ra nước ngoài thực hiện nghiêm túc chế độ báo cáo với cấp ủy trực tiếp quản lý trước khi xuất cảnh và sau khi về nước. Tuy nhiên, qua theo dõi còn ${list}. Cấp ủy đã nhắc nhở, chấn chỉnh và yêu cầu ${levelWording(data.unit.level).subordinates} thực hiện nghiêm chế độ báo cáo theo quy định.`,
  ];
}

function coordinationParagraphs(data: ReportData): string[] {
  const violations = sum(Object.values(data.figures.complianceFlags));
  const oversight =
    violations === 0
      ? 'Công tác kiểm tra, giám sát được thực hiện gắn với việc theo dõi quá trình học tập, công tác, lao động của đảng viên ở nước ngoài; {periodPhrase} chưa phát hiện trường hợp đảng viên vi phạm quy định về ra nước ngoài phải xem xét, xử lý kỷ luật.'
      : 'Công tác kiểm tra, giám sát được thực hiện gắn với việc theo dõi quá trình học tập, công tác, lao động của đảng viên ở nước ngoài; {periodPhrase}, qua theo dõi phát hiện {violations} trường hợp chưa chấp hành đầy đủ quy định về quản lý đảng viên ra nước ngoài, cấp ủy đã chỉ đạo xem xét, xử lý theo quy định.';
  return [
    'Cấp ủy duy trì việc trao đổi thông tin với Đảng ủy Bộ Ngoại giao và các cơ quan liên quan nhằm nắm tình hình đảng viên ở nước ngoài, thực hiện chuyển sinh hoạt đảng, tiếp nhận đảng viên về nước và xử lý các vấn đề phát sinh theo đúng quy định; phối hợp quản lý đảng viên đi lao động ở nước ngoài.',
    oversight,
  ];
}

/** Breaches found in the period: the compliance flags and the members still abroad without permission. */
function breachesFound(data: ReportData): boolean {
  return sum(Object.values(data.figures.complianceFlags)) + data.appendix02.stayedBeyondTerm.unauthorised > 0;
}

/** Praise for strict compliance only when the figures show no breach. */
function strengthParagraphs(data: ReportData): string[] {
  const common =
    'Công tác lãnh đạo, chỉ đạo và tổ chức thực hiện các quy định, hướng dẫn của Trung ương về nhiệm vụ của đảng viên và công tác quản lý đảng viên ở nước ngoài được thực hiện chặt chẽ, đúng quy trình, theo phân cấp quản lý cán bộ;';
  if (breachesFound(data)) {
    return [
      `${common} phần lớn đảng viên khi ra nước ngoài đã xin phép cấp ủy trực tiếp quản lý, khi về có báo cáo kết quả chuyến đi; các trường hợp chưa chấp hành đầy đủ quy định được phát hiện qua theo dõi và được cấp ủy nhắc nhở, chấn chỉnh.`,
    ];
  }
  return [
    `${common} đảng viên khi ra nước ngoài cơ bản đã xin phép cấp ủy trực tiếp quản lý, khi về có báo cáo kết quả chuyến đi; tư tưởng chính trị vững vàng, giữ gìn được phẩm chất đạo đức, chấp hành nghiêm các quy định của Đảng, pháp luật của Nhà nước và pháp luật của nước sở tại.`,
  ];
}

/** The breaches the figures show, stated with their handling, before the usual shortcomings. */
function shortcomingParagraphs(data: ReportData): string[] {
  if (!breachesFound(data)) return [];
  const parts: string[] = [];
  if (sum(Object.values(data.figures.complianceFlags)) > 0)
    parts.push('còn {violations} trường hợp chưa chấp hành đầy đủ quy định về quản lý đảng viên ra nước ngoài');
  if (data.appendix02.stayedBeyondTerm.unauthorised > 0)
    parts.push('{stayedUnauthorised} đảng viên tự ý ở lại nước ngoài sau khi hết thời hạn');
  return [`{period}, ${parts.join('; ')}; cấp ủy đã chỉ đạo rà soát, nhắc nhở, chấn chỉnh và xem xét, xử lý theo quy định.`];
}

function proposalParagraphs(data: ReportData): string[] {
  if (data.appendix02.stayedBeyondTerm.unauthorised > 0) {
    return [
      'Đề nghị cấp trên tiếp tục hướng dẫn việc xem xét, xử lý đối với đảng viên tự ý ở lại nước ngoài; phối hợp với Đảng ủy Bộ Ngoại giao nắm tình hình, vận động các trường hợp này trở về nước.',
    ];
  }
  if (breachesFound(data))
    return [
      'Đề nghị cấp trên tiếp tục hướng dẫn, kiểm tra việc thực hiện chế độ báo cáo của đảng viên trước và sau chuyến đi nước ngoài.',
    ];
  return ['Không có.'];
}

/**
 * The report body as a template: headings after the model report, paragraphs with `{token}` placeholders whose
 * wording already fits the figures (a zero reads "không có", not "0 trường hợp").
 */
export function narrativeTemplate(data: ReportData, meta: ReportMeta): Narrative {
  return {
    sections: [
      section('opening', 'body', '', '', [basisSentence(meta)]),
      section('part1', 'part', 'Phần thứ nhất', 'KẾT QUẢ THỰC HIỆN'),
      section(
        'part1.leadership',
        'chapter',
        'I-',
        'Công tác lãnh đạo, chỉ đạo triển khai thực hiện',
        leadershipParagraphs(data, meta),
      ),
      section('part1.results', 'chapter', 'II-', 'Kết quả thực hiện các quy định'),
      section(
        'part1.results.selection',
        'item',
        '1.',
        'Việc tuyển chọn, cử, cho phép đảng viên ra nước ngoài của cấp ủy, tổ chức đảng cử đi',
        selectionParagraphs(data),
      ),
      enterpriseSection(data),
      section('part1.results.duties', 'item', '3.', 'Việc thực hiện nhiệm vụ của đảng viên ở nước ngoài', dutiesParagraphs(data)),
      section(
        'part1.results.transfers',
        'item',
        '4.',
        'Việc chuyển sinh hoạt đảng cho đảng viên ra nước ngoài',
        transferParagraphs(data),
      ),
      section(
        'part1.results.return',
        'item',
        '5.',
        'Việc tiếp nhận, bố trí sinh hoạt đảng sau khi về nước; công tác nhận xét, đánh giá đảng viên trong thời gian ở nước ngoài',
        returnParagraphs(data),
      ),
      section(
        'part1.results.exemption',
        'item',
        '6.',
        'Việc miễn sinh hoạt đảng đối với đảng viên đi làm việc đơn lẻ, đi việc riêng, ở những nước chưa có cơ quan đại diện của Việt Nam, chưa có tổ chức đảng hoặc trong hoàn cảnh đặc biệt khó khăn',
        exemptionParagraphs(data),
      ),
      section(
        'part1.results.reporting',
        'item',
        '7.',
        'Chế độ báo cáo cấp ủy trực tiếp quản lý tại thời điểm trước và sau chuyến đi nước ngoài',
        reportingParagraphs(data),
      ),
      section(
        'part1.results.coordination',
        'item',
        '8.',
        'Công tác phối hợp với Đảng ủy Bộ Ngoại giao thực hiện chuyển sinh hoạt đảng, quản lý đối với đảng viên ở nước ngoài; người lao động Việt Nam làm việc ở nước ngoài; kiểm tra, giám sát xử lý kỷ luật đảng viên vi phạm theo quy định',
        coordinationParagraphs(data),
      ),
      section('part1.assessment', 'chapter', 'III-', 'Đánh giá chung'),
      section('part1.assessment.strengths', 'item', '1.', 'Ưu điểm và nguyên nhân'),
      section('part1.assessment.strengths.results', 'subitem', '1.1.', 'Ưu điểm', strengthParagraphs(data)),
      section('part1.assessment.strengths.causes', 'subitem', '1.2.', 'Nguyên nhân', [
        'Có sự lãnh đạo, chỉ đạo kịp thời, thường xuyên của cấp ủy; công tác kiểm tra, giám sát được quan tâm thực hiện; nhận thức của cấp ủy, chi bộ và đảng viên về công tác quản lý đảng viên đi nước ngoài từng bước được nâng lên.',
      ]),
      section('part1.assessment.weaknesses', 'item', '2.', 'Hạn chế và nguyên nhân'),
      section('part1.assessment.weaknesses.results', 'subitem', '2.1.', 'Hạn chế', [
        ...shortcomingParagraphs(data),
        'Việc nắm diễn biến tư tưởng, quá trình rèn luyện của đảng viên trong thời gian ở nước ngoài còn hạn chế; chế độ thông tin, báo cáo của một số đảng viên có lúc chưa đầy đủ, kịp thời; việc ứng dụng công nghệ thông tin trong quản lý hồ sơ đảng viên đi nước ngoài chưa được thông suốt.',
      ]),
      section('part1.assessment.weaknesses.causes', 'subitem', '2.2.', 'Nguyên nhân', [
        'Phương thức quản lý chủ yếu thông qua báo cáo của đảng viên nên hiệu quả theo dõi có lúc chưa cao; một số đảng viên chưa thật sự nâng cao ý thức chấp hành chế độ thông tin, báo cáo theo quy định.',
      ]),
      section('part1.assessment.lessons', 'item', '3.', 'Bài học kinh nghiệm', [
        '- Phải đặt dưới sự lãnh đạo, chỉ đạo thường xuyên, chặt chẽ của cấp ủy và đề cao vai trò, trách nhiệm nêu gương của người đứng đầu.',
        '- Chú trọng công tác giáo dục chính trị tư tưởng, nâng cao ý thức tổ chức kỷ luật và tinh thần trách nhiệm của đảng viên khi ra nước ngoài.',
        '- Tăng cường quản lý, theo dõi đảng viên đi nước ngoài; thực hiện nghiêm chế độ báo cáo, giữ mối liên hệ thường xuyên với cấp ủy, chi bộ.',
        '- Đẩy mạnh kiểm tra, giám sát; kịp thời phát hiện, nhắc nhở, chấn chỉnh và xử lý các trường hợp vi phạm.',
      ]),
      section('part2', 'part', 'Phần thứ hai', 'NHIỆM VỤ, GIẢI PHÁP THỜI GIAN TỚI'),
      section('part2.outlook', 'chapter', 'I-', 'Dự báo tình hình', [
        'Trong thời gian tới, cùng với quá trình phát triển kinh tế - xã hội và hội nhập quốc tế, nhu cầu học tập, lao động, công tác và giải quyết việc riêng ở nước ngoài của cán bộ, đảng viên có xu hướng tăng; nhiều đảng viên đi lao động đơn lẻ nên việc duy trì sinh hoạt đảng, chế độ báo cáo chưa thật sự thuận lợi; môi trường mạng và thông tin đa chiều tác động không nhỏ đến tư tưởng của đảng viên, đòi hỏi công tác quản lý, giáo dục chính trị tư tưởng phải thường xuyên, kịp thời, hiệu quả hơn.',
      ]),
      section('part2.tasks', 'chapter', 'II-', 'Các nhiệm vụ, giải pháp trọng tâm', [
        '1. Tiếp tục quán triệt, thực hiện nghiêm Quy định số 86-QĐ/TW và các hướng dẫn của Trung ương; nâng cao chất lượng giáo dục chính trị tư tưởng, ý thức tổ chức kỷ luật cho đảng viên trước khi ra nước ngoài.',
        '2. Đổi mới phương thức quản lý đảng viên theo hướng ứng dụng công nghệ số; cập nhật kịp thời thông tin đảng viên đi nước ngoài; duy trì liên hệ giữa chi bộ với đảng viên ở nước ngoài.',
        '3. Tăng cường trách nhiệm của cấp ủy, chi bộ trong xem xét, cho phép đảng viên ra nước ngoài; thực hiện nghiêm chế độ báo cáo trước và sau chuyến đi, việc chuyển sinh hoạt đảng theo thời gian ở nước ngoài.',
        '4. Tăng cường kiểm tra, giám sát; kịp thời phát hiện, nhắc nhở, chấn chỉnh và xử lý các trường hợp vi phạm theo quy định.',
      ]),
      section('part2.proposals', 'chapter', 'III-', 'Kiến nghị, đề xuất', proposalParagraphs(data), true),
      section('closing', 'body', '', '', ['Xin báo cáo các đồng chí.']),
    ],
  };
}

/** Replaces the paragraphs of each edited section; ids that no longer exist are ignored. */
export function applyNarrativeEdits(template: Narrative, edits: NarrativeEdits): Narrative {
  return {
    sections: template.sections.map((current) => {
      const paragraphs = edits[current.id];
      if (!paragraphs) return current;
      return { ...current, paragraphs: [...paragraphs], runIn: current.runIn && paragraphs.length === 1 };
    }),
  };
}

/** The template with every token filled: what the renderers print. */
export function fillNarrative(template: Narrative, data: ReportData, meta: ReportMeta): Narrative {
  const tokens = narrativeTokens(data, meta);
  return {
    sections: template.sections.map((current) => ({
      ...current,
      paragraphs: current.paragraphs.map((paragraph) => fillTokens(paragraph, tokens)),
    })),
  };
}

/** The report body with every figure filled in, ready to print or to edit. */
export function defaultNarrative(data: ReportData, meta: ReportMeta): Narrative {
  return fillNarrative(narrativeTemplate(data, meta), data, meta);
}
