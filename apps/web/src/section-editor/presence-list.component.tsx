import { userInitials } from '@commonplan/collab-client';
import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';

interface Person {
  key: string;
  name: string;
  color: string;
  isYou: boolean;
}

/** Everyone whose presence the awareness holds, one entry per person however many tabs they use. */
function peopleIn(awareness: Awareness): Person[] {
  const people = new Map<string, Person>();
  for (const [clientId, state] of awareness.getStates()) {
    const user = (state as { user?: { name?: unknown; color?: unknown; id?: unknown } }).user;
    if (!user || typeof user.name !== 'string') continue;
    const key = typeof user.id === 'string' ? user.id : `client-${clientId}`;
    const isYou = clientId === awareness.clientID;
    const known = people.get(key);
    people.set(key, {
      key,
      name: user.name,
      color: typeof user.color === 'string' ? user.color : '#425563',
      isYou: isYou || (known?.isYou ?? false),
    });
  }
  return [...people.values()].sort(
    (a, b) => Number(b.isYou) - Number(a.isYou) || a.name.localeCompare(b.name),
  );
}

/** Who has the section open right now, with their initials in the colour of their caret. */
export function PresenceList({ awareness }: { awareness: Awareness }) {
  const [people, setPeople] = useState<Person[]>(() => peopleIn(awareness));
  useEffect(() => {
    const refresh = () => setPeople(peopleIn(awareness));
    refresh();
    awareness.on('change', refresh);
    return () => awareness.off('change', refresh);
  }, [awareness]);

  return (
    <div className="app-presence">
      <h3 className="nhsuk-heading-xs nhsuk-u-margin-bottom-2" id="presence-heading">
        In this section now
      </h3>
      <ul className="app-presence__list" aria-labelledby="presence-heading">
        {people.map((person) => (
          <li className="app-presence__person" key={person.key}>
            <span
              className="app-presence__avatar"
              style={{ backgroundColor: person.color }}
              aria-hidden="true"
            >
              {userInitials(person.name)}
            </span>
            <span className="app-presence__name">
              {person.name}
              {person.isYou ? ' (you)' : ''}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
