import { Badge, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { complianceFlags, issuedDocumentKinds } from '@shared/domain/enums';
import type { ReportData, ReportFigures, SubmissionStatus } from '@shared/report/data';
import { issuedDocumentCitation, issuedDocumentKindWord, yearToDateLabel } from '@shared/report/narrative';
import { useFormatNumber, useT } from '../i18n';
import { InfoGrid } from './InfoGrid';
import '../styles/reports.css';

const submissionColours: Record<SubmissionStatus, string> = {
  submitted: 'green',
  late: 'orange',
  missing: 'red',
  period_differs: 'grape',
};

export function SubmissionBadge({ status }: { status: SubmissionStatus }) {
  const t = useT();
  return (
    <Badge
      color={submissionColours[status]}
      variant="light"
      radius="sm"
      tt="none"
      data-testid="submission-status"
      data-status={status}
    >
      {t(`submission.${status}`)}
    </Badge>
  );
}

function AppendixSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap={6}>
      <Title order={3} fz="sm">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

const centred = { ta: 'center' } as const;

/** The three statistical appendices as the printed report lays them out, for checking before printing. */
export function AppendixTables({ data, unauthorisedStayHandling }: { data: ReportData; unauthorisedStayHandling: string }) {
  const t = useT();
  const formatNumber = useFormatNumber();
  const { appendix02, appendix03 } = data;
  const count = (value: number) => <Table.Td {...centred}>{formatNumber(value)}</Table.Td>;
  const total = (value: number) => (
    <Table.Td {...centred} fw={700}>
      {formatNumber(value)}
    </Table.Td>
  );
  const handling =
    appendix02.stayedBeyondTerm.unauthorised === 0
      ? t('appendixTable.noCases')
      : unauthorisedStayHandling.trim() || t('appendixTable.notFilled');

  return (
    <Stack gap="lg" data-testid="appendix-tables">
      <AppendixSection title={t('report.appendix.01')}>
        <Table withTableBorder withColumnBorders fz="sm" verticalSpacing={4} data-testid="appendix-01">
          <Table.Thead>
            <Table.Tr>
              <Table.Th rowSpan={2} w={48} {...centred}>
                {t('appendixTable.number')}
              </Table.Th>
              <Table.Th rowSpan={2} w={180}>
                {t('appendixTable.issuer')}
              </Table.Th>
              <Table.Th colSpan={issuedDocumentKinds.length} {...centred}>
                {t('appendixTable.kinds')}
              </Table.Th>
              <Table.Th rowSpan={2}>{t('appendixTable.note')}</Table.Th>
            </Table.Tr>
            <Table.Tr>
              {issuedDocumentKinds.map((kind) => (
                <Table.Th key={kind} w={96} {...centred} fz="xs">
                  {t(`issuedDocumentKind.${kind}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.appendix01.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={issuedDocumentKinds.length + 3} c="dimmed">
                  {t('appendixTable.noDocuments')}
                </Table.Td>
              </Table.Tr>
            ) : (
              data.appendix01.map((row, index) => (
                <Table.Tr key={`${row.ref}-${row.date}-${index}`}>
                  <Table.Td {...centred}>{index + 1}</Table.Td>
                  <Table.Td>{row.issuer}</Table.Td>
                  {issuedDocumentKinds.map((kind) => (
                    <Table.Td key={kind} {...centred}>
                      {kind === row.kind ? issuedDocumentKindWord(row) : ''}
                    </Table.Td>
                  ))}
                  <Table.Td>{issuedDocumentCitation(row)}</Table.Td>
                </Table.Tr>
              ))
            )}
          </Table.Tbody>
        </Table>
      </AppendixSection>

      <AppendixSection title={t('report.appendix.02')}>
        <Table withTableBorder withColumnBorders fz="sm" verticalSpacing={4} maw={860} data-testid="appendix-02">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={48} {...centred}>
                {t('appendixTable.number')}
              </Table.Th>
              <Table.Th w={230}>{t('appendixTable.year')}</Table.Th>
              <Table.Th {...centred}>{t('appendixTable.total')}</Table.Th>
              <Table.Th {...centred}>{t('bracket.under1m')}</Table.Th>
              <Table.Th {...centred}>{t('bracket.from1to3m')}</Table.Th>
              <Table.Th {...centred}>{t('bracket.from3to12m')}</Table.Th>
              <Table.Th {...centred}>{t('bracket.over12m')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {appendix02.rows.map((row, index) => (
              <Table.Tr key={row.year}>
                <Table.Td {...centred}>{index + 1}</Table.Td>
                <Table.Td>{yearToDateLabel(row)}</Table.Td>
                {count(row.total)}
                {count(row.under1m)}
                {count(row.from1to3m)}
                {count(row.from3to12m)}
                {count(row.over12m)}
              </Table.Tr>
            ))}
            <Table.Tr data-testid="appendix-02-total">
              <Table.Td />
              <Table.Td fw={700}>{t('appendixTable.grandTotal')}</Table.Td>
              {total(appendix02.total.total)}
              {total(appendix02.total.under1m)}
              {total(appendix02.total.from1to3m)}
              {total(appendix02.total.from3to12m)}
              {total(appendix02.total.over12m)}
            </Table.Tr>
          </Table.Tbody>
        </Table>
        <div className="appendix-notes" data-testid="appendix-02-notes">
          <Text size="sm" fw={700}>
            {t('appendixTable.inWhich')}
          </Text>
          <NoteLine level={1} label={t('appendixTable.specialMission')} value={formatNumber(appendix02.specialMission)} />
          <NoteLine level={1} label={t('appendixTable.invitedByName')} value={formatNumber(appendix02.invitedByName)} />
          <NoteLine
            level={1}
            label={t('appendixTable.selfFundedOrPrivate')}
            value={formatNumber(appendix02.selfFundedOrPrivate)}
          />
          <NoteLine
            level={1}
            label={t('appendixTable.stayedBeyondTerm')}
            value={formatNumber(appendix02.stayedBeyondTerm.total)}
          />
          <NoteLine
            level={2}
            label={t('appendixTable.stayedPermitted')}
            value={formatNumber(appendix02.stayedBeyondTerm.permitted)}
          />
          <NoteLine
            level={2}
            label={t('appendixTable.stayedUnauthorised')}
            value={formatNumber(appendix02.stayedBeyondTerm.unauthorised)}
          />
          <NoteLine level={2} label={t('appendixTable.unauthorisedHandling')} value={handling} />
        </div>
      </AppendixSection>

      <AppendixSection title={t('report.appendix.03')}>
        <Table withTableBorder withColumnBorders fz="sm" verticalSpacing={4} data-testid="appendix-03">
          <Table.Thead>
            <Table.Tr>
              <Table.Th rowSpan={2} w={48} {...centred}>
                {t('appendixTable.number')}
              </Table.Th>
              <Table.Th rowSpan={2} w={180}>
                {t('appendixTable.year')}
              </Table.Th>
              <Table.Th colSpan={3} {...centred}>
                {t('appendixTable.labour')}
              </Table.Th>
              <Table.Th colSpan={3} {...centred}>
                {t('appendixTable.enterprise')}
              </Table.Th>
            </Table.Tr>
            <Table.Tr>
              {(['transferredOut', 'transferredBack', 'notTransferredBack', 'committees', 'cells', 'members'] as const).map(
                (column) => (
                  <Table.Th key={column} {...centred} fz="xs">
                    {t(`appendixTable.${column}`)}
                  </Table.Th>
                ),
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {appendix03.rows.map((row, index) => (
              <Table.Tr key={row.year}>
                <Table.Td {...centred}>{index + 1}</Table.Td>
                <Table.Td>{yearToDateLabel(row)}</Table.Td>
                {count(row.transferredOut)}
                {count(row.transferredBack)}
                {count(row.notTransferredBack)}
                <Table.Td />
                <Table.Td />
                <Table.Td />
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Td />
              <Table.Td fw={700}>{t('appendixTable.grandTotal')}</Table.Td>
              {total(appendix03.total.transferredOut)}
              {total(appendix03.total.transferredBack)}
              {total(appendix03.total.notTransferredBack)}
              {total(appendix03.enterprise.committees)}
              {total(appendix03.enterprise.cells)}
              {total(appendix03.enterprise.members)}
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </AppendixSection>
    </Stack>
  );
}

/** A "Trong đó" line: "-" for a part of the total, "+" for a part of the line above, as the model report writes them. */
function NoteLine({ level, label, value }: { level: 1 | 2; label: string; value: string }) {
  return (
    <div className="appendix-note" data-level={level}>
      <span>
        {level === 1 ? '- ' : '+ '}
        {label}
      </span>
      <span className="appendix-note-value">{value}</span>
    </div>
  );
}

const figureNames = [
  'permitted',
  'official',
  'selfFundedOrPrivate',
  'temporaryTransfers',
  'officialTransfers',
  'exemptions',
  'marriagesToForeigners',
  'leftParty',
  'abroadNow',
] as const satisfies readonly (keyof ReportFigures)[];

/** Every figure the report body quotes, then the compliance flags counted for the period. */
export function FiguresTable({ figures }: { figures: ReportFigures }) {
  const t = useT();
  const formatNumber = useFormatNumber();
  const flagged = complianceFlags.filter((flag) => (figures.complianceFlags[flag] ?? 0) > 0);
  return (
    <Stack gap="sm" data-testid="report-figures">
      <InfoGrid items={figureNames.map((name) => ({ label: t(`report.token.${name}`), value: formatNumber(figures[name]) }))} />
      <Text size="sm" fw={600} mt="xs">
        {t('reportScreen.flagFigures')}
      </Text>
      {flagged.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('dashboard.noFlags')}
        </Text>
      ) : (
        <InfoGrid
          items={flagged.map((flag) => ({ label: t(`flag.${flag}`), value: formatNumber(figures.complianceFlags[flag] ?? 0) }))}
        />
      )}
    </Stack>
  );
}
