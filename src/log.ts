// Structured logs: one JSON line per event on stdout, carrying the turn's activity id and
// conversation type wherever the event happens (AsyncLocalStorage), and never a token or secret:
// every line passes through the redactor, whatever the caller put in it.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { LogLevel } from './config.ts';

export interface TurnInfo {
  activityId?: string;
  conversationType?: string;
  activityType?: string;
  /** The asker's object id — an identifier, not a secret. */
  userOid?: string;
}

const LEVELS: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const turnContext = new AsyncLocalStorage<TurnInfo>();

// Compact JWS/JWE (three or five base64url parts starting with a JSON header), bearer headers,
// refresh tokens and form-encoded secrets as MSAL and Entra send them.
const JWT = /eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*(\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)?/g;
const BEARER = /(bearer\s+)[^\s"',]+/gi;
const FORM_SECRET = /((?:client_secret|assertion|refresh_token|access_token|id_token|code|AccountKey|SharedAccessSignature|sig)=)[^&;\s"]+/gi;

export class Redactor {
  private secrets: string[] = [];

  addSecrets(values: string[]): void {
    for (const v of values) if (v && v.length >= 6 && !this.secrets.includes(v)) this.secrets.push(v);
    this.secrets.sort((a, b) => b.length - a.length);
  }

  text(s: string): string {
    let out = s.replace(JWT, '[redacted-jwt]').replace(BEARER, '$1[redacted]').replace(FORM_SECRET, '$1[redacted]');
    for (const secret of this.secrets) if (out.includes(secret)) out = out.split(secret).join('[redacted-secret]');
    return out;
  }
}

export interface Logger {
  debug(event: string, fields?: Record<string, unknown>): void;
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
  /** The redactor, so error texts shown to people pass through the same filter. */
  readonly redactor: Redactor;
}

function errorFields(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { error: String(err) };
  const e = err as Error & { code?: unknown; status?: unknown; statusCode?: unknown; requestId?: unknown };
  return {
    error: e.message,
    errorName: e.name,
    ...(e.code !== undefined ? { errorCode: e.code } : {}),
    ...(e.status ?? e.statusCode ? { status: e.status ?? e.statusCode } : {}),
    ...(e.requestId ? { requestId: e.requestId } : {}),
    ...(e.stack ? { stack: e.stack.split('\n').slice(0, 6).join('\n') } : {}),
  };
}

export function createLogger(level: LogLevel, write: (line: string) => void = (l) => process.stdout.write(l + '\n')): Logger {
  const min = LEVELS[level];
  const redactor = new Redactor();
  const emit = (lvl: LogLevel, event: string, fields: Record<string, unknown> = {}) => {
    if (LEVELS[lvl] < min) return;
    const turn = turnContext.getStore();
    const { err, ...rest } = fields;
    const record = { time: new Date().toISOString(), level: lvl, event, ...(turn ?? {}), ...rest, ...(err !== undefined ? errorFields(err) : {}) };
    let line: string;
    try {
      line = JSON.stringify(record);
    } catch {
      line = JSON.stringify({ time: record.time, level: lvl, event, note: 'fields were not serializable' });
    }
    write(redactor.text(line));
  };
  return {
    redactor,
    debug: (e, f) => emit('debug', e, f),
    info: (e, f) => emit('info', e, f),
    warn: (e, f) => emit('warn', e, f),
    error: (e, f) => emit('error', e, f),
  };
}

/** Runs `fn` with turn information attached to every log line written inside it. */
export function withTurn<T>(info: TurnInfo, fn: () => T): T {
  return turnContext.run({ ...(turnContext.getStore() ?? {}), ...info }, fn);
}

export function currentTurn(): TurnInfo | undefined {
  return turnContext.getStore();
}
