import type {
  CommentBodyRequest,
  CommentThreadView,
  CreateCommentThreadRequest,
} from '@commonplan/domain';
import { apiClient } from '../shared/api/api-client';

export function listThreads(sectionId: string, signal?: AbortSignal) {
  return apiClient.get<CommentThreadView[]>(`/api/sections/${sectionId}/threads`, signal);
}

export function startThread(sectionId: string, request: CreateCommentThreadRequest) {
  return apiClient.post<CommentThreadView>(`/api/sections/${sectionId}/threads`, request);
}

export function replyToThread(threadId: string, request: CommentBodyRequest) {
  return apiClient.post<CommentThreadView>(`/api/threads/${threadId}/comments`, request);
}

export function editComment(commentId: string, request: CommentBodyRequest) {
  return apiClient.patch<CommentThreadView>(`/api/comments/${commentId}`, request);
}

export function resolveThread(threadId: string) {
  return apiClient.post<CommentThreadView>(`/api/threads/${threadId}/resolve`);
}

export function reopenThread(threadId: string) {
  return apiClient.post<CommentThreadView>(`/api/threads/${threadId}/reopen`);
}
