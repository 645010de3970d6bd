import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ReportFormat } from '@shared/contract/reports';
import { parseCommand, requireOption, UsageError, type CliIo } from '../io';

/** `so86 report`: the report data as JSON on stdout, or the documents written to a file. */
export async function reportCommand(args: string[], io: CliIo): Promise<number> {
  const { values, context } = parseCommand(args, { from: { type: 'string' }, to: { type: 'string' }, format: { type: 'string', default: 'json' }, out: { type: 'string' } }, io);
  const period = { from: requireOption(values, 'from'), to: requireOption(values, 'to') };
  const format = values.format as string;
  const documentFormat = ReportFormat.safeParse(format);
  if (format !== 'json' && !documentFormat.success) throw new UsageError('cli.badUsage', { detail: `--format ${format}` });
  const session = await context.signIn();
  try {
    if (!documentFormat.success) {
      const json = JSON.stringify((await session.call('reports.get', { period })).data, null, 2);
      if (typeof values.out === 'string') {
        await writeFile(values.out, `${json}\n`);
        context.say('cli.report.written', { path: path.resolve(values.out) });
      } else {
        io.out(json);
      }
      return 0;
    }
    const rendered = await session.call('reports.render', { period, format: documentFormat.data });
    const out = typeof values.out === 'string' ? values.out : rendered.fileName;
    await writeFile(out, Buffer.from(rendered.contentBase64, 'base64'));
    if (context.json) context.printJson({ file: path.resolve(out), format });
    else context.say('cli.report.written', { path: path.resolve(out) });
    return 0;
  } finally {
    session.close();
  }
}
