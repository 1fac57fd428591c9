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

/**
 * Connection failures worth one more try: a keep-alive socket the server closed just as it was
 * reused (ECONNRESET, EPIPE: Graph's and Entra's front doors close idle connections too), a refused
 * or unreachable connection. Returns the code, or undefined for anything else (a timeout the
 * caller set, an HTTP error).
 */
export function connectionFailure(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && CONNECTION_FAILURES.has(code)) return code;
    if (/socket hang up/i.test(String((e as Error).message))) return 'ECONNRESET';
  }
  return undefined;
}

const CONNECTION_FAILURES = new Set(['ECONNRESET', 'EPIPE', 'ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNABORTED', 'UND_ERR_SOCKET']);

/** A socket that died as it was reused: nothing is wrong with the server, so resend at once rather than back off. */
export function isStaleSocket(code: string | undefined): boolean {
  return code === 'ECONNRESET' || code === 'EPIPE';
}
