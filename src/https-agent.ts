// One HTTPS agent for every outbound call the bot makes itself (Entra via MSAL, Graph): keep-alive,
// and the public CAs plus any from TRUSTED_CA_FILE (a TLS-inspecting proxy, or the dev tenant's CA).
// The CAs go in one secure context built once: passed as `ca`, Node would serialise all ~150 root
// certificates into the agent's key on every request and parse them again for every connection
// (measured: about a tenth of the bot's CPU per turn).
import { readFileSync } from 'node:fs';
import { Agent } from 'node:https';
import { createSecureContext, rootCertificates } from 'node:tls';

export function createHttpsAgent(trustedCaFile?: string): Agent {
  const secureContext = trustedCaFile ? createSecureContext({ ca: [...rootCertificates, readFileSync(trustedCaFile, 'utf8')] }) : undefined;
  return new Agent({ keepAlive: true, maxSockets: 64, ...(secureContext ? { secureContext } : {}) });
}
