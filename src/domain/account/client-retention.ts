/**
 * When a client's personal data may go: `clientRetentionMonths` after their last ride, last
 * change, or the end of a weekly pattern, whichever is latest. Pure, so the rule is tested apart.
 */
/** The date (YYYY-MM-DD) before which activity counts as old: today minus the retention months. */
export function retentionCutoff(today: string, months: number): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  // The same day of month, or the month's last day (31 March minus one month is 28/29 February).
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(d, lastDay);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
