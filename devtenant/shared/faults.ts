// Fault injection: added latency, throttling (429 + Retry-After), 5xx and connections that hang.
// Rules are set at start (configuration) or at run time (tests, benchmarks, the control API).

export interface FaultRule {
  /** Which service the rule applies to; all when omitted. */
  service?: 'graph' | 'entra' | 'channel';
  /** A regular expression tested against the path and query (for $batch parts: the part's url); all when omitted. */
  match?: string;
  /** Added before answering (applies even when no failure is chosen). */
  latencyMs?: number;
  /** Fail with this status (429, 500, 503, 504). */
  status?: number;
  /** Seconds for the Retry-After header of a 429/503. */
  retryAfter?: number;
  /** Never answer: the connection stays open until the client gives up. */
  hang?: boolean;
  /** Probability 0..1 that a matching request fails (latency always applies). Default 1. */
  rate?: number;
  /** Apply the failure to the next N matching requests only. */
  times?: number;
}

export interface FaultDecision {
  latencyMs: number;
  fail?: { status: number; retryAfter?: number } | { hang: true };
}

export class Faults {
  private rules: FaultRule[] = [];
  /** Seeded so that a fault run can be repeated. */
  private seed: number;

  constructor(rules: FaultRule[] = [], seed = 42) {
    this.rules = rules.map((r) => ({ ...r }));
    this.seed = seed;
  }

  set(rules: FaultRule[]): void {
    this.rules = rules.map((r) => ({ ...r }));
  }
  add(rule: FaultRule): void {
    this.rules.push({ ...rule });
  }
  clear(): void {
    this.rules = [];
  }
  list(): FaultRule[] {
    return this.rules.map((r) => ({ ...r }));
  }

  private random(): number {
    // mulberry32
    let t = (this.seed += 0x6d2b79f5);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Decides what happens to one request. Consumes `times` of the rule that fires. */
  decide(service: 'graph' | 'entra' | 'channel', url: string): FaultDecision {
    let latencyMs = 0;
    let fail: FaultDecision['fail'];
    for (const rule of this.rules) {
      if (rule.service && rule.service !== service) continue;
      if (rule.match && !new RegExp(rule.match).test(url)) continue;
      latencyMs += rule.latencyMs ?? 0;
      if (fail || (rule.status === undefined && !rule.hang)) continue;
      if (rule.times !== undefined && rule.times <= 0) continue;
      if (this.random() >= (rule.rate ?? 1)) continue;
      if (rule.times !== undefined) rule.times -= 1;
      fail = rule.hang ? { hang: true } : { status: rule.status!, ...(rule.retryAfter !== undefined ? { retryAfter: rule.retryAfter } : {}) };
    }
    return fail ? { latencyMs, fail } : { latencyMs };
  }
}
