/**
 * `npm run bench:drafts`: how long a draft of a large plan (40 sections, 200,000 words) takes from
 * the request to `ready`, and how long exporting that draft as DOCX and as PDF takes (each from the
 * request to a ready file). The harness creates and drops a database of its own. Not part of
 * `npm test`.
 */
import { runBench } from './bench-run.mjs';

await runBench('bench/dist/drafts/run-drafts-bench.js');
