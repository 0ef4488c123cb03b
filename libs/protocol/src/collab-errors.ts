/** Every reason the real-time channel refuses something, with a message a person can act on. */
export const collabErrorCodes = [
  'not_authenticated',
  'session_expired',
  'foreign_origin',
  'too_many_connections',
  'invalid_payload',
  'section_not_found',
  'plan_not_found',
  'forbidden',
  'not_joined',
  'read_only',
  'update_empty',
  'update_too_large',
  'update_malformed',
  'update_out_of_order',
  'document_too_large',
  'document_too_deep',
  'awareness_malformed',
  'awareness_not_own_client',
  'awareness_too_many_clients',
  'rate_limited',
  'too_many_sections',
  'unknown_event',
  'persistence_unavailable',
  'internal_error',
] as const;
export type CollabErrorCode = (typeof collabErrorCodes)[number];

export const collabErrorMessages: Record<CollabErrorCode, string> = {
  not_authenticated: 'Sign in to edit plans together.',
  session_expired:
    'Your session has ended. Sign in again to carry on; your unsaved changes are kept in this tab.',
  foreign_origin: 'This connection came from another website, so it was refused.',
  too_many_connections: 'You have too many Commonplan tabs open. Close some and try again.',
  invalid_payload: 'The message was not in the expected form.',
  section_not_found: 'There is no such section, or you do not have access to it.',
  plan_not_found: 'There is no such plan, or you do not have access to it.',
  forbidden: 'Your role does not allow this.',
  not_joined: 'Open the section before sending changes to it.',
  read_only: 'Your role lets you read this section but not change it.',
  update_empty: 'An empty change was sent.',
  update_too_large: 'That change is too large to send at once. Paste less at a time.',
  update_malformed: 'A change could not be read and was not applied. Reload the page to carry on.',
  update_out_of_order:
    'A change arrived before an earlier one of yours that it follows; it is sent again after that one.',
  document_too_large: 'This section has reached its size limit. Move some text to another section.',
  document_too_deep:
    'Lists or quotes are nested too deeply here to be saved. Take out some levels of indenting and try again.',
  awareness_malformed: 'Presence information could not be read.',
  awareness_not_own_client: 'Presence can only be set for your own cursor.',
  awareness_too_many_clients: 'Too many cursors from one connection.',
  rate_limited: 'Changes are arriving faster than allowed; slow down for a moment.',
  too_many_sections: 'Too many sections are open in this connection.',
  unknown_event: 'Unknown message.',
  persistence_unavailable:
    'Your changes cannot be saved just now; they are kept here and will be saved when the connection to the database returns.',
  internal_error: 'Something went wrong on our side. Reload the page; your saved changes are safe.',
};

export interface CollabError {
  code: CollabErrorCode;
  message: string;
  sectionId?: string;
}

export function collabError(code: CollabErrorCode, sectionId?: string): CollabError {
  return { code, message: collabErrorMessages[code], ...(sectionId ? { sectionId } : {}) };
}
