// A Graph client acting as one person of the dev tenant, through the real path: the SSO token the
// Teams client would hold → MSAL's on-behalf-of exchange at the dev tenant's Entra → the product's
// Graph client. Answer tests use it to run an answer exactly as the bot would, without the chat.
import { MemoryStorage } from 'botbuilder';
import type { DevTenant } from '../../devtenant/index.ts';
import type { AnswerContext } from '../../src/answers/context.ts';
import { createGraph, type Graph } from '../../src/graph/client.ts';
import { Deadline } from '../../src/graph/deadline.ts';
import { createHttpsAgent } from '../../src/https-agent.ts';
import { MsalFactory } from '../../src/identity/msal.ts';
import { TokenService } from '../../src/identity/tokens.ts';
import { createLogger } from '../../src/log.ts';

export interface AsPerson {
  graph: Graph;
  ctx: AnswerContext;
  /** A fresh Graph client (new stats, new memo) for the same person. */
  fresh(budgetMs?: number): AnswerContext & { graph: Graph };
}

export async function actAs(dt: DevTenant, upn: string, now = new Date()): Promise<AsPerson> {
  const env = dt.botEnv();
  const log = createLogger('error', () => {});
  const agent = createHttpsAgent(dt.caFile);
  const msal = new MsalFactory({ authority: `${env.AAD_AUTHORITY_HOST}/${env.BOT_TENANT_ID}`, clientId: env.BOT_ID!, clientSecret: env.BOT_PASSWORD!, agent, log });
  const tokens = new TokenService(msal, new MemoryStorage(), Buffer.alloc(32, 1), log);
  const user = dt.tenant.userByUpn.get(upn.toLowerCase());
  if (!user) throw new Error(`${upn} is not in the dev tenant`);
  const token = await tokens.exchange(user.id, dt.channel.ssoToken(upn));
  const make = (budgetMs = 10_000) => {
    const graph = createGraph({ baseUrl: env.GRAPH_BASE_URL!, agent, token: async () => token.accessToken, deadline: new Deadline(budgetMs), policy: { maxRetries: 3, maxRetryAfterSeconds: 2, attemptTimeoutMs: 4000 }, log });
    return { graph, asker: { oid: user.id, upn, ...(typeof user.displayName === 'string' ? { name: user.displayName } : {}) }, tenantId: dt.tenant.tenantId, now };
  };
  const first = make();
  return { graph: first.graph, ctx: first, fresh: make };
}
