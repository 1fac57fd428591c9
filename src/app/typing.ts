// "Tenant Desk is typing…" while a slow answer is being made. Per turn: teams-ai's own timer lives on
// the Application, so concurrent turns stop each other's. The first indicator goes out only after
// 800 ms — most answers are faster and need none — then every 3 s until the first message is sent.
import type { TurnContext } from 'botbuilder';

const FIRST_MS = 800;
const AGAIN_MS = 3000;

export async function withTyping<T>(context: TurnContext, work: () => Promise<T>): Promise<T> {
  if (context.activity.type !== 'message') return work();
  let timer: NodeJS.Timeout | undefined;
  let done = false;
  let sending: Promise<unknown> = Promise.resolve();
  const stop = () => {
    done = true;
    if (timer) clearTimeout(timer);
  };
  const tick = () => {
    if (done) return;
    sending = context.sendActivity({ type: 'typing' }).catch(() => stop());
    timer = setTimeout(tick, AGAIN_MS);
  };
  context.onSendActivities(async (_ctx, activities, next) => {
    if (!done && activities.some((a) => a.type === 'message')) {
      stop();
      await sending; // so a late "typing" cannot arrive after the answer
    }
    return next();
  });
  timer = setTimeout(tick, FIRST_MS);
  try {
    return await work();
  } finally {
    stop();
  }
}
