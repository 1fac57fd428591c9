import { describe, expect, it } from 'vitest';
import { createLogger, withTurn } from '../src/log.ts';

const JWT = 'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlLXBhcnQtaGVyZQ';

function capture(level: 'debug' | 'info' = 'debug') {
  const lines: string[] = [];
  const log = createLogger(level, (l) => lines.push(l));
  return { log, lines, records: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('structured logs', () => {
  it('writes one JSON object per event with the turn context', () => {
    const { log, records } = capture();
    withTurn({ activityId: 'a1', conversationType: 'channel' }, () => log.info('answer.sent', { intent: 'sync.users' }));
    const [r] = records();
    expect(r).toMatchObject({ level: 'info', event: 'answer.sent', activityId: 'a1', conversationType: 'channel', intent: 'sync.users' });
    expect(typeof r!.time).toBe('string');
  });

  it('never writes a token or a configured secret, wherever it hides', () => {
    const { log, lines } = capture();
    log.redactor.addSecrets(['hunter2-long-secret']);
    log.info('x', { header: `Bearer ${JWT}`, nested: { token: JWT }, body: `client_secret=hunter2-long-secret&assertion=${JWT}&refresh_token=0.AXYZ-abc`, msg: 'the secret is hunter2-long-secret' });
    log.error('y', { err: new Error(`failed with ${JWT}`) });
    const all = lines.join('\n');
    expect(all).not.toContain(JWT);
    expect(all).not.toContain('hunter2-long-secret');
    expect(all).not.toContain('0.AXYZ-abc');
    expect(all).toContain('[redacted');
  });

  it('drops events below the configured level', () => {
    const { log, lines } = capture('info');
    log.debug('noise');
    log.warn('kept');
    expect(lines).toHaveLength(1);
  });
});
