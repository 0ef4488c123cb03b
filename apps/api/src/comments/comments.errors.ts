import { commentBodyMaxLength } from '@commonplan/domain';
import { errorFactory, type ErrorDefinition } from '../common/app-error.js';

export enum CommentErrorCode {
  ThreadNotFound = 'thread_not_found',
  CommentNotFound = 'comment_not_found',
  NotCommentAuthor = 'not_comment_author',
  BodyTooLong = 'comment_too_long',
  AnchorMalformed = 'anchor_malformed',
  AnchorNotInText = 'anchor_not_in_text',
  MentionNotMember = 'mention_not_member',
  AlreadyResolved = 'thread_already_resolved',
  NotResolved = 'thread_not_resolved',
}

const commentErrors: Record<CommentErrorCode, ErrorDefinition> = {
  [CommentErrorCode.ThreadNotFound]: {
    status: 404,
    message: 'There is no such comment thread, or you do not have access to it.',
  },
  [CommentErrorCode.CommentNotFound]: {
    status: 404,
    message: 'There is no such comment, or you do not have access to it.',
  },
  [CommentErrorCode.NotCommentAuthor]: {
    status: 403,
    message: 'Only the person who wrote a comment can edit it.',
  },
  [CommentErrorCode.BodyTooLong]: {
    status: 400,
    message: `A comment can be at most ${commentBodyMaxLength.toLocaleString('en-GB')} characters. Shorten it, or split it into replies.`,
  },
  [CommentErrorCode.AnchorMalformed]: {
    status: 400,
    message:
      'The selected text could not be read. Select the text again and choose Comment; reload the page if it keeps happening.',
  },
  [CommentErrorCode.AnchorNotInText]: {
    status: 400,
    message:
      'The selected text is not in the section as saved: it may have been deleted, or not saved yet. Wait for your changes to save, select the text again and try again.',
  },
  [CommentErrorCode.MentionNotMember]: {
    status: 400,
    message:
      'You can only mention members of this footprint. Remove the other names and try again.',
  },
  [CommentErrorCode.AlreadyResolved]: {
    status: 409,
    message: 'Someone has already resolved this thread.',
  },
  [CommentErrorCode.NotResolved]: {
    status: 409,
    message: 'This thread is already open.',
  },
};

export const commentError = errorFactory(commentErrors);
