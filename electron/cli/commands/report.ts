import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Period } from '../../../shared/contract/dashboard';
import { renderDraft, reportDraft, reportFileName, type ReportFormat } from '../../services/reports/drafts';
import { parseCommand, requireOption, UsageError, type CliIo } from '../io';

const formats: readonly ReportFormat[] = ['docx', 'xlsx', 'pdf'];

/** `so86 report`: the report data as JSON on stdout, or the documents written to a file. */
export async function reportCommand(args: string[], io: CliIo): Promise<number> {
  const { values, context } = parseCommand(args, { from: { type: 'string' }, to: { type: 'string' }, format: { type: 'string', default: 'json' }, out: { type: 'string' } }, io);
  const period = Period.parse({ from: requireOption(values, 'from'), to: requireOption(values, 'to') });
  const format = values.format as string;
  if (format !== 'json' && !formats.includes(format as ReportFormat)) throw new UsageError('cli.badUsage', { detail: `--format ${format}` });
  const registry = await context.unlock();
  try {
    const draft = reportDraft(registry, period);
    if (format === 'json') {
      const json = JSON.stringify(draft.data, null, 2);
      if (typeof values.out === 'string') {
        await writeFile(values.out, `${json}\n`);
        context.say('cli.report.written', { path: path.resolve(values.out) });
      } else {
        io.out(json);
      }
      return 0;
    }
    const out = typeof values.out === 'string' ? values.out : reportFileName(draft, format as ReportFormat);
    await writeFile(out, await renderDraft(draft, format as ReportFormat));
    if (context.json) context.printJson({ file: path.resolve(out), format });
    else context.say('cli.report.written', { path: path.resolve(out) });
    return 0;
  } finally {
    registry.close();
  }
}
