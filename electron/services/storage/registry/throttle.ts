/** Three free tries, then a wait that doubles with every further failure, up to five minutes. */
const freeAttempts = 3;
const maximumDelaySeconds = 300;

export function throttleDelaySeconds(failedAttempts: number, lastFailureAt: string | null, now: Date): number {
  if (failedAttempts < freeAttempts || !lastFailureAt) return 0;
  const delay = Math.min(2 ** (failedAttempts - freeAttempts + 1), maximumDelaySeconds);
  const elapsed = (now.getTime() - Date.parse(lastFailureAt)) / 1000;
  return Math.max(0, Math.ceil(delay - elapsed));
}
