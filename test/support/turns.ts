// The driver hands a turn everything the bot sent anywhere while it ran (so a private answer to a
// channel question is seen). With many people at once that includes others' answers; these pick
// what the bot sent to this turn's person: in the same conversation, or in a 1:1 with them.
import type { DevTenant } from '../../devtenant/index.ts';
import type { Turn } from '../../devtenant/channel/driver.ts';

const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';

export function ownSent(dt: DevTenant, turn: Turn) {
  const conversation = String((turn.activity.conversation as { id?: string } | undefined)?.id ?? '').split(';')[0]!;
  const oid = (turn.activity.from as { aadObjectId?: string } | undefined)?.aadObjectId;
  const personal = new Set(dt.channel.createdConversations().filter((c) => oid && c.memberOids.includes(oid)).map((c) => c.conversationId));
  return turn.sent.filter((s) => s.conversationId.split(';')[0] === conversation || personal.has(s.conversationId));
}

export function ownCards(dt: DevTenant, turn: Turn): Record<string, unknown>[] {
  return ownSent(dt, turn).flatMap((s) => ((s.activity.attachments as { contentType?: string; content?: unknown }[] | undefined) ?? []).filter((a) => a.contentType === ADAPTIVE).map((a) => a.content as Record<string, unknown>));
}
