/**
 * `npm run test:soak [-- --minutes N] [-- --editors N] [-- --sections N] [-- --generators N]
 * [-- --out FILE]`: the soak test. Editors type through the real API and worker for minutes on
 * end while drafts are made; memory must stay flat and every client converge. The harness creates
 * and drops a database and a Redis prefix of its own. Not part of `npm test`.
 */
import { runBench } from './bench-run.mjs';

await runBench('bench/dist/soak/run-soak.js');
