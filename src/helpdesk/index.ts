// The helpdesk, assembled: the ticket store, Teams delivery, the card verbs, the typed commands
// and the reconciler that finishes what a stopped process left. index.ts starts the reconciler
// after the server listens and stops it on shutdown.
import { randomUUID } from 'node:crypto';
import type { Background } from '../app/background.ts';
import type { VerbHandler } from '../app/card-actions.ts';
import type { QuestionDeps } from '../app/questions.ts';
import { helpdeskVerbs } from './actions.ts';
import { HelpdeskTeam, helpdeskChannel } from './channel.ts';
import { helpdeskCommands, type HelpdeskCommands } from './commands.ts';
import { TicketDelivery } from './delivery.ts';
import { Reconciler } from './reconciler.ts';
import { createTeamsPort } from './teams.ts';
import { TicketStore } from './ticket-store.ts';

export interface Helpdesk {
  verbs: Record<string, VerbHandler>;
  commands: HelpdeskCommands;
  reconciler: Reconciler;
}

export function createHelpdesk(deps: QuestionDeps & { background: Background }): Helpdesk {
  // One id per process: a lease names who holds it, and a restarted process is someone new.
  const instance = randomUUID();
  const store = new TicketStore(deps.stores);
  const teams = createTeamsPort(deps.adapter, deps.config.bot.appId, deps.config.bot.tenantId);
  const channel = () => helpdeskChannel(deps.config, deps.stores.storage);
  const team = new HelpdeskTeam(teams, channel);
  const delivery = new TicketDelivery({ store, teams, team, channel, instance, log: deps.log });
  const reconciler = new Reconciler(store, delivery, deps.background, deps.log);
  const verbs = helpdeskVerbs({ storage: deps.stores.storage, store, team, delivery, deliver: (id) => reconciler.deliver(id), instance, log: deps.log });
  const commands = helpdeskCommands({ ...deps, store, team, reconciler, channel });
  deps.log.info('helpdesk.ready', { instance });
  return { verbs, commands, reconciler };
}
