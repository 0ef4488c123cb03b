import type { ProviderStatus } from '@commonplan/collab-client';

export interface SectionStatusInput {
  status: ProviderStatus;
  canEdit: boolean;
  unacknowledged: number;
  hasText: boolean;
}

/** The one line that tells a person whether their work is safe, in the words they would use. */
export function describeSectionStatus({
  status,
  canEdit,
  unacknowledged,
  hasText,
}: SectionStatusInput): string {
  switch (status) {
    case 'connecting':
      return 'Connecting…';
    case 'refused':
      return 'Not connected';
    case 'offline':
      if (!hasText) return 'Cannot reach Commonplan just now. Trying again…';
      return canEdit
        ? 'Editing offline — your changes are kept on this device'
        : 'Offline — the text will update when the connection returns';
    case 'syncing':
      return unacknowledged > 0 ? 'Saving…' : 'Connecting…';
    case 'synced':
      if (!canEdit) return 'Showing the latest text';
      return unacknowledged > 0 ? 'Saving…' : 'All changes saved';
  }
}
