// One Azurite for the whole test run; each test file uses its own container (see storageContainer()).
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startAzurite, type Azurite } from '../../scripts/azurite.ts';
import { LOG_DIR } from '../../scripts/bot-process.ts';
import { findSecrets } from './secrets.ts';
import { FIGURES_FILE } from './figures.ts';
import { figuresTable, readFigures, writeReliabilitySection } from './reliability.ts';
import { finishSchemaRun, resetSchemaRun } from './schema-run.ts';

let azurite: Azurite | undefined;

declare module 'vitest' {
  export interface ProvidedContext {
    storageConnectionString: string;
  }
}

export async function setup(project: TestProject): Promise<() => Promise<void>> {
  // The config's `test.env` reaches the test workers, not this process: read it from the config.
  const soak = project.config.env?.RESILIENCE_SCALE === 'soak';
  // Every bot log of this run lands in LOG_DIR; start empty so the final scan covers exactly this run.
  rmSync(LOG_DIR, { recursive: true, force: true });
  rmSync(FIGURES_FILE, { force: true });
  resetSchemaRun();
  const location = resolve(import.meta.dirname, '..', '..', '.azurite', `test-${process.pid}`);
  azurite = await startAzurite({ location, inMemory: true });
  project.provide('storageConnectionString', azurite.connectionString);
  const teardown = async () => {
    await azurite?.stop();
    rmSync(location, { recursive: true, force: true });
    const figures = readFigures();
    if (figures.size) {
      process.stdout.write(`\nResilience figures of this run:\n${figuresTable(figures)}\n`);
      if (soak) writeReliabilitySection(figures, 'npm run soak');
    }
    // The last word of a run: no log line of any bot process holds a token (see also test/e2e/restart-and-logs).
    let files: string[];
    try {
      files = readdirSync(LOG_DIR).filter((f) => f.endsWith('.log'));
    } catch {
      return;
    }
    const leaks = files.flatMap((f) => findSecrets(readFileSync(resolve(LOG_DIR, f), 'utf8'), []).map((hit) => `${f}: ${hit}`));
    if (leaks.length) throw new Error(`bot logs contain tokens:\n${leaks.join('\n')}`);
  };
  // The schema verdict comes after the rest of the teardown, so neither failure hides the other.
  return async () => {
    let failure: unknown;
    try {
      await teardown();
    } catch (err) {
      failure = err;
    }
    const schema = finishSchemaRun();
    if (failure !== undefined && schema) throw new AggregateError([failure, schema], `${(failure as Error).message}\n\n${schema.message}`);
    if (failure !== undefined) throw failure;
    if (schema) throw schema;
  };
}
