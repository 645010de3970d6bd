import { Button, Group, Select } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Period } from '@shared/contract/dashboard';
import { lastSixMonths, thisYear, useReportingPeriod, useRounds } from '../data/reportingPeriod';
import { useT } from '../i18n';
import { DateField, dateOf, dateText } from './DateField';

function samePeriod(a: Period, b: Period): boolean {
  return a.from === b.from && a.to === b.to;
}

/**
 * The reporting period: typed dates, or a quick choice (this year, the last six months, the period
 * of a reporting round). Dates that do not make a period yet leave the last good one in force.
 */
export function PeriodPicker({ withRounds = true }: { withRounds?: boolean }) {
  const t = useT();
  const period = useReportingPeriod((state) => state.period);
  const roundId = useReportingPeriod((state) => state.roundId);
  const choose = useReportingPeriod((state) => state.choose);
  const rounds = useRounds();
  const [fromText, setFromText] = useState(dateText(period.from));
  const [toText, setToText] = useState(dateText(period.to));

  useEffect(() => {
    setFromText((text) => (dateOf(text) === period.from ? text : dateText(period.from)));
    setToText((text) => (dateOf(text) === period.to ? text : dateText(period.to)));
  }, [period]);

  const typed = (from: string, to: string) => {
    setFromText(from);
    setToText(to);
    const start = dateOf(from);
    const end = dateOf(to);
    if (start && end && start <= end && !samePeriod({ from: start, to: end }, period)) choose({ from: start, to: end });
  };
  const typedStart = dateOf(fromText);
  const typedEnd = dateOf(toText);
  const backwards = typedStart !== null && typedEnd !== null && typedStart > typedEnd;

  return (
    <Group gap="sm" align="flex-end" wrap="wrap" data-testid="period-picker">
      <DateField
        label={t('periodPicker.from')}
        w={150}
        value={fromText}
        onChange={(text) => typed(text, toText)}
        data-testid="period-from"
      />
      <DateField
        label={t('periodPicker.to')}
        w={150}
        value={toText}
        onChange={(text) => typed(fromText, text)}
        error={backwards ? t('period.backwards') : undefined}
        data-testid="period-to"
      />
      <Button.Group>
        <Button
          variant={roundId === null && samePeriod(period, thisYear()) ? 'light' : 'default'}
          onClick={() => choose(thisYear())}
          data-testid="period-this-year"
        >
          {t('periodPicker.thisYear')}
        </Button>
        <Button
          variant={roundId === null && samePeriod(period, lastSixMonths()) ? 'light' : 'default'}
          onClick={() => choose(lastSixMonths())}
          data-testid="period-six-months"
        >
          {t('periodPicker.last6Months')}
        </Button>
      </Button.Group>
      {withRounds && (
        <Select
          w={300}
          aria-label={t('periodPicker.round')}
          placeholder={rounds.length === 0 ? t('periodPicker.noRounds') : t('periodPicker.roundPlaceholder')}
          disabled={rounds.length === 0}
          data={rounds.map((round) => ({
            value: round.id,
            label: t('periodPicker.roundOption', {
              ref: round.ref,
              from: dateText(round.periodFrom),
              to: dateText(round.periodTo),
            }),
          }))}
          value={roundId}
          onChange={(id) => {
            const round = rounds.find((candidate) => candidate.id === id);
            if (round) choose({ from: round.periodFrom, to: round.periodTo }, round.id);
            else choose(period);
          }}
          clearable
          allowDeselect={false}
          comboboxProps={{ width: 380 }}
          data-testid="period-round"
        />
      )}
    </Group>
  );
}
