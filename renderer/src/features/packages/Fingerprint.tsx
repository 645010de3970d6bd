import '../../styles/reports.css';

/**
 * A key fingerprint in groups of four, the way it is read aloud over the phone; the large form
 * puts five groups on a line so that the reader does not lose their place.
 */
export function Fingerprint({
  value,
  large = false,
  'data-testid': testId,
}: {
  value: string;
  large?: boolean;
  'data-testid'?: string;
}) {
  const groups =
    value
      .replace(/[^0-9a-f]/gi, '')
      .toUpperCase()
      .match(/.{1,4}/g) ?? [];
  return (
    <span className="fingerprint" data-large={large || undefined} data-testid={testId}>
      {groups.map((group, index) => (
        <span key={index} className="fingerprint-group">
          {group}
        </span>
      ))}
    </span>
  );
}
