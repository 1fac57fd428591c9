// 4. Token requests per person over a 200-turn conversation: one OBO exchange at sign-in, then
// nothing while the token lives (memory, then the encrypted cache).
import type { Azurite } from '../../scripts/azurite.ts';
import { signIn, startBenchWorld } from '../world.ts';

export interface TokenResult {
  turns: number;
  tokenRequests: number;
  kinds: Record<string, number>;
}

export async function tokens(turns: number, azurite: Azurite): Promise<TokenResult> {
  const world = await startBenchWorld({ tenant: 'contoso', azurite, name: 'tokens' });
  try {
    const upn = 'lidia@contoso.com';
    const oid = world.dt.tenant.userByUpn.get(upn)!.id;
    const mark = world.dt.log.mark();
    await signIn(world.dt, upn);
    const chat = world.dt.channel.personal(upn);
    const questions = ['who is synced?', 'sync status', 'what licenses do we have?', 'who are the global admins?'];
    for (let i = 0; i < turns - 1; i++) await chat.send(questions[i % questions.length]!);
    const mine = world.dt.log.since(mark, 'entra').filter((r) => r.userOid === oid && r.kind !== 'metadata' && r.kind !== 'keys');
    const kinds: Record<string, number> = {};
    for (const r of mine) kinds[r.kind ?? 'other'] = (kinds[r.kind ?? 'other'] ?? 0) + 1;
    return { turns, tokenRequests: mine.length, kinds };
  } finally {
    await world.close();
  }
}
