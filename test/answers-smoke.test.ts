import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevTenant, type DevTenant } from '../devtenant/index.ts';
import { syncStatus } from '../src/answers/sync-status.ts';
import { actAs } from './support/graph-as.ts';

let dt: DevTenant;
beforeAll(async () => {
  dt = await startDevTenant({ tenant: 'contoso', keysDir: false });
});
afterAll(async () => dt?.close());

describe('actAs', () => {
  it('runs an answer as a person through OBO', async () => {
    const patti = await actAs(dt, 'patti@contoso.com');
    const vm = await syncStatus({ intent: 'sync.status', entities: {}, confidence: 1 }, patti.ctx);
    expect(vm.tenant.name).toBe('Contoso');
    expect(vm.passwordHashSync.readable).toBe(true);
  });
});
