import { Text, VisuallyHidden } from '@mantine/core';
import { useFormatNumber, useT } from '../i18n';
import '../styles/reports.css';

export interface BarSeries {
  key: string;
  label: string;
  /** A CSS colour, e.g. `var(--mantine-color-blue-6)`. */
  colour: string;
}

export interface BarRow {
  key: string;
  label: string;
  /** One value per series, in the order of the series. */
  values: readonly number[];
}

interface BarChartProps {
  title: string;
  series: readonly BarSeries[];
  rows: readonly BarRow[];
  emptyText: string;
  'data-testid'?: string;
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

/**
 * Horizontal bars, stacked when there is more than one series. A table underneath, so a screen
 * reader reads each row's label, its parts and its total; the bars themselves are decoration.
 */
export function BarChart({ title, series, rows, emptyText, 'data-testid': testId }: BarChartProps) {
  const t = useT();
  const formatNumber = useFormatNumber();
  const largest = Math.max(1, ...rows.map((row) => sum(row.values)));
  const stacked = series.length > 1;

  return (
    <figure className="bar-chart" data-testid={testId}>
      <figcaption className="bar-chart-title">{title}</figcaption>
      {stacked && rows.length > 0 && (
        <ul className="bar-chart-legend" aria-label={t('chart.legend')}>
          {series.map((item) => (
            <li key={item.key}>
              <span className="bar-chart-swatch" style={{ background: item.colour }} aria-hidden />
              {item.label}
            </li>
          ))}
        </ul>
      )}
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {emptyText}
        </Text>
      ) : (
        <table className="bar-chart-table">
          <VisuallyHidden component="thead">
            <tr>
              <th scope="col">{title}</th>
              <th scope="col">{series.map((item) => item.label).join(', ')}</th>
              <th scope="col">{t('chart.total')}</th>
            </tr>
          </VisuallyHidden>
          <tbody>
            {rows.map((row) => {
              const total = sum(row.values);
              return (
                <tr key={row.key} data-testid="bar-row">
                  <th scope="row" className="bar-chart-label">
                    {row.label}
                  </th>
                  <td className="bar-chart-bar">
                    <div className="bar-chart-track" style={{ width: `${(total / largest) * 100}%` }} aria-hidden>
                      {row.values.map((value, index) =>
                        value > 0 ? (
                          <span
                            key={series[index]?.key ?? index}
                            className="bar-chart-segment"
                            style={{ flexGrow: value, background: series[index]?.colour }}
                            title={`${series[index]?.label ?? ''}: ${formatNumber(value)}`}
                          />
                        ) : null,
                      )}
                    </div>
                    {stacked && (
                      <VisuallyHidden>
                        {row.values.map((value, index) => `${series[index]?.label ?? ''}: ${formatNumber(value)}`).join('; ')}
                      </VisuallyHidden>
                    )}
                  </td>
                  <td className="bar-chart-value">{formatNumber(total)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </figure>
  );
}
