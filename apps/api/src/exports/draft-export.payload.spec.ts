import { describe, expect, it } from '@jest/globals';
import { exportJobId, exportOfJob } from './draft-export.payload.js';

const draftId = '6f1c1e3e-1111-4111-8111-111111111111';

describe('export job ids', () => {
  it('are derived from the draft and format, so one draft has one job per format', () => {
    expect(exportJobId(draftId, 'pdf')).toBe(`export-${draftId}-pdf`);
    expect(exportJobId(draftId, 'docx')).not.toBe(exportJobId(draftId, 'pdf'));
  });

  it('name the draft and format they were made from, and nothing for other jobs', () => {
    expect(exportOfJob(exportJobId(draftId, 'docx'))).toEqual({ draftId, format: 'docx' });
    expect(exportOfJob(`draft-${draftId}`)).toBeNull();
    expect(exportOfJob(`export-${draftId}-odt`)).toBeNull();
    expect(exportOfJob(undefined)).toBeNull();
  });
});
