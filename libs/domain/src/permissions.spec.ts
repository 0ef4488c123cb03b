import { describe, expect, it } from '@jest/globals';
import {
  can,
  canOnInstance,
  footprintActions,
  type Actor,
  type FootprintAction,
} from './permissions.js';
import { footprintRoles, type FootprintRole } from './roles.js';

/** The whole rule table, written out as a person would read it. */
const expected: Record<FootprintRole | 'admin' | 'outsider', readonly FootprintAction[]> = {
  lead: footprintActions,
  author: [
    'footprint.read',
    'members.read',
    'organisations.read',
    'plan.read',
    'section.read',
    'draft.read',
    'section.editText',
    'section.comment',
    'comment.resolve',
    'section.requestReview',
  ],
  reviewer: [
    'footprint.read',
    'members.read',
    'organisations.read',
    'plan.read',
    'section.read',
    'draft.read',
    'section.comment',
    'comment.resolve',
    'section.decideReview',
  ],
  viewer: [
    'footprint.read',
    'members.read',
    'organisations.read',
    'plan.read',
    'section.read',
    'draft.read',
  ],
  admin: [
    'footprint.read',
    'members.read',
    'members.invite',
    'members.manage',
    'organisations.read',
    'organisations.manage',
    'audit.read',
  ],
  outsider: [],
};

describe('permission rules', () => {
  for (const who of [...footprintRoles, 'admin', 'outsider'] as const) {
    const actor =
      who === 'admin'
        ? { role: null, isAdmin: true }
        : who === 'outsider'
          ? { role: null, isAdmin: false }
          : { role: who, isAdmin: false };
    for (const action of footprintActions) {
      const allowed = expected[who].includes(action);
      it(`${who} ${allowed ? 'may' : 'may not'} ${action}`, () => {
        expect(can(actor, action)).toBe(allowed);
      });
    }
  }

  it('a viewer reads comment threads but can neither comment nor resolve', () => {
    const viewer = { role: 'viewer' as const, isAdmin: false };
    expect(can(viewer, 'section.read')).toBe(true);
    expect(can(viewer, 'section.comment')).toBe(false);
    expect(can(viewer, 'comment.resolve')).toBe(false);
  });

  it('an instance admin who is not a member cannot read or write comments', () => {
    const admin = { role: null, isAdmin: true };
    expect(can(admin, 'section.comment')).toBe(false);
    expect(can(admin, 'comment.resolve')).toBe(false);
  });

  it('a reviewer can never change section text', () => {
    expect(can({ role: 'reviewer', isAdmin: true }, 'section.editText')).toBe(false);
  });

  it('an admin who is also a member gets the member role and the admin rights together', () => {
    const actor = { role: 'viewer' as const, isAdmin: true };
    expect(can(actor, 'plan.read')).toBe(true);
    expect(can(actor, 'members.manage')).toBe(true);
    expect(can(actor, 'plan.create')).toBe(false);
  });

  it('only an instance admin may see how the service runs, whatever their footprint roles', () => {
    expect(canOnInstance({ isAdmin: true }, 'operations.read')).toBe(true);
    for (const role of [...footprintRoles, null]) {
      const member: Actor = { role, isAdmin: false };
      expect(canOnInstance(member, 'operations.read')).toBe(false);
    }
  });
});
