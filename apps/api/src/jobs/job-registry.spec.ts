import { describe, expect, it } from '@jest/globals';
import type { JobHandler } from './job-handler.js';
import { JobName } from './job-names.js';
import { buildJobRegistry } from './job-registry.js';

const handlerFor = (name: JobName): JobHandler => ({ name, handle: async () => undefined });

describe('the job registry', () => {
  it('maps every job to its handler', () => {
    const registry = buildJobRegistry(Object.values(JobName).map(handlerFor));
    expect([...registry.keys()].sort()).toEqual(Object.values(JobName).sort());
  });

  it('refuses to start when a job has no handler', () => {
    const handlers = Object.values(JobName)
      .filter((name) => name !== JobName.SessionsPurge)
      .map(handlerFor);
    expect(() => buildJobRegistry(handlers)).toThrow(
      `no handler for job "${JobName.SessionsPurge}"`,
    );
  });

  it('refuses two handlers for one job', () => {
    const handlers = [...Object.values(JobName).map(handlerFor), handlerFor(JobName.MailSend)];
    expect(() => buildJobRegistry(handlers)).toThrow(`two handlers for job "${JobName.MailSend}"`);
  });
});
