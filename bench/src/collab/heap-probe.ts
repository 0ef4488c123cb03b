/**
 * Loaded into the API process for the memory measurement only (`node --expose-gc --import
 * …/heap-probe.js`): on SIGUSR2 it collects garbage and prints the live heap (and the buffers it keeps) on its own line, so the
 * harness can take a live-memory figure instead of RSS. Nothing in the API knows about it.
 */
export const heapProbeMarker = 'bench-heap-used-bytes';

const collect = (globalThis as { gc?: () => void }).gc;

if (process.env.BENCH_HEAP_PROBE === '1') {
  process.on('SIGUSR2', () => {
    // Twice: the first pass can leave objects that only become unreachable once finalisers ran.
    collect?.();
    collect?.();
    // The V8 heap plus the ArrayBuffers it keeps alive outside it (a Yjs update, a snapshot read
    // from PostgreSQL): what the process holds on to, without garbage or unreturned pages.
    const { heapUsed, arrayBuffers } = process.memoryUsage();
    process.stdout.write(`\n${heapProbeMarker} ${heapUsed + arrayBuffers}\n`);
  });
}
