// Starts Entra (HTTPS) and the channel (HTTP) alone, on ephemeral ports, over one small tenant.
import { createServer as createHttp, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createChannel, type Channel, type ChannelOptions } from '../../../devtenant/channel/server.ts';
import { newSigningKey } from '../../../devtenant/shared/jwt.ts';
import type { Tenant } from '../../../devtenant/tenant/types.ts';
import { smallTenant } from '../entra/small-tenant.ts';
import { startEntra, type RunningEntra } from '../entra/serve.ts';

export interface Stack {
  tenant: Tenant;
  e: RunningEntra;
  channel: Channel;
  base: string;
  close(): Promise<void>;
}

export async function startStack(extra: Partial<ChannelOptions> = {}): Promise<Stack> {
  const tenant = smallTenant();
  const e = await startEntra(tenant);
  let base = '';
  const channel = createChannel({
    tenant,
    keys: [newSigningKey()],
    entraKeys: e.entra.keys,
    entraBase: () => e.base,
    baseUrl: () => base,
    log: e.log,
    faults: e.faults,
    mintSsoToken: e.entra.mintSsoToken,
    ca: e.ca,
    ...extra,
  });
  const server: HttpServer = createHttp(channel.handler);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    tenant,
    e,
    channel,
    base,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
      await e.close();
    },
  };
}
