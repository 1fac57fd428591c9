// Every card the tests produce is parsed with the Adaptive Cards SDK (as Teams' renderer would,
// targeting schema 1.5): any parse or validation event is a test failure.
import * as AC from 'adaptivecards';

export function parseCard(payload: unknown): string[] {
  const problems: string[] = [];
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  const card = new AC.AdaptiveCard();
  card.parse(payload, context);
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    problems.push(`${AC.ValidationEvent[e.event]}: ${e.message}`);
  }
  for (const e of card.validateProperties().validationEvents) problems.push(`${AC.ValidationEvent[e.event]}: ${e.message}`);
  return problems;
}

export const cardBytes = (payload: unknown) => Buffer.byteLength(JSON.stringify(payload));
