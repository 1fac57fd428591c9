// Builds the Teams app package: appPackage/manifest.json with every ${{VAR}} filled in from
// env/.env.<env> (and env/.env.<env>.user for secrets, git-ignored — the Teams Toolkit
// conventions), validated against the official schema bundled in @microsoft/app-manifest, zipped
// with both icons into appPackage/build/appPackage.<env>.zip.
//   npm run package -- --env local|dev
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { validateManifest } from './manifest.ts';
import { writeZip } from './zip.ts';

const root = resolve(import.meta.dirname, '..');

export function readEnvFile(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(file)) return out;
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)\s*$/.exec(line);
    if (!m || line.trimStart().startsWith('#')) continue;
    let value = m[2]!;
    if (/^".*"$|^'.*'$/.test(value)) value = value.slice(1, -1);
    out[m[1]!] = value;
  }
  return out;
}

export function loadEnv(env: string): Record<string, string> {
  const file = resolve(root, 'env', `.env.${env}`);
  if (!existsSync(file)) throw new Error(`no env/.env.${env}`);
  return { ...readEnvFile(file), ...readEnvFile(`${file}.user`) };
}

export function fillManifest(template: string, vars: Record<string, string>): string {
  const missing = new Set<string>();
  const filled = template.replace(/\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (_, name: string) => {
    if (!(name in vars)) missing.add(name);
    return JSON.stringify(vars[name] ?? '').slice(1, -1);
  });
  if (missing.size) throw new Error(`not set in the env files: ${[...missing].join(', ')}`);
  return filled;
}

/** Derived values the manifest needs and people should not have to repeat. */
function withDerived(vars: Record<string, string>): Record<string, string> {
  const out = { ...vars };
  if (!out.BOT_DOMAIN && out.PUBLIC_URL) out.BOT_DOMAIN = new URL(out.PUBLIC_URL).host;
  out.APP_NAME_SUFFIX ??= '';
  return out;
}

export async function buildPackage(env: string): Promise<string> {
  const manifest = fillManifest(readFileSync(resolve(root, 'appPackage', 'manifest.json'), 'utf8'), withDerived(loadEnv(env)));
  const errors = await validateManifest(JSON.parse(manifest));
  if (errors.length) throw new Error(`the manifest does not match its schema:\n  ${errors.join('\n  ')}`);
  const zip = writeZip([
    { name: 'manifest.json', data: Buffer.from(manifest) },
    { name: 'color.png', data: readFileSync(resolve(root, 'appPackage', 'color.png')) },
    { name: 'outline.png', data: readFileSync(resolve(root, 'appPackage', 'outline.png')) },
  ]);
  mkdirSync(resolve(root, 'appPackage', 'build'), { recursive: true });
  const out = resolve(root, 'appPackage', 'build', `appPackage.${env}.zip`);
  writeFileSync(out, zip);
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const i = process.argv.indexOf('--env');
  const env = i >= 0 ? process.argv[i + 1] : 'local';
  if (!env || !/^[a-z0-9-]+$/.test(env)) {
    console.error('usage: npm run package -- --env local|dev');
    process.exit(2);
  }
  buildPackage(env).then(
    (out) => console.log(`wrote ${out}`),
    (err: Error) => {
      console.error(`package: ${err.message}`);
      process.exit(1);
    },
  );
}
