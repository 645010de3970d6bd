import { create } from 'zustand';
import type { Period } from '@shared/contract/dashboard';
import type { ReportDraftOutput } from '@shared/contract/reports';
import {
  applyNarrativeEdits,
  narrativeTemplate,
  type Narrative,
  type NarrativeEdits,
  type PageMargins,
  type ReportMeta,
} from '@shared/report/narrative';
import { call } from '../../api/client';
import { clearOnLock } from '../../state/sessionStore';
import { dateOf, dateText } from '../../components/DateField';

/** The heading fields as the form holds them: dates as typed, lists one entry per line. */
export interface MetaForm {
  parentName: string;
  committeeName: string;
  author: string;
  numberAndSymbol: string;
  place: string;
  date: string;
  title: string;
  governingTexts: string;
  unauthorisedStayHandling: string;
  recipients: string;
  signerAuthority: string;
  signerTitle: string;
  signerName: string;
  margins: PageMargins;
}

export function formOf(meta: ReportMeta): MetaForm {
  return {
    parentName: meta.parentName,
    committeeName: meta.committeeName,
    author: meta.author ?? '',
    numberAndSymbol: meta.numberAndSymbol,
    place: meta.place,
    date: dateText(meta.date),
    title: meta.title,
    governingTexts: meta.governingTexts.join('\n'),
    unauthorisedStayHandling: meta.unauthorisedStayHandling,
    recipients: meta.recipients.join('\n'),
    signerAuthority: meta.signer.authority,
    signerTitle: meta.signer.title,
    signerName: meta.signer.name,
    margins: meta.margins,
  };
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** The heading the form describes; a date still being typed keeps the last saved one. */
export function metaOf(form: MetaForm, saved: ReportMeta): ReportMeta {
  return {
    ...saved,
    parentName: form.parentName.trim(),
    committeeName: form.committeeName.trim() || saved.committeeName,
    author: form.author.trim() || undefined,
    numberAndSymbol: form.numberAndSymbol.trim(),
    place: form.place.trim() || saved.place,
    date: dateOf(form.date) ?? saved.date,
    title: form.title.trim() || saved.title,
    governingTexts: lines(form.governingTexts),
    unauthorisedStayHandling: form.unauthorisedStayHandling.trim(),
    recipients: lines(form.recipients),
    signer: { authority: form.signerAuthority.trim(), title: form.signerTitle.trim(), name: form.signerName.trim() },
    margins: form.margins,
  };
}

const sameParagraphs = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((paragraph, index) => paragraph === b[index]);

/** The sections the office changed: those whose saved paragraphs differ from what the figures would write now. */
function editsOf(draft: ReportDraftOutput): NarrativeEdits {
  const generated = new Map(
    narrativeTemplate(draft.data, draft.meta).sections.map((section) => [section.id, section.paragraphs]),
  );
  const edits: NarrativeEdits = {};
  for (const section of draft.template.sections) {
    const written = generated.get(section.id);
    if (!written || !sameParagraphs(written, section.paragraphs)) edits[section.id] = section.paragraphs;
  }
  return edits;
}

/** The report text as it stands: generated from the figures and the heading, with the office's edits in place. */
export function currentTemplate(draft: ReportDraftOutput, meta: ReportMeta, edits: NarrativeEdits): Narrative {
  return applyNarrativeEdits(narrativeTemplate(draft.data, meta), edits);
}

interface Loaded {
  draft: ReportDraftOutput;
  form: MetaForm;
  edits: NarrativeEdits;
}

function loaded(draft: ReportDraftOutput): Loaded {
  return { draft, form: formOf(draft.meta), edits: editsOf(draft) };
}

interface ReportEditorState {
  /** The period and round the draft was read for. */
  key: string | null;
  draft: ReportDraftOutput | null;
  form: MetaForm | null;
  edits: NarrativeEdits;
  dirty: boolean;
  failure: unknown;
  /** Reads the period's report again; changes not yet saved to the same report are kept. */
  load(period: Period, roundId: string | null): Promise<void>;
  setForm(patch: Partial<MetaForm>): void;
  /** New paragraphs for a section; null drops the edit and the section follows the figures again. */
  setSection(id: string, paragraphs: string[] | null): void;
  save(period: Period, roundId: string | null, meta: ReportMeta): Promise<void>;
}

const keyOf = (period: Period, roundId: string | null) => `${period.from}|${period.to}|${roundId ?? ''}`;

/**
 * The report being edited. Kept apart from the screen so that a look at the dashboard or a trip
 * does not lose what was typed; a different period reads that period's report.
 */
export const useReportEditor = create<ReportEditorState>((set, get) => ({
  key: null,
  draft: null,
  form: null,
  edits: {},
  dirty: false,
  failure: null,
  load: async (period, roundId) => {
    const key = keyOf(period, roundId);
    const sameReport = get().key === key;
    if (!sameReport) set({ key, draft: null, form: null, edits: {}, dirty: false, failure: null });
    try {
      const draft = await call('reports.get', { period, roundId });
      if (get().key !== key) return;
      // Figures change as trips are recorded and units' files arrive; what is being typed stays.
      if (sameReport && get().dirty) set({ draft, failure: null });
      else set({ ...loaded(draft), failure: null });
    } catch (failure) {
      if (get().key === key) set({ failure });
    }
  },
  setForm: (patch) => {
    const form = get().form;
    if (form) set({ form: { ...form, ...patch }, dirty: true });
  },
  setSection: (id, paragraphs) => {
    const edits = { ...get().edits };
    if (paragraphs === null) delete edits[id];
    else edits[id] = paragraphs;
    set({ edits, dirty: true });
  },
  save: async (period, roundId, meta) => {
    const draft = await call('reports.save', { period, roundId, meta, edits: get().edits });
    if (get().key === keyOf(period, roundId)) set({ ...loaded(draft), dirty: false });
  },
}));

clearOnLock(() => useReportEditor.setState({ key: null, draft: null, form: null, edits: {}, dirty: false, failure: null }));
