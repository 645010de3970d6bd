import { type ReportData } from '@shared/report/data';
import { type Narrative, type ReportMeta } from '@shared/report/narrative';
import { writePdf } from './pdfWriter';
import { buildReportDocument } from './reportModel';

/** The periodic report and its appendices as a PDF for signing with the office's token, fonts embedded. */
export function renderReportPdf(data: ReportData, meta: ReportMeta, narrative: Narrative): Promise<Buffer> {
  return writePdf(buildReportDocument(data, meta, narrative));
}
