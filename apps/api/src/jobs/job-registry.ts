import type { JobHandler } from './job-handler.js';
import { JobName } from './job-names.js';

/** Maps each job name to its one handler; refuses a missing or doubled handler. */
export function buildJobRegistry(handlers: readonly JobHandler[]): Map<JobName, JobHandler> {
  const registry = new Map<JobName, JobHandler>();
  for (const handler of handlers) {
    if (registry.has(handler.name)) throw new Error(`two handlers for job "${handler.name}"`);
    registry.set(handler.name, handler);
  }
  const missing = Object.values(JobName).filter((name) => !registry.has(name));
  if (missing.length > 0)
    throw new Error(
      `no handler for job${missing.length > 1 ? 's' : ''} ${missing.map((n) => `"${n}"`).join(', ')}`,
    );
  return registry;
}
