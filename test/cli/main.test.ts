// `npx tenant-desk ask` as an admin would script it: the JSON contract, batches, parse-only.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCard } from '../support/cards.ts';

const root = resolve(import.meta.dirname, '..', '..');
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [resolve(root, 'bin', 'tenant-desk.mjs'), ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('tenant-desk ask', () => {
  it('prints exactly the promised JSON, with a valid card, after a real sign-in', () => {
    const r = run('ask', '--json', '--as', 'patti@contoso.com', 'who are the global admins?');
    expect(r.code).toBe(0);
    const result = JSON.parse(r.out.trim()) as { intent: string; entities: unknown; answer: { text: string; card: unknown }; graph: { roundTrips: number } };
    expect(Object.keys(result)).toEqual(['question', 'intent', 'entities', 'confidence', 'answer', 'graph']);
    expect(result.intent).toBe('role.members');
    expect(result.entities).toEqual({ role: 'Global Administrator' });
    expect(Object.keys(result.answer)).toEqual(['text', 'card']);
    expect(parseCard(result.answer.card)).toEqual([]);
    expect(result.graph.roundTrips).toBeGreaterThan(0);
    expect(result.answer.text).toMatch(/Patti Fernandez/);
  });

  it('answers a batch, one JSON line per question, and prints accuracy for labelled lines', () => {
    const dir = mkdtempSync(join(tmpdir(), 'td-cli-'));
    const file = join(dir, 'labelled.tsv');
    writeFileSync(file, 'utterance\tintent\tentities\nsync status\tsync.status\t\nwho has E5?\tlicense.holders\tsku=E5\nreset lee\'s password\treadonly\t\n');
    const r = run('ask', '--parse-only', '--batch', file);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l) as { intent: string; answer: unknown });
    expect(lines.map((l) => l.intent)).toEqual(['sync.status', 'license.holders', 'readonly']);
    expect(lines.every((l) => l.answer === null)).toBe(true);
    expect(r.err).toMatch(/ALL\s+3\s+100\.0%/);
  });

  it('explains its usage when the question is missing', () => {
    const r = run('ask');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/a question is needed/);
  });
});
