import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { shiftDateTime, shiftDates } from '../../../devtenant/tenant/shift-dates.ts';
import { loadTenant, sampleTenantDir } from '../../../devtenant/tenant/load.ts';
import { iso } from '../../../devtenant/tenant/time.ts';

const DAY = 86_400_000;

describe('shiftDateTime', () => {
  it('moves Graph-style UTC values, across month and leap-day boundaries', () => {
    expect(shiftDateTime('2024-02-28T23:59:59Z', 2000)).toBe('2024-02-29T00:00:01Z');
    expect(shiftDateTime('2023-12-31T12:00:00Z', 3 * DAY)).toBe('2024-01-03T12:00:00Z');
    expect(shiftDateTime('2024-03-10T08:00:00Z', -10 * DAY)).toBe('2024-02-29T08:00:00Z');
  });

  it('keeps fractional seconds and converts offsets to UTC', () => {
    expect(shiftDateTime('2024-05-01T10:00:00.1234567Z', DAY)).toBe('2024-05-02T10:00:00.1234567Z');
    expect(shiftDateTime('2024-05-01T10:00:00+02:00', 0)).toBe('2024-05-01T08:00:00Z');
    expect(shiftDateTime('2024-05-01T10:00-05:30', 0)).toBe('2024-05-01T15:30:00Z');
  });

  it('leaves everything else alone: dates without time, other strings, "never" sentinels', () => {
    for (const v of ['2024-05-01', 'Patti Fernandez', '2024-05-01T10:00:00', '0001-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '2024-13-01T00:00:00Z']) {
      expect(shiftDateTime(v, DAY)).toBeUndefined();
    }
  });

  it('agrees with Date for many instants', () => {
    for (let t = Date.UTC(1990, 0, 1); t < Date.UTC(2100, 0, 1); t += 37 * DAY + 12_345_000) {
      const text = iso(t);
      expect(text).toBe(new Date(Math.floor(t / 1000) * 1000).toISOString().replace('.000Z', 'Z'));
      expect(shiftDateTime(text, 5 * DAY + 7000)).toBe(iso(Math.floor(t / 1000) * 1000 + 5 * DAY + 7000));
    }
  });
});

describe('shiftDates', () => {
  it('walks objects and arrays and rewrites only DateTimeOffset strings', () => {
    const data = {
      createdDateTime: '2024-01-01T00:00:00Z',
      name: 'x',
      count: 3,
      signInActivity: { lastSignInDateTime: '2024-01-02T00:00:00Z', lastSignInRequestId: 'abc' },
      passwordCredentials: [{ endDateTime: '2024-01-03T00:00:00Z', hint: 'Q~8' }],
      list: ['2024-01-04T00:00:00Z', 'plain'],
      nothing: null,
    };
    shiftDates(data, DAY);
    expect(data).toEqual({
      createdDateTime: '2024-01-02T00:00:00Z',
      name: 'x',
      count: 3,
      signInActivity: { lastSignInDateTime: '2024-01-03T00:00:00Z', lastSignInRequestId: 'abc' },
      passwordCredentials: [{ endDateTime: '2024-01-04T00:00:00Z', hint: 'Q~8' }],
      list: ['2024-01-05T00:00:00Z', 'plain'],
      nothing: null,
    });
  });
});

describe('loadTenant date shifting', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  function tenantFolder(settings: Record<string, unknown> | undefined): string {
    const dir = mkdtempSync(join(tmpdir(), 'devtenant-shift-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'organization.json'), JSON.stringify([{ id: 't1', onPremisesLastSyncDateTime: '2025-06-01T11:40:00Z' }]));
    writeFileSync(
      join(dir, 'applications.json'),
      JSON.stringify([{ id: 'a1', appId: 'app', passwordCredentials: [{ endDateTime: '2025-06-05T12:00:00Z', startDateTime: '2024-06-05T12:00:00Z' }] }]),
    );
    writeFileSync(join(dir, 'authorizationPolicy.json'), JSON.stringify({ id: 'authorizationPolicy', description: 'x' }));
    if (settings) writeFileSync(join(dir, 'devtenant.json'), JSON.stringify(settings));
    return dir;
  }

  it('moves every date by now − referenceDateTime', () => {
    const dir = tenantFolder({ referenceDateTime: '2025-06-01T12:00:00Z' });
    const t = loadTenant(dir, { now: new Date('2025-06-11T12:00:00Z') });
    expect(t.data.organization[0]!.onPremisesLastSyncDateTime).toBe('2025-06-11T11:40:00Z');
    const secret = (t.data.applications[0]!.passwordCredentials as { endDateTime: string; startDateTime: string }[])[0]!;
    expect(secret).toEqual({ endDateTime: '2025-06-15T12:00:00Z', startDateTime: '2024-06-15T12:00:00Z' });
  });

  it('keeps "20 minutes ago" true whenever the folder is loaded', () => {
    // Dates move by whole seconds (their fractions never change), so take a whole-second now.
    const now = new Date(Math.floor(Date.now() / 1000) * 1000);
    const t = loadTenant(sampleTenantDir, { now });
    const org = t.data.organization[0]!;
    expect(now.getTime() - Date.parse(org.onPremisesLastSyncDateTime as string)).toBe(20 * 60_000);
    expect(now.getTime() - Date.parse(org.onPremisesLastPasswordSyncDateTime as string)).toBe(2 * 60_000);
  });

  it('defaults now to the current time', () => {
    const dir = tenantFolder({ referenceDateTime: '2020-01-01T00:00:00Z' });
    const before = Date.now();
    const t = loadTenant(dir);
    const shifted = Date.parse(t.data.organization[0]!.onPremisesLastSyncDateTime as string);
    const expected = Date.parse('2025-06-01T11:40:00Z') + (before - Date.parse('2020-01-01T00:00:00Z'));
    expect(Math.abs(shifted - expected)).toBeLessThan(60_000);
  });

  it('leaves a real export (no referenceDateTime) exactly as written', () => {
    const dir = tenantFolder(undefined);
    const t = loadTenant(dir, { now: new Date('2030-01-01T00:00:00Z') });
    expect(t.data.organization[0]!.onPremisesLastSyncDateTime).toBe('2025-06-01T11:40:00Z');
  });

  it('rejects a referenceDateTime that is not a date', () => {
    const dir = tenantFolder({ referenceDateTime: 'last Tuesday' });
    expect(() => loadTenant(dir)).toThrow(/referenceDateTime "last Tuesday" is not an ISO 8601 date-time/);
  });
});
