import { useLocation } from 'react-router';

/** A message the previous page left for this one ("You deleted the section ..."), if any. */
export function useLocationNotice(): string | null {
  const { state } = useLocation() as { state: unknown };
  if (typeof state === 'object' && state !== null && 'notice' in state) {
    const notice = (state as { notice: unknown }).notice;
    if (typeof notice === 'string') return notice;
  }
  return null;
}
