// One HTTPS agent for every outbound call the bot makes itself (Entra via MSAL, Graph): keep-alive,
// and the public CAs plus any from TRUSTED_CA_FILE (a TLS-inspecting proxy, or the dev tenant's CA).
import { readFileSync } from 'node:fs';
import { Agent } from 'node:https';
import { rootCertificates } from 'node:tls';

export function createHttpsAgent(trustedCaFile?: string): Agent {
  const ca = trustedCaFile ? [...rootCertificates, readFileSync(trustedCaFile, 'utf8')] : undefined;
  return new Agent({ keepAlive: true, maxSockets: 64, ...(ca ? { ca } : {}) });
}
