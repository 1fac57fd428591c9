// Date shifting: sample data says "synced 20 minutes ago" and "this secret expires this week".
// Committed absolute dates would rot, so a tenant folder may record when it was written
// (devtenant.json referenceDateTime) and every DateTimeOffset value is moved forward by the time
// since then when the folder is loaded.
import type { TenantData } from './types.ts';
import { COLLECTIONS } from './types.ts';
import { daysFromCivil, formatUtcSeconds } from './time.ts';

const DATE_TIME_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * `value` moved by `deltaMs` if it is an ISO 8601 DateTimeOffset, else undefined. The result is in
 * UTC (`Z`) like everything Graph writes, keeps the value's fractional seconds, and is moved by
 * whole seconds only (so the fraction never changes). Sentinel years 0001 and 9999 ("never") stay.
 */
export function shiftDateTime(value: string, deltaMs: number): string | undefined {
  const m = DATE_TIME_OFFSET.exec(value);
  if (!m) return undefined;
  const [, year, month, day, hour, minute, second = '00', fraction = '', zone] = m;
  if (year === '0001' || year === '9999') return undefined;
  const mo = Number(month);
  const d = Number(day);
  const h = Number(hour);
  const mi = Number(minute);
  const s = Number(second);
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return undefined;
  const offsetMinutes = zone === 'Z' ? 0 : (zone!.startsWith('-') ? -1 : 1) * (Number(zone!.slice(1, 3)) * 60 + Number(zone!.slice(4, 6)));
  const seconds = daysFromCivil(Number(year), mo, d) * 86400 + h * 3600 + mi * 60 + s - offsetMinutes * 60;
  return `${formatUtcSeconds(seconds + Math.round(deltaMs / 1000))}${fraction}Z`;
}

/** Shifts every DateTimeOffset string inside `value` (objects and arrays, recursively), in place. */
export function shiftDates(value: unknown, deltaMs: number): void {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (typeof v === 'string') {
        const s = shiftIfDate(v, deltaMs);
        if (s !== undefined) value[i] = s;
      } else if (v !== null && typeof v === 'object') shiftDates(v, deltaMs);
    }
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const v = record[key];
    if (typeof v === 'string') {
      const s = shiftIfDate(v, deltaMs);
      if (s !== undefined) record[key] = s;
    } else if (v !== null && typeof v === 'object') shiftDates(v, deltaMs);
  }
}

function shiftIfDate(v: string, deltaMs: number): string | undefined {
  // Cheap pre-check ("YYYY-MM-DDT…"): most strings in a tenant are names and ids.
  if (v.length < 16 || v.charCodeAt(4) !== 45 || v.charCodeAt(10) !== 84) return undefined;
  return shiftDateTime(v, deltaMs);
}

/** Shifts every collection and the authorization policy; relationships and settings hold no dates. */
export function shiftTenantDates(data: TenantData, deltaMs: number): void {
  if (Math.round(deltaMs / 1000) === 0) return;
  for (const c of COLLECTIONS) shiftDates(data[c], deltaMs);
  if (data.authorizationPolicy) shiftDates(data.authorizationPolicy, deltaMs);
}
