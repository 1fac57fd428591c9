// How times and numbers read on cards. Relative to the answer's own `asOf`, so a page rendered
// later still says what was true when the answer was made.

export function ago(minutes: number | undefined): string {
  if (minutes === undefined) return 'unknown';
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'} ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} hour${hours === 1 ? '' : 's'} ago`;
  const days = Math.round(minutes / 1440);
  return `${days} day${days === 1 ? '' : 's'} ago`;
}

/** In N days / N days ago, for expiry dates. */
export function inDays(days: number): string {
  if (days === 0) return 'today';
  if (days > 0) return days === 1 ? 'tomorrow' : `in ${days} days`;
  return days === -1 ? 'yesterday' : `${-days} days ago`;
}

export function utc(iso: string | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '—' : `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export const count = (n: number) => n.toLocaleString('en-US');

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}
