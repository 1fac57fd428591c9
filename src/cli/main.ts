// `tenant-desk ask`: the bot's language → answers → cards pipeline from a terminal, against the
// dev tenant, signed in as a person of it through the real OBO path.
//   tenant-desk ask [--tenant contoso|DIR] [--as UPN] [--json] [--parse-only] "question"
//   tenant-desk ask [--tenant …] [--as …] [--parse-only] --batch FILE   (one question per line in, one JSON object per line out)
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { MemoryStorage } from 'botbuilder';
import { createHttpsAgent } from '../https-agent.ts';
import { MsalFactory } from '../identity/msal.ts';
import { TokenService } from '../identity/tokens.ts';
import { newScore, parseTsv, record, table, type Example } from '../language/evaluate.ts';
import { parse } from '../language/parse.ts';
import { createLogger } from '../log.ts';
import { ask, type AskResult, type Session } from './ask.ts';
import { ssoTokenFor, startDevTenantProcess, type RunningDevTenant } from './devtenant-process.ts';

const USAGE = `Usage:
  tenant-desk ask [--tenant contoso|DIR] [--as UPN] [--json] [--parse-only] "question"
  tenant-desk ask [--tenant contoso|DIR] [--as UPN] [--parse-only] --batch FILE

  --tenant      the dev tenant to ask: the sample "contoso" (default) or a tenant folder
  --as          who asks (default patti@contoso.com, a Global Administrator of the sample)
  --json        print the answer as JSON (always on with --batch: one object per line)
  --parse-only  only parse the question (no dev tenant, no Graph)
  --batch FILE  one question per line; lines of a labelled TSV (utterance, intent, entities)
                also print the parser's accuracy per intent at the end (on stderr)`;

function fail(message: string): never {
  process.stderr.write(`tenant-desk: ${message}\n`);
  process.exit(2);
}

/** A batch file: plain questions, or a labelled TSV (header "utterance<TAB>intent…"). */
function readBatch(file: string): { questions: string[]; labels?: Example[] } {
  const content = readFileSync(file, 'utf8');
  if (content.startsWith('utterance\t')) {
    const labels = parseTsv(content, file);
    return { questions: labels.map((l) => l.text), labels };
  }
  return { questions: content.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#')) };
}

async function signIn(dt: RunningDevTenant, upn: string): Promise<Session> {
  const log = createLogger('error', (line) => process.stderr.write(`${line}\n`));
  const agent = createHttpsAgent(dt.caFile);
  const env = dt.env;
  const msal = new MsalFactory({ authority: `${env.AAD_AUTHORITY_HOST}/${env.BOT_TENANT_ID}`, clientId: env.BOT_ID!, clientSecret: env.BOT_PASSWORD!, agent, log });
  const tokens = new TokenService(msal, new MemoryStorage(), Buffer.alloc(32), log);
  const sso = await ssoTokenFor(dt.control, upn);
  const oid = (JSON.parse(Buffer.from(sso.split('.')[1]!, 'base64url').toString('utf8')) as { oid: string }).oid;
  const token = await tokens.exchange(oid, sso);
  return { token, graphBaseUrl: env.GRAPH_BASE_URL!, tenantId: env.BOT_TENANT_ID!, agent, log };
}

function human(r: AskResult): string {
  const head = `${r.intent} (confidence ${r.confidence})${Object.keys(r.entities).length ? ` ${JSON.stringify(r.entities)}` : ''}`;
  if (!r.answer) return head;
  return `${r.answer.text}\n\n— ${head}; ${r.graph.requests} Graph request(s) in ${r.graph.roundTrips} round trip(s)`;
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command !== 'ask') fail(USAGE);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { tenant: { type: 'string', default: 'contoso' }, as: { type: 'string' }, json: { type: 'boolean', default: false }, 'parse-only': { type: 'boolean', default: false }, batch: { type: 'string' }, help: { type: 'boolean', default: false } },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const batch = values.batch ? readBatch(values.batch) : undefined;
  const questions = batch?.questions ?? (positionals.length ? [positionals.join(' ')] : fail(`a question is needed\n${USAGE}`));
  const upn = values.as ?? (values.tenant === 'contoso' ? 'patti@contoso.com' : fail('--as UPN is needed with a tenant folder'));

  let dt: RunningDevTenant | undefined;
  let session: Session | undefined;
  try {
    if (!values['parse-only']) {
      dt = await startDevTenantProcess(values.tenant!);
      session = await signIn(dt, upn);
    }
    const score = batch?.labels ? newScore() : undefined;
    for (const [i, q] of questions.entries()) {
      const result = await ask(q, session);
      if (score && batch?.labels?.[i]) record(score, batch.labels[i]!, parse(q));
      process.stdout.write(`${values.json || batch ? JSON.stringify(result) : human(result)}\n`);
    }
    if (score) process.stderr.write(`\n${table(values.batch!, score)}\n`);
  } finally {
    session?.agent.destroy();
    await dt?.stop();
  }
}

main(process.argv.slice(2)).catch((err: Error) => fail(err.message));
