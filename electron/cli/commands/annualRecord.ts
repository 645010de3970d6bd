import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type AnnualRecordScope, RecordYear } from '@shared/contract/annualRecords';
import type { CommandInput } from '../commandInput';
import { UsageError } from '../errors';
import type { CommandContext } from '../io';

const documentFormats = { '.docx': 'docx', '.pdf': 'pdf' } as const;

function scopeOf(options: CommandInput['options']): AnnualRecordScope {
  const chosen: AnnualRecordScope[] = [];
  if (typeof options.member === 'string') chosen.push({ kind: 'member', memberCode: options.member });
  if (typeof options.cell === 'string') chosen.push({ kind: 'cell', cellName: options.cell });
  if (options.all === true) chosen.push({ kind: 'all' });
  if (chosen.length !== 1) throw new UsageError('cli.annualRecord.oneScope', {}, 'annual-record');
  return chosen[0]!;
}

/** `so86 annual-record`: the trips-abroad part of the members' yearly record supplements, one member to a page. */
export async function annualRecordCommand({ options }: CommandInput, context: CommandContext): Promise<number> {
  const year = RecordYear.safeParse(options.year);
  if (!year.success) throw new UsageError('cli.badUsage', { detail: `--year ${String(options.year)}` }, 'annual-record');
  const scope = scopeOf(options);
  const out = options.out as string;
  const format = documentFormats[path.extname(out).toLowerCase() as keyof typeof documentFormats];
  if (!format) throw new UsageError('cli.annualRecord.outFormat', { file: out }, 'annual-record');
  const session = await context.signIn();
  try {
    const rendered = await session.call('annualRecords.render', { year: year.data, scope, format });
    await writeFile(out, Buffer.from(rendered.contentBase64, 'base64'));
    if (context.json) context.printJson({ file: path.resolve(out), format, year: year.data, members: rendered.members });
    else context.say('cli.annualRecord.written', { path: path.resolve(out), members: rendered.members, year: year.data });
    return 0;
  } finally {
    session.close();
  }
}
