/**
 * Loaded into the API process for the memory measurement only (`node --expose-gc --import
 * …/heap-probe.js`, with an IPC channel to the harness): asked over the channel, it collects
 * garbage and answers with the live heap and the buffers it keeps, so the harness can take a
 * live-memory figure instead of RSS. Nothing in the API knows about it. (Not a signal: the API's
 * shutdown hooks listen for SIGUSR2 and the others.)
 */
export interface HeapProbeAnswer {
  liveBytes: number;
}

const collect = (globalThis as { gc?: () => void }).gc;

if (process.env.BENCH_HEAP_PROBE === '1' && process.send) {
  // The channel must not keep the API alive once it is asked to stop.
  process.channel?.unref();
  process.on('message', (message: unknown) => {
    if (message !== 'heap') return;
    // Twice: the first pass can leave objects that only become unreachable once finalisers ran.
    collect?.();
    collect?.();
    // The V8 heap plus the ArrayBuffers it keeps alive outside it (a Yjs update, a snapshot read
    // from PostgreSQL): what the process holds on to, without garbage or unreturned pages.
    const { heapUsed, arrayBuffers } = process.memoryUsage();
    const answer: HeapProbeAnswer = { liveBytes: heapUsed + arrayBuffers };
    process.send?.(answer);
  });
}
