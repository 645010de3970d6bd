import { and, eq } from 'drizzle-orm';
import { reportingRounds, reports } from '@db/schema';
import type { ReportData } from '@shared/report/data';
import {
  applyNarrativeEdits,
  fillNarrative,
  narrativeTemplate,
  NarrativeEdits,
  ReportMeta,
  type Narrative,
  type ReportMetaInput,
} from '@shared/report/narrative';
import { civilDateInVietnam } from '@shared/rules/dates';
import { newId } from '@shared/ids';
import { renderAppendicesXlsx } from '../documents/appendicesXlsx';
import { renderReportDocx } from '../documents/reportDocx';
import { renderReportPdf } from '../documents/reportPdf';
import { appendAudit } from '../../storage/audit';
import { reportFor } from '../exchange/combined';
import { readSetting, reportHeadingSetting } from '../../storage/settings';
import { defaultPlace, defaultSigner, defaultSymbol } from '@shared/report/issuer';
import type { Registry } from '../../storage/registry/registry';

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

/**
 * The heading as the unit's settings give it, else as its name and level imply; the superior
 * organisation comes only from the settings (a key card names a unit, not how its committee is titled).
 */
function defaultMeta(registry: Registry, roundId: string | null): ReportMetaInput {
  const unit = registry.ownUnit();
  const heading = readSetting(registry.db, reportHeadingSetting);
  const round = roundId ? registry.db.select().from(reportingRounds).where(eq(reportingRounds.id, roundId)).get() : undefined;
  return {
    parentName: heading.superiorName,
    committeeName: unit.name,
    level: unit.level,
    numberAndSymbol: '',
    symbol: heading.symbol || defaultSymbol(unit),
    place: heading.place || defaultPlace(unit),
    date: civilDateInVietnam(new Date()),
    signer: { name: '', ...defaultSigner(unit.level) },
    ...(round && round.refDate && round.issuerName
      ? {
          round: {
            reference: round.ref,
            date: round.refDate,
            issuer: round.issuerName,
            subject: round.title ? `về việc ${round.title}` : '',
          },
        }
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
  return {
    period,
    roundId: round,
    data,
    meta,
    template,
    narrative: fillNarrative(template, data, meta),
    savedAt: saved?.updatedAt ?? null,
  };
}

/** Keeps the office's heading fields and edited paragraphs for the next time this period's report is opened. */
export function saveReportDraft(
  registry: Registry,
  input: { period: { from: string; to: string }; roundId?: string | null; meta: ReportMetaInput; edits: NarrativeEdits },
): ReportDraft {
  const meta = ReportMeta.parse(input.meta);
  const now = new Date().toISOString();
  registry.write((db) => {
    const existing = savedRow(registry, input.period);
    const values = {
      meta: meta as unknown as Record<string, unknown>,
      narrative: input.edits as Record<string, unknown>,
      roundId: input.roundId ?? existing?.roundId ?? null,
      updatedAt: now,
    };
    if (existing) {
      db.update(reports).set(values).where(eq(reports.id, existing.id)).run();
      appendAudit(db, registry.actor, {
        action: 'report.save',
        entity: 'report',
        entityId: existing.id,
        before: { meta: existing.meta, narrative: existing.narrative },
        after: values,
      });
    } else {
      const id = newId();
      db.insert(reports)
        .values({ id, periodFrom: input.period.from, periodTo: input.period.to, ...values, createdAt: now })
        .run();
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

export async function renderReport(
  registry: Registry,
  period: { from: string; to: string },
  format: ReportFormat,
  roundId?: string | null,
): Promise<{ fileName: string; content: Buffer }> {
  const draft = reportDraft(registry, period, roundId);
  return { fileName: reportFileName(draft, format), content: await renderDraft(draft, format) };
}
