// Where the Graph emulator's schema self-check reports when a whole test run turns it on
// (DEVTENANT_SCHEMA_CHECK=1): violations as JSON lines in test-output/schema-violations.jsonl,
// and how many bodies were checked in test-output/schema-checks.jsonl. Every process that runs a
// dev tenant (vitest workers, `devtenant serve` children) appends to the same files; the test
// run's global teardown reads them and fails the run on any violation. Test runs on one machine
// overlap (one checkout, several runs at a time), so a run names itself in DEVTENANT_SCHEMA_RUN and
// its processes write to files of their own under test-output/schema-runs/.
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { SchemaChecked, SchemaViolation } from './graph/schema-check.ts';

export const SCHEMA_CHECK_ENV = 'DEVTENANT_SCHEMA_CHECK';
export const SCHEMA_RUN_ENV = 'DEVTENANT_SCHEMA_RUN';
export const SCHEMA_OUTPUT_DIR = resolve(import.meta.dirname, '..', 'test-output');
export const SCHEMA_VIOLATIONS_FILE = resolve(SCHEMA_OUTPUT_DIR, 'schema-violations.jsonl');
export const SCHEMA_CHECKS_FILE = resolve(SCHEMA_OUTPUT_DIR, 'schema-checks.jsonl');

export interface SchemaFiles {
  violations: string;
  checks: string;
}

/** The files of one run (DEVTENANT_SCHEMA_RUN), or the shared ones when no run is named. */
export function schemaFiles(env: NodeJS.ProcessEnv = process.env): SchemaFiles {
  const run = env[SCHEMA_RUN_ENV];
  if (!run || !/^[\w-]+$/.test(run)) return { violations: SCHEMA_VIOLATIONS_FILE, checks: SCHEMA_CHECKS_FILE };
  const dir = resolve(SCHEMA_OUTPUT_DIR, 'schema-runs', run);
  return { violations: resolve(dir, 'violations.jsonl'), checks: resolve(dir, 'checks.jsonl') };
}

function append(file: string, line: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  appendFileSync(file, `${JSON.stringify(line)}\n`);
}

/** One line of a checks file: bodies and top-level objects checked since the process's previous line. */
export interface SchemaCheckCount {
  pid: number;
  responses: number;
  objects: number;
}

export interface SchemaHooks {
  onSchemaViolation: (v: SchemaViolation) => void;
  onSchemaChecked?: (c: SchemaChecked) => void;
  /** Writes what has been counted so far (the dev tenant calls it when it closes). */
  flush(): void;
}

// Counts are kept per process, not per dev tenant: a test file may start many dev tenants, and
// one exit hook per process is enough to write what the last of them counted.
const pending = new Map<string, { responses: number; objects: number }>();
let exitHooked = false;

function flushCounts(): void {
  for (const [file, counts] of pending) {
    if (counts.responses === 0) continue;
    const line: SchemaCheckCount = { pid: process.pid, ...counts };
    counts.responses = 0;
    counts.objects = 0;
    append(file, line);
  }
}

function fileHooks(files: SchemaFiles): SchemaHooks {
  if (!exitHooked) {
    exitHooked = true;
    process.once('exit', flushCounts);
  }
  let counts = pending.get(files.checks);
  if (!counts) pending.set(files.checks, (counts = { responses: 0, objects: 0 }));
  const mine = counts;
  return {
    onSchemaViolation: (v) => append(files.violations, v),
    onSchemaChecked: (c) => {
      mine.responses++;
      mine.objects += c.objects;
    },
    flush: flushCounts,
  };
}

/** A dev tenant's `schemaCheck` option: on/off, a violation callback, or callbacks for violations and every check. */
export type SchemaCheckOption = boolean | ((v: SchemaViolation) => void) | { onViolation: (v: SchemaViolation) => void; onChecked?: (c: SchemaChecked) => void };

/**
 * The self-check hooks for a dev tenant: callbacks receive the reports themselves, `true` writes
 * them to the files above (the run's own when DEVTENANT_SCHEMA_RUN names one), `false` turns the check off, and without the option it is on (writing
 * to the files) exactly when DEVTENANT_SCHEMA_CHECK is 1.
 */
export function schemaHooks(option: SchemaCheckOption | undefined, env: NodeJS.ProcessEnv = process.env): SchemaHooks | undefined {
  if (typeof option === 'function') return { onSchemaViolation: option, flush: () => undefined };
  if (typeof option === 'object') return { onSchemaViolation: option.onViolation, ...(option.onChecked ? { onSchemaChecked: option.onChecked } : {}), flush: () => undefined };
  const on = option ?? env[SCHEMA_CHECK_ENV] === '1';
  return on ? fileHooks(schemaFiles(env)) : undefined;
}
