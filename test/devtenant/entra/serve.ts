// Starts the Entra emulator alone over HTTPS on an ephemeral port, for the Entra and channel tests.
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createEntra, type Entra, type EntraOptions } from '../../../devtenant/entra/server.ts';
import { Faults } from '../../../devtenant/shared/faults.ts';
import { newSigningKey } from '../../../devtenant/shared/jwt.ts';
import { RequestLog } from '../../../devtenant/shared/request-log.ts';
import { ensureTls } from '../../../devtenant/tls.ts';
import type { Tenant } from '../../../devtenant/tenant/types.ts';

export interface RunningEntra {
  entra: Entra;
  base: string;
  port: number;
  ca: string;
  log: RequestLog;
  faults: Faults;
  close(): Promise<void>;
}

export async function startEntra(tenant: Tenant, extra: Partial<EntraOptions> = {}): Promise<RunningEntra> {
  const tls = ensureTls();
  const log = new RequestLog();
  const faults = new Faults();
  let base = '';
  const entra = createEntra({ tenant, keys: [newSigningKey()], baseUrl: () => base, log, faults, ...extra });
  const server: Server = createServer({ cert: tls.cert, key: tls.key }, entra.handler);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as AddressInfo).port;
  base = `https://localhost:${port}`;
  return {
    entra,
    base,
    port,
    ca: tls.ca,
    log,
    faults,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
