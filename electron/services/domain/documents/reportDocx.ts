import { type ReportData } from '@shared/report/data';
import { type Narrative, type ReportMeta } from '@shared/report/narrative';
import { writeDocx } from './docxWriter';
import { buildReportDocument } from './reportModel';

/** The periodic report and its three appendices as a Word document in the party document layout. */
export function renderReportDocx(data: ReportData, meta: ReportMeta, narrative: Narrative): Promise<Buffer> {
  return writeDocx(buildReportDocument(data, meta, narrative));
}
