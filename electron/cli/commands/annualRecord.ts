import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type AnnualRecordScope, RecordYear } from '@shared/contract/annualRecords';
import { parseCommand, requireOption, UsageError, type CliIo } from '../io';

const documentFormats = { '.docx': 'docx', '.pdf': 'pdf' } as const;

function scopeOf(values: Record<string, unknown>): AnnualRecordScope {
  const chosen: AnnualRecordScope[] = [];
  if (typeof values.member === 'string') chosen.push({ kind: 'member', memberCode: values.member });
  if (typeof values.cell === 'string') chosen.push({ kind: 'cell', cellName: values.cell });
  if (values.all === true) chosen.push({ kind: 'all' });
  if (chosen.length !== 1) throw new UsageError('cli.annualRecord.oneScope');
  return chosen[0]!;
}

/** `so86 annual-record`: the trips-abroad part of the members' yearly record supplements, one member to a page. */
export async function annualRecordCommand(args: string[], io: CliIo): Promise<number> {
  const { values, context } = parseCommand(
    args,
    { year: { type: 'string' }, member: { type: 'string' }, cell: { type: 'string' }, all: { type: 'boolean', default: false }, out: { type: 'string' } },
    io,
  );
  const yearText = requireOption(values, 'year');
  const year = RecordYear.safeParse(/^\d{4}$/.test(yearText) ? Number(yearText) : Number.NaN);
  if (!year.success) throw new UsageError('cli.badUsage', { detail: `--year ${yearText}` });
  const scope = scopeOf(values);
  const out = requireOption(values, 'out');
  const format = documentFormats[path.extname(out).toLowerCase() as keyof typeof documentFormats];
  if (!format) throw new UsageError('cli.annualRecord.outFormat', { file: out });
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
