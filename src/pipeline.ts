// The way from a parsed question to a rendered answer, without any bot framework: the bot, the
// `tenant-desk ask` CLI, the tests and the benchmarks all go through here.
import { capabilities, capabilityFor, type Capability } from './catalog.ts';
import type { AnswerContext } from './answers/context.ts';
import type { Rendered } from './cards/guard.ts';
import { renderHelp } from './cards/help.ts';
import { renderClarify, renderReadOnly, renderThanks } from './cards/notices.ts';
import { failureCard } from './failures.ts';
import type { Parsed } from './language/intents.ts';

export function helpTopics() {
  return capabilities().map((c) => ({ intent: c.intent, title: c.title, examples: c.examples }));
}

/**
 * Answers that need no Graph: help, thanks, read-only refusals, clarifying questions, and questions the
 * catalog cannot answer. Undefined when the question needs its capability (and a token).
 */
export function replyWithoutGraph(parsed: Parsed, text: string, inChannel: boolean): Rendered | undefined {
  switch (parsed.intent) {
    case 'help':
      return renderHelp({ topics: helpTopics(), inChannel });
    case 'readonly':
      return renderReadOnly(parsed.change);
    case 'clarify':
      return renderClarify(parsed.alternatives ?? [], text);
    case 'thanks':
      return renderThanks();
    default:
      if (capabilityFor(parsed.intent)) return undefined;
      return renderHelp({ topics: helpTopics(), preface: parsed.intent === 'none' ? `I'm not sure what you mean by “${text.slice(0, 120)}”.` : "I can't answer that yet.", inChannel });
  }
}

export type Outcome = { ok: true; vm: unknown; rendered: Rendered } | { ok: false; error: unknown; rendered: Rendered };

/** Runs a capability's answer and card; a failure becomes the card that explains it. */
export async function answerWith(capability: Capability, parsed: Parsed, text: string, ctx: AnswerContext, answerId?: string, reference = 'cli'): Promise<Outcome> {
  let vm: unknown;
  try {
    vm = await capability.answer(parsed, ctx);
  } catch (error) {
    return { ok: false, error, rendered: failureCard(error, text, reference) };
  }
  return { ok: true, vm, rendered: capability.render(vm, { page: 0, ...(answerId ? { answerId } : {}) }) };
}
