import { describe, expect, it } from '@jest/globals';
import { UnrecoverableError } from 'bullmq';
import { finalFailure, subjectOf } from './failed-for-good.js';
import { PoisonJobError } from './job-failure.js';
import { JobName } from './job-names.js';

const id = '6f1c1e3e-1111-4111-8111-111111111111';
/** A job as BullMQ leaves it after a failed try: `attemptsMade` already counts that try. */
const after = (attemptsMade: number, attempts = 5) => ({ attemptsMade, opts: { attempts } });

describe('whether a failed try was the last', () => {
  it('a passing failure with tries left will be tried again', () => {
    expect(finalFailure(after(1), new Error('connection terminated'))).toBeNull();
    expect(finalFailure(after(4), new Error('connection terminated'))).toBeNull();
  });

  it('a passing failure on the last allowed try is final: the worker gave up', () => {
    expect(finalFailure(after(5), new Error('connection terminated'))).toEqual({
      kind: 'gave_up',
      reason: 'unexpected',
    });
    expect(finalFailure({ attemptsMade: 1, opts: {} }, new Error('x'))).toEqual({
      kind: 'gave_up',
      reason: 'unexpected',
    });
  });

  it('a poison failure is final on the first try, with its reason', () => {
    expect(finalFailure(after(1), new PoisonJobError('damaged_text', 'The section …'))).toEqual({
      kind: 'unrecoverable',
      reason: 'damaged_text',
    });
    expect(new PoisonJobError('invalid_payload', 'x')).toBeInstanceOf(UnrecoverableError);
  });

  it('a job whose worker died too often is final, and says so', () => {
    expect(
      finalFailure(after(1), new UnrecoverableError('job stalled more than allowable limit')),
    ).toEqual({ kind: 'gave_up', reason: 'worker_stalled' });
  });
});

describe('what a failed job was making', () => {
  it('names the draft or export of a valid payload, and nothing for other jobs', () => {
    expect(subjectOf(JobName.DraftGenerate, { draftId: id })).toEqual({ kind: 'draft', id });
    expect(subjectOf(JobName.DraftExport, { exportId: id })).toEqual({ kind: 'export', id });
    expect(subjectOf(JobName.DraftGenerate, { draftId: 'nonsense' })).toBeNull();
    expect(subjectOf(JobName.MailSend, { to: 'a@b.c', subject: 's', text: 't' })).toBeNull();
    expect(subjectOf('no.such-job', { draftId: id })).toBeNull();
  });
});
