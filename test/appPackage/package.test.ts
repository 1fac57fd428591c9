import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateManifest } from '../../scripts/manifest.ts';
import { buildPackage, fillManifest, loadEnv } from '../../scripts/package-app.ts';
import { readZip } from '../../scripts/zip.ts';
import { decodePng } from '../support/png.ts';

describe('npm run package -- --env local', () => {
  it('writes a zip with the filled manifest and both icons, valid against the bundled schema', async () => {
    const out = await buildPackage('local');
    expect(out).toMatch(/appPackage\/build\/appPackage\.local\.zip$/);
    const entries = readZip(readFileSync(out));
    expect(entries.map((e) => e.name).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(entries.find((e) => e.name === 'manifest.json')!.data.toString('utf8')) as { $schema: string; manifestVersion: string; validDomains: string[]; webApplicationInfo: unknown; bots: { botId: string; scopes: string[]; commandLists: { commands: unknown[] }[] }[] };
    expect(JSON.stringify(manifest)).not.toContain('${{');
    expect(manifest.$schema).toMatch(/v1\.25\/MicrosoftTeams\.schema\.json$/);
    expect(manifest.manifestVersion).not.toBe('1.18');
    expect(await validateManifest(manifest)).toEqual([]);
    const env = loadEnv('local');
    expect(manifest.bots[0]!.botId).toBe(env.BOT_ID);
    expect(manifest.webApplicationInfo).toEqual({ id: env.BOT_ID, resource: `api://botid-${env.BOT_ID}` });
    expect(manifest.bots[0]!.scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
    for (const list of manifest.bots[0]!.commandLists) expect(list.commands.length).toBeLessThanOrEqual(10);
    expect(manifest.validDomains).toEqual(['localhost:3978']);
  });

  it('ships a 192×192 color icon and a 32×32 outline icon that is white on transparent', () => {
    const color = decodePng(readFileSync(resolve(import.meta.dirname, '../../appPackage/color.png')));
    expect([color.width, color.height]).toEqual([192, 192]);
    const outline = decodePng(readFileSync(resolve(import.meta.dirname, '../../appPackage/outline.png')));
    expect([outline.width, outline.height, outline.channels]).toEqual([32, 32, 4]);
    let opaque = 0;
    for (let y = 0; y < 32; y++)
      for (let x = 0; x < 32; x++) {
        const [r, g, b, a] = outline.pixel(x, y) as [number, number, number, number];
        if (a > 0) {
          opaque++;
          expect(Math.min(r, g, b)).toBeGreaterThanOrEqual(250);
        }
      }
    expect(opaque).toBeGreaterThan(50); // there is a drawing…
    expect(outline.pixel(0, 0)[3]).toBe(0); // …on a transparent background
  });

  it('refuses to build when a variable is missing, naming it', () => {
    expect(() => fillManifest('{"id":"${{TEAMS_APP_ID}}","b":"${{NOPE}}"}', { TEAMS_APP_ID: 'x' })).toThrow(/NOPE/);
  });

  it('reports schema errors for the unfilled dev template', async () => {
    await expect(buildPackage('dev')).rejects.toThrow(/schema/);
  });
});
