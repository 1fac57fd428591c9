// The Agents Playground has no SSO, so in the sandbox the bot asks the dev tenant for the token the
// Teams client would hold, then runs the real OBO exchange with it. Switched on only by
// SANDBOX_SSO_TOKEN_URL, which config.ts refuses when the authority is a Microsoft host.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest, type Agent } from 'node:https';

export function fetchSandboxSsoToken(url: string, agent: Agent, oid: string): Promise<string> {
  const body = JSON.stringify({ user: oid });
  const u = new URL(url);
  const send = u.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(u, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }, ...(u.protocol === 'https:' ? { agent } : {}), signal: AbortSignal.timeout(5000) }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        try {
          const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { token?: string };
          if (res.statusCode === 200 && parsed.token) resolve(parsed.token);
          else reject(new Error(`the sandbox SSO endpoint answered ${res.statusCode}`));
        } catch {
          reject(new Error(`the sandbox SSO endpoint answered ${res.statusCode} without JSON`));
        }
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}
