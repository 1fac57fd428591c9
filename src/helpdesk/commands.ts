// The helpdesk's typed commands: "open tickets" / "my tickets" / "unassigned tickets" (ticket.list,
// from the bot's own store: no sign-in needed, Teams says who asks) and "this is the helpdesk
// channel" (helpdesk.here: an admin, as Graph says of the asker, in a team channel).
import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import { cardActivity, channelIdOf, conversationTypeOf, deliver } from '../app/delivery.ts';
import { failureCard } from '../failures.ts';
import type { QuestionDeps } from '../app/questions.ts';
import { ensureToken } from '../app/signin.ts';
import { saveSnapshot } from '../app/snapshots.ts';
import { renderSignInProblem } from '../cards/errors.ts';
import { renderRateLimited } from '../cards/notices.ts';
import { renderHelpdeskChannelRefused, renderHelpdeskChannelSet } from '../cards/ticket-notices.ts';
import { renderTicketList } from '../cards/ticket-list.ts';
import { createGraph } from '../graph/client.ts';
import { Deadline } from '../graph/deadline.ts';
import type { Parsed } from '../language/intents.ts';
import { adminRoles } from './admin.ts';
import { rememberHelpdeskChannel, type HelpdeskChannel, type HelpdeskTeam } from './channel.ts';
import type { Reconciler } from './reconciler.ts';
import type { TicketStore } from './ticket-store.ts';
import { ticketList } from './ticket-list.ts';

export interface HelpdeskCommands {
  ticketList(context: TurnContext, parsed: Parsed): Promise<void>;
  here(context: TurnContext, text: string): Promise<void>;
}

export interface CommandDeps extends QuestionDeps {
  store: TicketStore;
  team: HelpdeskTeam;
  reconciler: Reconciler;
  channel: () => Promise<HelpdeskChannel | undefined>;
}

export function helpdeskCommands(d: CommandDeps): HelpdeskCommands {
  return {
    async ticketList(context, parsed) {
      const a = context.activity;
      const oid = a.from?.aadObjectId;
      if (!oid) {
        await context.sendActivity(cardActivity(renderSignInProblem('Teams did not say who you are (no Entra object id on the message).')));
        return;
      }
      const rate = d.limiter.take(oid);
      if (!rate.allowed) {
        if (rate.notify) await context.sendActivity(cardActivity(renderRateLimited(rate.retryAfterSeconds)));
        return;
      }
      const channel = await d.channel();
      let agent = false;
      try {
        agent = channel ? await d.team.isAgent(a.serviceUrl, a.from.id) : false;
      } catch (err) {
        d.log.warn('helpdesk.agent_check_failed', { err });
      }
      const vm = ticketList(await d.store.all(), { filter: parsed.ticketFilter ?? 'open', asker: oid, agent, now: new Date() });
      const answerId = randomUUID();
      const rendered = renderTicketList(vm, { page: 0, answerId });
      if (rendered.pages && rendered.pages > 1) await saveSnapshot(d.stores.storage, answerId, { intent: 'ticket.list', vm });
      // The helpdesk channel's members may all see the queue; anywhere else it is private.
      if (agent && channel && channelIdOf(a) === channel.channelId) await context.sendActivity(cardActivity(rendered));
      else await deliver(d, context, rendered, 'private');
      d.log.info('answer.sent', { intent: 'ticket.list', rows: vm.rows.length, scope: vm.scope });
    },

    async here(context, text) {
      const a = context.activity;
      if (conversationTypeOf(a) !== 'channel' || !channelIdOf(a)) {
        await context.sendActivity(cardActivity(renderHelpdeskChannelRefused({ kind: 'not-channel' })));
        return;
      }
      if (d.config.helpdeskChannelId) {
        await context.sendActivity(cardActivity(renderHelpdeskChannelRefused({ kind: 'configured' })));
        return;
      }
      const token = await ensureToken(d, context, text);
      if (!token) return;
      const deadline = new Deadline(d.config.limits.turnDeadlineMs);
      const graph = createGraph({
        baseUrl: d.config.graphBaseUrl,
        agent: d.agent,
        token: async () => token.accessToken,
        deadline,
        policy: { maxRetries: d.config.limits.graphMaxRetries, maxRetryAfterSeconds: d.config.limits.graphMaxRetryAfterSeconds, attemptTimeoutMs: d.config.limits.graphTimeoutMs },
        log: d.log,
      });
      let roles: string[];
      try {
        roles = await adminRoles(graph);
      } catch (err) {
        d.log.warn('helpdesk.admin_check_failed', { err });
        await context.sendActivity(cardActivity(failureCard(err, text, a.id ?? randomUUID())));
        return;
      } finally {
        deadline.dispose();
      }
      if (!roles.length) {
        d.log.info('helpdesk.channel_refused', { reason: 'not-admin' });
        await context.sendActivity(cardActivity(renderHelpdeskChannelRefused({ kind: 'not-admin' })));
        return;
      }
      const data = a.channelData as { team?: { id?: string; name?: string }; channel?: { id?: string; name?: string } } | undefined;
      const channel: HelpdeskChannel = {
        channelId: channelIdOf(a)!,
        ...(data?.team?.id ? { teamId: data.team.id } : {}),
        ...(data?.team?.name ? { teamName: data.team.name } : {}),
        ...(data?.channel?.name ? { channelName: data.channel.name } : {}),
        source: 'teams',
        setBy: { oid: token.oid, name: a.from.name || token.name || 'an admin', ...(a.from.id ? { accountId: a.from.id } : {}) },
        setAt: new Date().toISOString(),
      };
      await rememberHelpdeskChannel(d.stores.storage, channel);
      // Tickets that could not be posted (no channel, or a channel that failed) go here now.
      let waiting = 0;
      for (const t of await d.store.all()) {
        if (t.post.state === 'posted') continue;
        waiting++;
        await d.store.update(t.id, (cur) => (cur.post.state === 'posted' ? { skip: undefined } : { write: { ...cur, post: { ...cur.post, nextAttemptAt: new Date().toISOString() } } }));
      }
      d.log.info('helpdesk.channel_set', { roles, waiting });
      await context.sendActivity(cardActivity(renderHelpdeskChannelSet({ ...(channel.channelName ? { channel: channel.channelName } : {}), ...(channel.teamName ? { team: channel.teamName } : {}), waiting })));
      d.reconciler.kick('channel-set');
    },
  };
}
