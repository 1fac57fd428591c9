// The network module MSAL sends through: Entra's token endpoint over the bot's HTTPS agent, with
// one resend when a kept-alive socket dies as it is reused (found by the memory bench: a sign-in
// failed with network_error and the person would have been shown a consent prompt).
import { createServer } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTls } from '../../devtenant/tls.ts';
import { createHttpsAgent } from '../../src/https-agent.ts';
import { networkModule } from '../../src/identity/msal.ts';
import { createLogger } from '../../src/log.ts';

const tls = ensureTls();
let drop = 0;
let posts = 0;
const server = createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    posts++;
    if (drop > 0) {
      drop--;
      req.socket.destroy(); // the connection dies without an answer
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ token_type: 'Bearer', echoed: body }));
  });
});
let url = '';
const agent = createHttpsAgent(tls.caFile);
const lines: string[] = [];
const net = networkModule(agent, createLogger('info', (l) => lines.push(l)));

beforeAll(async () => {
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  url = `https://localhost:${(server.address() as { port: number }).port}/tenant/oauth2/v2.0/token`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
  agent.destroy();
});

describe('MSAL network module', () => {
  it('posts the body and parses the JSON answer', async () => {
    posts = 0;
    const res = await net.sendPostRequestAsync<{ echoed: string }>(url, { body: 'grant_type=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.status).toBe(200);
    expect(res.body.echoed).toBe('grant_type=x');
    expect(posts).toBe(1);
  });

  it('sends a token request once more when the connection is reset, and logs that it did', async () => {
    posts = 0;
    drop = 1;
    lines.length = 0;
    const res = await net.sendPostRequestAsync<{ echoed: string }>(url, { body: 'assertion=a' });
    expect(res.status).toBe(200);
    expect(res.body.echoed).toBe('assertion=a');
    expect(posts).toBe(2);
    expect(lines.some((l) => l.includes('"entra.request.resent"') && l.includes('ECONNRESET'))).toBe(true);
  });

  it('gives up after the one resend, so a dead Entra fails the sign-in rather than hanging it', async () => {
    posts = 0;
    drop = 2;
    await expect(net.sendPostRequestAsync(url, { body: 'assertion=b' })).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect(posts).toBe(2);
  });
});
