// The help card and the Teams command menu promise things; each promise must parse to an intent
// the bot answers right now.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { capabilities, capabilityFor } from '../src/catalog.ts';
import { parse } from '../src/language/parse.ts';

const COMMANDS_WITHOUT_GRAPH = new Set(['help', 'signout', 'helpdesk.here', 'ticket.list']);

describe('the catalog', () => {
  it.each(capabilities().flatMap((c) => c.examples.map((e) => [c.intent, e] as const)))('%s: “%s” parses to its own intent', (intent, example) => {
    expect(parse(example).intent).toBe(intent);
  });

  it('has one capability per intent', () => {
    const intents = capabilities().map((c) => c.intent);
    expect(new Set(intents).size).toBe(intents.length);
  });
});

describe('the manifest command lists', () => {
  const manifest = JSON.parse(readFileSync(resolve(import.meta.dirname, '..', 'appPackage', 'manifest.json'), 'utf8')) as { bots: { commandLists: { commands: { title: string }[] }[] }[] };
  const titles = manifest.bots[0]!.commandLists.flatMap((l) => l.commands.map((c) => c.title));
  it.each(titles)('“%s” is a command that works', (title) => {
    const { intent } = parse(title);
    expect(COMMANDS_WITHOUT_GRAPH.has(intent) || capabilityFor(intent) !== undefined, `${title} → ${intent}`).toBe(true);
  });
});
