import { and, eq } from 'drizzle-orm';
import { reportingRounds, reports, trustedCards } from '../../../db/schema';
import type { ReportData } from '../../../shared/report/data';
import {
  applyNarrativeEdits,
  fillNarrative,
  narrativeTemplate,
  NarrativeEdits,
  ReportMeta,
  type Narrative,
  type ReportMetaInput,
} from '../../../shared/report/narrative';
import { civilDateInVietnam } from '../../../shared/rules/dates';
import { newId } from '../../../shared/ids';
import { renderAppendicesXlsx } from '../documents/appendicesXlsx';
import { renderReportDocx } from '../documents/reportDocx';
import { renderReportPdf } from '../documents/reportPdf';
import { appendAudit } from '../audit';
import { reportFor } from '../exchange/combined';
import type { Registry } from '../registry/registry';

export type ReportFormat = 'docx' | 'xlsx' | 'pdf';

export interface ReportDraft {
  period: { from: string; to: string };
  roundId: string | null;
  data: ReportData;
  meta: ReportMeta;
  /** The paragraphs as the office edits them, with `{figure}` placeholders. */
  template: Narrative;
  /** The same with every figure filled in, as it prints. */
  narrative: Narrative;
  savedAt: string | null;
}

const committeePrefixes = /^(đảng ủy|đảng uỷ|ban thường vụ|tỉnh ủy|tỉnh uỷ|thành ủy|thành uỷ|đảng bộ)\s+(xã|phường|thị trấn|đặc khu|tỉnh|thành phố)?\s*/iu;

/** "Đảng ủy xã Vĩnh Trạch" is written at "Vĩnh Trạch" on the date line. */
export function placeOf(committeeName: string): string {
  return committeeName.replace(committeePrefixes, '').trim() || committeeName;
}

function defaultMeta(registry: Registry, roundId: string | null): ReportMetaInput {
  const unit = registry.ownUnit();
  const parent = unit.parentCode ? registry.db.select({ name: trustedCards.unitName }).from(trustedCards).where(eq(trustedCards.unitCode, unit.parentCode)).get() : undefined;
  const round = roundId ? registry.db.select().from(reportingRounds).where(eq(reportingRounds.id, roundId)).get() : undefined;
  return {
    parentName: parent?.name ?? '',
    committeeName: unit.name,
    numberAndSymbol: '',
    place: placeOf(unit.name),
    date: civilDateInVietnam(new Date()),
    signer: { name: '' },
    ...(round && round.refDate && round.issuerName
      ? { round: { reference: round.ref, date: round.refDate, issuer: round.issuerName, subject: round.title ? `về việc ${round.title}` : '' } }
      : {}),
  };
}

function savedRow(registry: Registry, period: { from: string; to: string }) {
  return registry.db
    .select()
    .from(reports)
    .where(and(eq(reports.periodFrom, period.from), eq(reports.periodTo, period.to)))
    .get();
}

/** The report for the period as last saved, or as the registry would write it now. */
export function reportDraft(registry: Registry, period: { from: string; to: string }, roundId?: string | null): ReportDraft {
  const saved = savedRow(registry, period);
  const round = roundId ?? saved?.roundId ?? null;
  const meta = ReportMeta.parse(saved ? { ...defaultMeta(registry, round), ...saved.meta } : defaultMeta(registry, round));
  const edits = saved ? NarrativeEdits.parse(saved.narrative) : {};
  const data = reportFor(registry, period, round);
  const template = applyNarrativeEdits(narrativeTemplate(data, meta), edits);
  return { period, roundId: round, data, meta, template, narrative: fillNarrative(template, data, meta), savedAt: saved?.updatedAt ?? null };
}

/** Keeps the office's heading fields and edited paragraphs for the next time this period's report is opened. */
export function saveReportDraft(registry: Registry, input: { period: { from: string; to: string }; roundId?: string | null; meta: ReportMetaInput; edits: NarrativeEdits }): ReportDraft {
  const meta = ReportMeta.parse(input.meta);
  const now = new Date().toISOString();
  registry.write((db) => {
    const existing = savedRow(registry, input.period);
    const values = { meta: meta as unknown as Record<string, unknown>, narrative: input.edits as Record<string, unknown>, roundId: input.roundId ?? existing?.roundId ?? null, updatedAt: now };
    if (existing) {
      db.update(reports).set(values).where(eq(reports.id, existing.id)).run();
      appendAudit(db, registry.actor, { action: 'report.save', entity: 'report', entityId: existing.id, before: { meta: existing.meta, narrative: existing.narrative }, after: values });
    } else {
      const id = newId();
      db.insert(reports).values({ id, periodFrom: input.period.from, periodTo: input.period.to, ...values, createdAt: now }).run();
      appendAudit(db, registry.actor, { action: 'report.save', entity: 'report', entityId: id, after: values });
    }
  });
  return reportDraft(registry, input.period, input.roundId);
}

export function reportFileName(draft: Pick<ReportDraft, 'data' | 'period'>, format: ReportFormat): string {
  const stem = format === 'xlsx' ? 'PhuLuc' : 'BaoCao';
  return `${stem}_${draft.data.unit.code}_${draft.period.from}_${draft.period.to}.${format}`;
}

export async function renderDraft(draft: ReportDraft, format: ReportFormat): Promise<Buffer> {
  if (format === 'docx') return renderReportDocx(draft.data, draft.meta, draft.narrative);
  if (format === 'pdf') return renderReportPdf(draft.data, draft.meta, draft.narrative);
  return renderAppendicesXlsx(draft.data, draft.meta);
}

export async function renderReport(registry: Registry, period: { from: string; to: string }, format: ReportFormat, roundId?: string | null): Promise<{ fileName: string; content: Buffer }> {
  const draft = reportDraft(registry, period, roundId);
  return { fileName: reportFileName(draft, format), content: await renderDraft(draft, format) };
}
