// One question through the bot's pipeline, as one person, against the dev tenant: the JSON the
// CLI prints has exactly question, intent, entities, confidence, answer {text, card} and graph
// {requests, roundTrips}.
import type { Agent } from 'node:https';
import { capabilityFor } from '../catalog.ts';
import { DEFAULT_LIMITS, retryPolicy } from '../config.ts';
import { createGraph } from '../graph/client.ts';
import { Deadline } from '../graph/deadline.ts';
import type { UserToken } from '../identity/tokens.ts';
import { ENTITY_KEYS, type Entities, type Parsed } from '../language/intents.ts';
import { parse } from '../language/parse.ts';
import type { Logger } from '../log.ts';
import { answerWith, replyWithoutGraph } from '../pipeline.ts';

export interface AskResult {
  question: string;
  intent: string;
  entities: Entities;
  confidence: number;
  answer: { text: string; card: unknown } | null;
  graph: { requests: number; roundTrips: number };
}

export interface Session {
  token: UserToken;
  graphBaseUrl: string;
  tenantId: string;
  agent: Agent;
  log: Logger;
}

/** Only the entity keys the CLI promises, in their documented order. */
function entitiesOf(p: Parsed): Entities {
  const out: Record<string, unknown> = {};
  for (const k of ENTITY_KEYS) if (p.entities[k] !== undefined) out[k] = p.entities[k];
  return out as Entities;
}

export async function ask(question: string, session: Session | undefined): Promise<AskResult> {
  const parsed = parse(question);
  const base = { question, intent: parsed.intent, entities: entitiesOf(parsed), confidence: Math.round(parsed.confidence * 1000) / 1000 };
  const none = { requests: 0, roundTrips: 0 };
  if (!session) return { ...base, answer: null, graph: none };
  const direct = replyWithoutGraph(parsed, question, false);
  const capability = capabilityFor(parsed.intent);
  if (direct || !capability) {
    const text = parsed.intent === 'signout' ? 'Sign-out applies to the bot in Teams; the CLI signs in afresh each time.' : parsed.intent === 'ticket.list' || parsed.intent === 'helpdesk.here' ? 'Helpdesk tickets live in the bot; ask in Teams.' : undefined;
    return { ...base, answer: direct ? { text: direct.text, card: direct.card } : { text: text ?? '', card: null }, graph: none };
  }
  const deadline = new Deadline(DEFAULT_LIMITS.turnDeadlineMs);
  const graph = createGraph({ baseUrl: session.graphBaseUrl, agent: session.agent, token: async () => session.token.accessToken, deadline, policy: retryPolicy(DEFAULT_LIMITS), log: session.log });
  const asker = { oid: session.token.oid, ...(session.token.upn ? { upn: session.token.upn } : {}), ...(session.token.name ? { name: session.token.name } : {}) };
  const outcome = await answerWith(capability, parsed, question, { graph, asker, tenantId: session.tenantId, now: new Date() }).finally(() => deadline.dispose());
  return { ...base, answer: { text: outcome.rendered.text, card: outcome.rendered.card }, graph: { requests: graph.stats.requests, roundTrips: graph.stats.roundTrips } };
}
