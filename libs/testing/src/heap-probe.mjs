/**
 * Loaded into an API process started with `startApi({ heapProbe: true })` (node `--expose-gc
 * --import` this file, with an IPC channel to the test): asked over the channel, it collects
 * garbage and answers with the live heap, so a test can compare memory before and after a load
 * without the noise of garbage not yet collected. Nothing in the API knows about it.
 */
const collect = globalThis.gc;

if (process.send) {
  // The channel must not keep the API alive once it is asked to stop.
  process.channel?.unref();
  process.on('message', (message) => {
    if (message !== 'heap') return;
    // Twice: the first pass can leave objects that only become unreachable once finalisers ran.
    collect?.();
    collect?.();
    const { heapUsed, arrayBuffers } = process.memoryUsage();
    process.send?.({ heapUsed, arrayBuffers });
  });
}
