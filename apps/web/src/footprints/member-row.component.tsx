import {
  footprintRoleLabels,
  footprintRoles,
  type FootprintRole,
  type MemberView,
} from '@commonplan/domain';
import { useState } from 'react';
import { changeMemberRole, removeMember } from './footprints.api';

interface MemberRowProps {
  slug: string;
  member: MemberView;
  isMe: boolean;
  canManage: boolean;
  onChanged: (member: MemberView) => void;
  onRemoved: (member: MemberView) => void;
  onError: (error: unknown) => void;
}

type Mode = 'view' | 'changing' | 'removing';

/** One member; leads can change their role or remove them from the footprint, in place. */
export function MemberRow({
  slug,
  member,
  isMe,
  canManage,
  onChanged,
  onRemoved,
  onError,
}: MemberRowProps) {
  const [mode, setMode] = useState<Mode>('view');
  const [role, setRole] = useState<FootprintRole>(member.role);
  const [busy, setBusy] = useState(false);
  const roleInputId = `role-${member.userId}`;

  const saveRole = async () => {
    setBusy(true);
    try {
      onChanged(await changeMemberRole(slug, member.userId, role));
      setMode('view');
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    setBusy(true);
    try {
      await removeMember(slug, member.userId);
      onRemoved(member);
    } catch (error) {
      onError(error);
      setBusy(false);
    }
  };

  return (
    <tr className="nhsuk-table__row">
      <td className="nhsuk-table__cell">
        {member.name}
        {isMe ? ' (you)' : ''}
        <br />
        <span className="nhsuk-body-s nhsuk-u-secondary-text-colour">{member.email}</span>
      </td>
      <td className="nhsuk-table__cell">{member.organisation?.name ?? 'Not recorded'}</td>
      <td className="nhsuk-table__cell">
        {mode === 'changing' ? (
          <div className="nhsuk-form-group nhsuk-u-margin-bottom-2">
            <label className="nhsuk-label nhsuk-u-visually-hidden" htmlFor={roleInputId}>
              Role for {member.name}
            </label>
            <select
              className="nhsuk-select"
              id={roleInputId}
              value={role}
              onChange={(event) => setRole(event.target.value as FootprintRole)}
              autoFocus
            >
              {footprintRoles.map((value) => (
                <option key={value} value={value}>
                  {footprintRoleLabels[value]}
                </option>
              ))}
            </select>
          </div>
        ) : (
          footprintRoleLabels[member.role]
        )}
      </td>
      {canManage ? (
        <td className="nhsuk-table__cell">
          {mode === 'view' && !isMe ? (
            <ul className="app-inline-actions">
              <li>
                <button
                  type="button"
                  className="app-link-button"
                  onClick={() => setMode('changing')}
                >
                  Change role<span className="nhsuk-u-visually-hidden"> for {member.name}</span>
                </button>
              </li>
              <li>
                <button
                  type="button"
                  className="app-link-button"
                  onClick={() => setMode('removing')}
                >
                  Remove<span className="nhsuk-u-visually-hidden"> {member.name}</span>
                </button>
              </li>
            </ul>
          ) : null}
          {mode === 'changing' ? (
            <ul className="app-inline-actions">
              <li>
                <button
                  type="button"
                  className="nhsuk-button nhsuk-button--small"
                  disabled={busy}
                  onClick={() => void saveRole()}
                >
                  Save role<span className="nhsuk-u-visually-hidden"> for {member.name}</span>
                </button>
              </li>
              <li>
                <button
                  type="button"
                  className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
                  onClick={() => {
                    setRole(member.role);
                    setMode('view');
                  }}
                >
                  Cancel
                </button>
              </li>
            </ul>
          ) : null}
          {mode === 'removing' ? (
            <>
              <p className="nhsuk-body-s nhsuk-u-margin-bottom-2">
                Remove {member.name} from this footprint? They will lose access to its plans.
              </p>
              <ul className="app-inline-actions">
                <li>
                  <button
                    type="button"
                    className="nhsuk-button nhsuk-button--warning nhsuk-button--small"
                    disabled={busy}
                    onClick={() => void remove()}
                    autoFocus
                  >
                    Yes, remove<span className="nhsuk-u-visually-hidden"> {member.name}</span>
                  </button>
                </li>
                <li>
                  <button
                    type="button"
                    className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
                    onClick={() => setMode('view')}
                  >
                    No, keep them
                  </button>
                </li>
              </ul>
            </>
          ) : null}
        </td>
      ) : null}
    </tr>
  );
}
