// When a dev tenant turns on Graph's schema self-check: the option decides, and without it the
// DEVTENANT_SCHEMA_CHECK environment variable of the test run does.
import { describe, expect, it } from 'vitest';
import type { SchemaViolation } from '../../devtenant/graph/schema-check.ts';
import { SCHEMA_CHECKS_FILE, SCHEMA_CHECK_ENV, SCHEMA_RUN_ENV, SCHEMA_VIOLATIONS_FILE, schemaFiles, schemaHooks } from '../../devtenant/schema-report.ts';

describe('schemaHooks', () => {
  it('follows DEVTENANT_SCHEMA_CHECK when the option is not given', () => {
    expect(schemaHooks(undefined, { [SCHEMA_CHECK_ENV]: '1' })?.onSchemaChecked).toBeTypeOf('function');
    expect(schemaHooks(undefined, {})).toBeUndefined();
    expect(schemaHooks(undefined, { [SCHEMA_CHECK_ENV]: '0' })).toBeUndefined();
  });

  it('lets the option win over the environment', () => {
    expect(schemaHooks(false, { [SCHEMA_CHECK_ENV]: '1' })).toBeUndefined();
    expect(schemaHooks(true, {})?.onSchemaViolation).toBeTypeOf('function');
    const seen: SchemaViolation[] = [];
    const hooks = schemaHooks((v) => seen.push(v), { [SCHEMA_CHECK_ENV]: '1' });
    hooks!.onSchemaViolation({ url: '/v1.0/users', type: 'user', problems: ['p'] });
    expect(seen).toEqual([{ url: '/v1.0/users', type: 'user', problems: ['p'] }]);
    expect(hooks!.onSchemaChecked).toBeUndefined();
  });

  it('writes into the repository test-output folder, into files of its own when a test run names itself', () => {
    expect(SCHEMA_VIOLATIONS_FILE).toMatch(/[/\\]test-output[/\\]schema-violations\.jsonl$/);
    expect(schemaFiles({})).toEqual({ violations: SCHEMA_VIOLATIONS_FILE, checks: SCHEMA_CHECKS_FILE });
    const run = schemaFiles({ [SCHEMA_RUN_ENV]: '1700000000000-42' });
    expect(run.violations).toMatch(/[/\\]test-output[/\\]schema-runs[/\\]1700000000000-42[/\\]violations\.jsonl$/);
    expect(run.checks).toMatch(/[/\\]schema-runs[/\\]1700000000000-42[/\\]checks\.jsonl$/);
    // A run name cannot lead out of test-output.
    expect(schemaFiles({ [SCHEMA_RUN_ENV]: '../../etc' })).toEqual({ violations: SCHEMA_VIOLATIONS_FILE, checks: SCHEMA_CHECKS_FILE });
  });
});
