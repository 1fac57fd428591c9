// The bot's live heap: what is still reachable after a full garbage collection, read from the bot
// process through the inspector protocol (on loopback, for tests and benchmarks only). RSS alone
// cannot tell a leak from a collector that has not run yet: V8 lets the heap grow while memory is
// plentiful, so under load the bot's RSS swings by a couple of hundred MB while what it keeps alive
// stays put.
import WebSocket from 'ws';
import { freePort } from './azurite.ts';

/** Node flags that open the inspector on a free loopback port. */
export async function inspectorFlags(): Promise<{ port: number; nodeArgs: string[] }> {
  const port = await freePort();
  return { port, nodeArgs: [`--inspect=127.0.0.1:${port}`] };
}

export interface HeapReading {
  /** Resident set size before the collection, as a plain RSS sample would see it. */
  rssMb: number;
  /** Heap in use after two full collections: the memory the process really keeps. */
  liveHeapMb: number;
}

const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;

export async function readLiveHeap(port: number): Promise<HeapReading> {
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as { webSocketDebuggerUrl: string }[];
  const ws = new WebSocket(targets[0]!.webSocketDebuggerUrl);
  await new Promise<void>((ok, fail) => {
    ws.once('open', () => ok());
    ws.once('error', fail);
  });
  let next = 0;
  const call = <T>(method: string, params: object = {}) =>
    new Promise<T>((ok, fail) => {
      const id = ++next;
      const onMessage = (data: WebSocket.Data) => {
        const msg = JSON.parse(String(data)) as { id?: number; result?: T; error?: { message: string } };
        if (msg.id !== id) return;
        ws.off('message', onMessage);
        if (msg.error) fail(new Error(`${method}: ${msg.error.message}`));
        else ok(msg.result as T);
      };
      ws.on('message', onMessage);
      ws.send(JSON.stringify({ id, method, params }));
    });
  const memory = async () => {
    const r = await call<{ result: { value: string } }>('Runtime.evaluate', { expression: 'JSON.stringify(process.memoryUsage())', returnByValue: true });
    return JSON.parse(r.result.value) as NodeJS.MemoryUsage;
  };
  try {
    const before = await memory();
    // Twice: the first collection can leave objects that only a second one finds unreachable.
    await call('HeapProfiler.collectGarbage');
    await call('HeapProfiler.collectGarbage');
    const after = await memory();
    return { rssMb: mb(before.rss), liveHeapMb: mb(after.heapUsed) };
  } finally {
    ws.close();
  }
}
