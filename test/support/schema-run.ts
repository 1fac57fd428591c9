// The whole-run side of the Graph emulator's schema self-check (vitest sets DEVTENANT_SCHEMA_CHECK=1):
// global setup names the run (DEVTENANT_SCHEMA_RUN, inherited by the workers and the dev tenants
// they spawn) so runs that overlap on one machine do not read or wipe each other's reports; global
// teardown reports how many bodies were checked and fails the run on any violation, leaving the
// violations in test-output/schema-violations.jsonl.
import { copyFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { SCHEMA_CHECKS_FILE, SCHEMA_RUN_ENV, SCHEMA_VIOLATIONS_FILE, schemaFiles, type SchemaCheckCount, type SchemaFiles } from '../../devtenant/schema-report.ts';

const SHOWN = 20;

let files: SchemaFiles | undefined;

function lines(file: string): string[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '');
}

export function resetSchemaRun(): void {
  rmSync(SCHEMA_VIOLATIONS_FILE, { force: true });
  rmSync(SCHEMA_CHECKS_FILE, { force: true });
  process.env[SCHEMA_RUN_ENV] = `${Date.now()}-${process.pid}`;
  files = schemaFiles(process.env);
}

/** Writes the run's totals to stdout and returns the failure to throw, if any dev tenant saw a violation. */
export function finishSchemaRun(write: (text: string) => void = (t) => process.stdout.write(t)): Error | undefined {
  if (!files) return undefined;
  const { checks, violations: violationsFile } = files;
  const counts = lines(checks).map((l) => JSON.parse(l) as SchemaCheckCount);
  const violations = lines(violationsFile);
  const responses = counts.reduce((n, c) => n + c.responses, 0);
  const objects = counts.reduce((n, c) => n + c.objects, 0);
  const processes = new Set(counts.map((c) => c.pid)).size;
  if (responses > 0 || violations.length > 0) {
    write(`\nGraph schema self-check: ${responses} response bodies (${objects} top-level objects) checked in ${processes} processes, ${violations.length} with violations.\n`);
  }
  if (violations.length > 0) copyFileSync(violationsFile, SCHEMA_VIOLATIONS_FILE);
  if (checks !== SCHEMA_CHECKS_FILE) rmSync(dirname(checks), { recursive: true, force: true });
  if (violations.length === 0) return undefined;
  const more = violations.length > SHOWN ? `\n… and ${violations.length - SHOWN} more (see ${SCHEMA_VIOLATIONS_FILE})` : '';
  return new Error(`the Graph emulator served ${violations.length} bodies with properties outside the v1.0 schema:\n${violations.slice(0, SHOWN).join('\n')}${more}`);
}
