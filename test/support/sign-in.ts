// Signs people in the way Teams does (OAuthCard → tokenExchange), a few at a time.
import type { DevTenant } from '../../devtenant/index.ts';

export async function signIn(dt: DevTenant, upn: string): Promise<void> {
  const chat = dt.channel.personal(upn);
  const turn = await chat.send('sync status');
  if (!turn.oauthCard) return;
  const since = dt.channel.mark();
  const results = await chat.tokenExchange(turn, { copies: 1 });
  if (results[0]?.status !== 200) throw new Error(`sign-in of ${upn} failed: ${JSON.stringify(results[0])}`);
  await dt.channel.waitFor((s) => s.seq >= since && s.conversationId === (chat.conversation as { id: string }).id, 30_000);
}

export async function signInAll(dt: DevTenant, upns: string[], parallel = 10): Promise<void> {
  for (let i = 0; i < upns.length; i += parallel) await Promise.all(upns.slice(i, i + parallel).map((u) => signIn(dt, u)));
}
