/**
 * Loaded into the API process for the memory measurement only (`node --expose-gc --import
 * …/heap-probe.js`): on SIGUSR2 it collects garbage and prints the live heap on its own line, so the
 * harness can take a heap figure instead of RSS. Nothing in the API knows about it.
 */
export const heapProbeMarker = 'bench-heap-used-bytes';

const collect = (globalThis as { gc?: () => void }).gc;

if (process.env.BENCH_HEAP_PROBE === '1') {
  process.on('SIGUSR2', () => {
    // Twice: the first pass can leave objects that only become unreachable once finalisers ran.
    collect?.();
    collect?.();
    process.stdout.write(`\n${heapProbeMarker} ${process.memoryUsage().heapUsed}\n`);
  });
}
