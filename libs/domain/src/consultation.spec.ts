import { describe, expect, it } from '@jest/globals';
import {
  consultationResponseProblems,
  consultationStateAt,
  isCalendarDate,
  londonDate,
} from './consultation.js';

const valid = {
  respondentType: 'patient',
  body: 'Please keep the minor injuries unit open at weekends.',
};

describe('consultation response rules', () => {
  it('accepts a response with who is responding and enough text', () => {
    expect(consultationResponseProblems(valid)).toEqual([]);
  });

  it('names every field at fault, in the order the form shows them', () => {
    expect(
      consultationResponseProblems({
        respondentType: 'organisation',
        email: 'not an email',
        sectionId: 'section 3',
        body: 'short',
      }).map((p) => p.field),
    ).toEqual(['organisationName', 'email', 'sectionId', 'body']);
  });

  it('asks for who is responding and for the response itself', () => {
    expect(consultationResponseProblems({})).toEqual([
      { field: 'respondentType', message: 'Select who you are responding as' },
      { field: 'body', message: 'Enter your response' },
    ]);
  });

  it('counts characters as a person does, and limits the response to 5,000', () => {
    expect(consultationResponseProblems({ ...valid, body: '👍'.repeat(5_000) })).toEqual([]);
    expect(consultationResponseProblems({ ...valid, body: 'a'.repeat(5_001) })[0]?.message).toBe(
      'Your response must be 5,000 characters or fewer',
    );
    expect(consultationResponseProblems({ ...valid, body: '   123456789   ' })[0]?.field).toBe(
      'body',
    );
  });

  it('treats an empty name, email or section as not given', () => {
    expect(consultationResponseProblems({ ...valid, name: ' ', email: '', sectionId: '' })).toEqual(
      [],
    );
  });
});

describe('consultation dates', () => {
  const consultation = { opensOn: '2026-06-01', closesOn: '2026-06-30', closedEarlyAt: null };

  it('opens at midnight in England, not in UTC', () => {
    // 23:30 UTC on 31 May is 00:30 on 1 June in British Summer Time.
    expect(londonDate(new Date('2026-05-31T23:30:00Z'))).toBe('2026-06-01');
    expect(consultationStateAt(consultation, new Date('2026-05-31T22:59:00Z'))).toBe(
      'not_open_yet',
    );
    expect(consultationStateAt(consultation, new Date('2026-05-31T23:30:00Z'))).toBe('open');
  });

  it('takes responses to the end of the closing day, then closes', () => {
    expect(consultationStateAt(consultation, new Date('2026-06-30T22:59:00Z'))).toBe('open');
    expect(consultationStateAt(consultation, new Date('2026-06-30T23:00:00Z'))).toBe('closed');
  });

  it('is closed once a lead closes it early, whatever the dates', () => {
    expect(
      consultationStateAt(
        { ...consultation, closedEarlyAt: '2026-06-10T09:00:00Z' },
        new Date('2026-06-15T12:00:00Z'),
      ),
    ).toBe('closed');
  });

  it('knows a real date from a date-shaped string', () => {
    expect(isCalendarDate('2027-02-28')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('28/02/2027')).toBe(false);
  });
});
