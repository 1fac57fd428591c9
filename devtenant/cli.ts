// `devtenant serve` runs the dev tenant until SIGINT/SIGTERM and prints what the bot needs;
// `devtenant generate` writes a tenant folder of any size.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startDevTenant } from './index.ts';
import { generateTenant, writeTenant } from './tenant/generate.ts';

const USAGE = `Usage:
  devtenant serve [--tenant contoso|DIR] [--entra-port 7443] [--graph-port 7444] [--channel-port 7445]
                  [--bot URL] [--now ISO-DATE] [--token-lifetime SECONDS] [--keys-dir DIR] [--tls-dir DIR]
                  [--sandbox-sso]
  devtenant generate --users N --apps M [--seed S] [--now ISO-DATE] --out DIR [--pretty]

serve prints the URLs, the bot's environment (KEY=value lines) and one JSON line {"event":"ready",…}.
--sandbox-sso adds SANDBOX_SSO_TOKEN_URL to the environment (the sandbox's stand-in for Teams SSO).
Ports: 0 picks a free one.`;

function port(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`--${name} must be a port number (0 for any free port), not "${value}"`);
  return n;
}

function date(value: string | undefined, name: string): Date | undefined {
  if (value === undefined) return undefined;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw new Error(`--${name} must be an ISO 8601 date-time, not "${value}"`);
  return d;
}

function positiveInt(value: string | undefined, name: string): number {
  const n = Number(value);
  if (value === undefined || !Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive whole number`);
  return n;
}

async function serve(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      tenant: { type: 'string', default: 'contoso' },
      'entra-port': { type: 'string' },
      'graph-port': { type: 'string' },
      'channel-port': { type: 'string' },
      bot: { type: 'string' },
      now: { type: 'string' },
      'token-lifetime': { type: 'string' },
      'keys-dir': { type: 'string' },
      'tls-dir': { type: 'string' },
      'sandbox-sso': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const now = date(values.now, 'now');
  const lifetime = values['token-lifetime'] === undefined ? undefined : positiveInt(values['token-lifetime'], 'token-lifetime');
  const dt = await startDevTenant({
    tenant: values.tenant!,
    ports: { entra: port(values['entra-port'], 7443, 'entra-port'), graph: port(values['graph-port'], 7444, 'graph-port'), channel: port(values['channel-port'], 7445, 'channel-port') },
    ...(values.bot ? { botEndpoint: values.bot } : {}),
    ...(now ? { now } : {}),
    ...(lifetime !== undefined ? { tokenLifetimeSeconds: lifetime } : {}),
    ...(values['keys-dir'] ? { keysDir: resolve(values['keys-dir']) } : {}),
    ...(values['tls-dir'] ? { tlsDir: resolve(values['tls-dir']) } : {}),
  });
  const env = dt.botEnv({ sandboxSso: values['sandbox-sso'] });
  const org = String(dt.tenant.data.organization[0]?.displayName ?? '');
  console.log(`Dev tenant "${org}" (${dt.tenant.tenantId}) is running:
  Entra ID  ${dt.urls.entra}/${dt.tenant.tenantId}
  Graph     ${dt.urls.graph}/v1.0
  Channel   ${dt.urls.channel}  (serviceUrl ${dt.urls.serviceUrl})
  Control   ${dt.urls.control}
  Bot       ${dt.channel.botEndpoint ?? 'not set: devtenant serve --bot URL, or PUT /_dev/bot'}
  CA        ${dt.caFile}

Bot environment:`);
  for (const [k, v] of Object.entries(env)) console.log(`${k}=${v}`);
  console.log(JSON.stringify({ event: 'ready', tenantId: dt.tenant.tenantId, urls: dt.urls, caFile: dt.caFile, botEndpoint: dt.channel.botEndpoint ?? null, env }));

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    await dt.close();
    console.log(JSON.stringify({ event: 'stopped', signal }));
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

function generate(args: string[]): void {
  const { values } = parseArgs({
    args,
    options: { users: { type: 'string' }, apps: { type: 'string' }, seed: { type: 'string' }, now: { type: 'string' }, out: { type: 'string' }, pretty: { type: 'boolean', default: false } },
    strict: true,
  });
  if (!values.out) throw new Error('--out DIR is required');
  const now = date(values.now, 'now');
  const started = Date.now();
  const data = generateTenant({
    users: positiveInt(values.users, 'users'),
    apps: positiveInt(values.apps, 'apps'),
    ...(values.seed !== undefined ? { seed: positiveInt(values.seed, 'seed') } : {}),
    ...(now ? { now } : {}),
  });
  const out = resolve(values.out);
  writeTenant(data, out, { pretty: values.pretty });
  console.log(`Wrote ${data.users.length} users, ${data.groups.length} groups, ${data.applications.length} applications to ${out} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command === 'serve') return serve(rest);
  if (command === 'generate') return generate(rest);
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    console.log(USAGE);
    return;
  }
  throw new Error(`unknown command "${command}"\n\n${USAGE}`);
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(`devtenant: ${(err as Error).message ?? String(err)}`);
  process.exit(1);
});
