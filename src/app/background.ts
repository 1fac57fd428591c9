// Work that continues after a turn has answered — an invoke must answer within about 5 seconds,
// so the sign-in exchange and clarifying choices answer first and do the slow part here. Tracked,
// so a graceful shutdown waits for it, and failures are logged rather than lost.
import type { Logger } from '../log.ts';

export class Background {
  private readonly tasks = new Set<Promise<void>>();
  constructor(private readonly log: Logger) {}

  run(name: string, work: () => Promise<void>): void {
    const task = (async () => {
      try {
        await work();
      } catch (err) {
        this.log.error('background.failed', { task: name, err });
      }
    })();
    this.tasks.add(task);
    void task.finally(() => this.tasks.delete(task));
  }

  get size(): number {
    return this.tasks.size;
  }

  /** Waits for running work, at most `timeoutMs`. */
  async drain(timeoutMs: number): Promise<boolean> {
    const until = Date.now() + timeoutMs;
    while (this.tasks.size && Date.now() < until) {
      await Promise.race([Promise.allSettled([...this.tasks]), new Promise((ok) => setTimeout(ok, Math.max(1, until - Date.now())).unref())]);
    }
    return this.tasks.size === 0;
  }
}
