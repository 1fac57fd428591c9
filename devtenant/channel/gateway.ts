// POST /_playground/api/messages: the Microsoft 365 Agents Playground posts activities without a
// token (it has no Bot Framework identity). The gateway signs a channel token for each activity as
// received and forwards it, so the bot keeps its real JWT validation in the sandbox. The bot's replies
// go straight to the Playground's own connector (its serviceUrl), which checks no tokens.
import type { Handler } from '../shared/http.ts';
import { annotate } from '../entra/http-service.ts';
import { httpCall } from './http-client.ts';

export interface GatewayDeps {
  botEndpoint: () => string | undefined;
  tokenFor: (serviceUrl: string) => string;
}

/** The Playground checks the bot is reachable with a HEAD first: pass it on, so the answer is the bot's. */
export function playgroundProbe(d: GatewayDeps): Handler {
  return async (req) => {
    annotate(req.raw, { kind: 'playground' });
    const endpoint = d.botEndpoint();
    if (!endpoint) return { status: 502 };
    try {
      return { status: (await httpCall(endpoint, { method: 'HEAD' })).status };
    } catch {
      return { status: 502 };
    }
  };
}

export function playgroundGateway(d: GatewayDeps): Handler {
  return async (req) => {
    annotate(req.raw, { kind: 'playground' });
    const endpoint = d.botEndpoint();
    if (!endpoint) return { status: 502, body: { error: { code: 'BotNotConfigured', message: 'The dev tenant has no bot endpoint (devtenant serve --bot URL).' } } };
    let activity: { serviceUrl?: unknown; type?: unknown };
    try {
      activity = JSON.parse(req.body.toString('utf8')) as { serviceUrl?: unknown };
    } catch {
      return { status: 400, body: { error: { code: 'BadSyntax', message: 'Request body is not a valid activity.' } } };
    }
    if (typeof activity.serviceUrl !== 'string') return { status: 400, body: { error: { code: 'BadArgument', message: 'The activity has no serviceUrl.' } } };
    try {
      const res = await httpCall(endpoint, {
        method: 'POST',
        headers: { 'Content-Type': String(req.headers['content-type'] ?? 'application/json'), Authorization: `Bearer ${d.tokenFor(activity.serviceUrl)}` },
        body: req.body,
      });
      const headers: Record<string, string> = {};
      if (res.headers['content-type']) headers['Content-Type'] = String(res.headers['content-type']);
      return { status: res.status, headers, body: res.text };
    } catch (err) {
      return { status: 502, body: { error: { code: 'BotUnreachable', message: `The bot at ${endpoint} did not answer: ${(err as Error).message}` } } };
    }
  };
}
