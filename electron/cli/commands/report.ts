import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ReportFormat } from '@shared/contract/reports';
import type { CommandInput } from '../commandInput';
import type { CommandContext } from '../io';

/** `so86 report`: the report data as JSON on stdout, or the documents written to a file. */
export async function reportCommand({ options }: CommandInput, context: CommandContext): Promise<number> {
  const period = { from: options.from as string, to: options.to as string };
  const format = options.format as string;
  const documentFormat = ReportFormat.safeParse(format);
  const session = await context.signIn();
  try {
    if (!documentFormat.success) {
      const json = JSON.stringify((await session.call('reports.get', { period })).data, null, 2);
      if (typeof options.out === 'string') {
        await writeFile(options.out, `${json}\n`);
        context.say('cli.report.written', { path: path.resolve(options.out) });
      } else {
        context.io.out(json);
      }
      return 0;
    }
    const rendered = await session.call('reports.render', { period, format: documentFormat.data });
    const out = typeof options.out === 'string' ? options.out : rendered.fileName;
    await writeFile(out, Buffer.from(rendered.contentBase64, 'base64'));
    if (context.json) context.printJson({ file: path.resolve(out), format });
    else context.say('cli.report.written', { path: path.resolve(out) });
    return 0;
  } finally {
    session.close();
  }
}
