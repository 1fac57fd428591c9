// A turn's time budget. Teams waits about 5 s for an invoke response and Bot Service about 15 s for
// a message turn; every Graph request and retry wait is cut to what is left, so the person always
// gets an answer — possibly "Graph didn't answer, try again" — before Teams gives up.

export class Deadline {
  readonly at: number;
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;

  constructor(budgetMs: number, now = Date.now()) {
    this.at = now + budgetMs;
    this.timer = setTimeout(() => this.controller.abort(new DeadlineExceeded()), budgetMs);
    this.timer.unref();
  }

  remaining(now = Date.now()): number {
    return Math.max(0, this.at - now);
  }

  /** Aborts when the budget is spent. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Frees the timer when the turn ends early. */
  dispose(): void {
    clearTimeout(this.timer);
  }
}

export class DeadlineExceeded extends Error {
  constructor() {
    super('the turn ran out of time');
    this.name = 'DeadlineExceeded';
  }
}
