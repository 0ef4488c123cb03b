/**
 * `npm run bench [-- --quick] [-- --out FILE] [-- --servers LIST] [-- --shapes LIST]`: the
 * side-by-side real-time benchmark (Commonplan, y-websocket, Hocuspocus). The harness creates and
 * drops a database of its own. Not part of `npm test`.
 */
import { runBench } from './bench-run.mjs';

await runBench('bench/dist/collab/run-bench.js');
