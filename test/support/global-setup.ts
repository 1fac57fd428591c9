// One Azurite for the whole test run; each test file uses its own container (see storageContainer()).
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startAzurite, type Azurite } from './azurite.ts';

let azurite: Azurite | undefined;

declare module 'vitest' {
  export interface ProvidedContext {
    storageConnectionString: string;
  }
}

export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const location = resolve(import.meta.dirname, '..', '..', '.azurite', `test-${process.pid}`);
  azurite = await startAzurite({ location, inMemory: true });
  project.provide('storageConnectionString', azurite.connectionString);
  return async () => {
    await azurite?.stop();
    rmSync(location, { recursive: true, force: true });
  };
}
