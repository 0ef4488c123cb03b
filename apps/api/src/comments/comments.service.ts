import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import {
  commentBodyMaxLength,
  type CommentThreadView,
  type CommentView,
  type FootprintAction,
  type PersonRef,
} from '@commonplan/domain';
import { anchorReader, isWellFormedAnchor, type AnchorState } from '@commonplan/editor';
import { ServerEvent } from '@commonplan/protocol';
import type { Logger } from 'pino';
import { DataSource, In, Repository, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthContext } from '../auth/auth-context.js';
import { Membership } from '../auth/membership.entity.js';
import { User } from '../auth/user.entity.js';
import { SectionDocuments } from '../collab/section-documents.service.js';
import { RealtimeRooms } from '../collab/realtime-rooms.service.js';
import { commonError, CommonErrorCode } from '../common/common.errors.js';
import { LOGGER } from '../common/logger.js';
import type { RequestContext } from '../common/request-context.js';
import { FootprintAccessService } from '../footprints/footprint-access.service.js';
import type { SectionAccess } from '../sections/sections.service.js';
import { CommentThread } from './comment-thread.entity.js';
import { Comment } from './comment.entity.js';
import { commentRecipients, newlyMentioned, type CommentRecipient } from './comment-recipients.js';
import { commentError, CommentErrorCode } from './comments.errors.js';
import type { CommentBodyDto, CreateCommentThreadDto } from './dto/comment.dto.js';

/** The most of the selected text kept as the thread's quote. */
const quoteMaxLength = 1000;

/** A comment that was written or edited, with who should hear about it. */
export interface CommentPosted {
  kind: 'thread_started' | 'reply' | 'edit';
  footprintId: string;
  planId: string;
  sectionId: string;
  threadId: string;
  commentId: string;
  actorId: string;
  recipients: CommentRecipient[];
}

export type CommentPostedListener = (posted: CommentPosted) => void | Promise<void>;

interface ThreadAccess {
  thread: CommentThread;
  footprintId: string;
  auth: AuthContext;
}

/**
 * Comment threads on section text: starting them on a range, replying, editing one's own words,
 * resolving and reopening. Reads each thread's range from the section's Yjs document as it is now,
 * tells everyone in the section (`thread:changed`) after every change, and says who should be
 * notified (`onPosted`, `commentRecipients`).
 */
@Injectable()
export class CommentsService {
  private readonly postedListeners: CommentPostedListener[] = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(CommentThread) private readonly threads: Repository<CommentThread>,
    @InjectRepository(Comment) private readonly comments: Repository<Comment>,
    @InjectRepository(Membership) private readonly memberships: Repository<Membership>,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly access: FootprintAccessService,
    private readonly documents: SectionDocuments,
    private readonly rooms: RealtimeRooms,
    private readonly audit: AuditService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * Registers a listener told after each comment is committed, with its recipients: those it
   * mentions (`mentioned`) and, for a reply, the thread's earlier participants (`thread_reply`),
   * never the actor. The comment is already saved: a listener that fails is logged, and neither
   * the request nor the other listeners fail with it.
   */
  onPosted(listener: CommentPostedListener): void {
    this.postedListeners.push(listener);
  }

  /** Open threads per section of a plan; sections without any are absent. */
  async openThreadCountsBySection(planId: string): Promise<Record<string, number>> {
    const rows = await this.threads
      .createQueryBuilder('thread')
      .select('thread.section_id', 'section_id')
      .addSelect('count(*)::int', 'open')
      .where('thread.plan_id = :planId', { planId })
      .andWhere("thread.status = 'open'")
      .groupBy('thread.section_id')
      .getRawMany<{ section_id: string; open: number }>();
    return Object.fromEntries(rows.map((row) => [row.section_id, row.open]));
  }

  /** Every thread of the section, in the order of the text; detached ones last, oldest first. */
  async list(sectionAccess: SectionAccess): Promise<CommentThreadView[]> {
    const threads = await this.threads.find({
      where: { sectionId: sectionAccess.section.id },
      relations: { createdBy: true, resolvedBy: true, comments: { author: true } },
      order: { createdAt: 'ASC', comments: { createdAt: 'ASC' } },
    });
    return this.views(sectionAccess.section.id, threads);
  }

  async create(
    sectionAccess: SectionAccess,
    input: CreateCommentThreadDto,
    context: RequestContext & { auth: AuthContext },
  ): Promise<CommentThreadView> {
    const { section, footprint } = sectionAccess;
    const body = this.checkedBody(input.body);
    const mentionIds = await this.checkedMentions(footprint.id, input.mentionIds);
    if (!isWellFormedAnchor(input.anchor))
      throw commentError(CommentErrorCode.AnchorMalformed, { field: 'anchor' });
    const anchor = { start: input.anchor.start, end: input.anchor.end };
    const state = await this.documents.read(section.id, (doc) => anchorReader(doc)(anchor));
    if (state.detached) throw commentError(CommentErrorCode.AnchorNotInText, { field: 'anchor' });
    const actorId = context.auth.user.id;
    const { threadId, commentId } = await this.dataSource.transaction(async (manager) => {
      const thread = await manager.save(
        manager.create(CommentThread, {
          sectionId: section.id,
          planId: section.planId,
          anchorStart: anchor.start,
          anchorEnd: anchor.end,
          quotedText: quote(state.text),
          status: 'open',
          createdById: actorId,
        }),
      );
      const comment = await this.insertComment(manager, thread.id, actorId, body, mentionIds);
      await this.audit.record(
        {
          action: 'comment_thread.created',
          entityType: 'comment_thread',
          entityId: thread.id,
          footprintId: footprint.id,
          details: { planId: section.planId, sectionId: section.id, commentId: comment.id },
        },
        context,
        manager,
      );
      return { threadId: thread.id, commentId: comment.id };
    });
    const view = await this.changed(threadId);
    await this.tellPosted({
      kind: 'thread_started',
      footprintId: footprint.id,
      planId: section.planId,
      sectionId: section.id,
      threadId,
      commentId,
      actorId,
      recipients: commentRecipients({ actorId, mentionedIds: mentionIds, participantIds: [] }),
    });
    return view;
  }

  async reply(
    auth: AuthContext,
    threadId: string,
    input: CommentBodyDto,
    context: RequestContext,
  ): Promise<CommentThreadView> {
    const { thread, footprintId } = await this.loadThread(auth, threadId, 'section.comment');
    const body = this.checkedBody(input.body);
    const mentionIds = await this.checkedMentions(footprintId, input.mentionIds);
    const actorId = auth.user.id;
    const { commentId, participantIds } = await this.dataSource.transaction(async (manager) => {
      const earlier = await manager.find(Comment, {
        where: { threadId: thread.id },
        select: { authorId: true },
        order: { createdAt: 'ASC' },
      });
      const comment = await this.insertComment(manager, thread.id, actorId, body, mentionIds);
      await manager.update(CommentThread, { id: thread.id }, { updatedAt: () => 'now()' });
      await this.audit.record(
        {
          action: 'comment_thread.replied',
          entityType: 'comment_thread',
          entityId: thread.id,
          footprintId,
          details: { planId: thread.planId, sectionId: thread.sectionId, commentId: comment.id },
        },
        context,
        manager,
      );
      return {
        commentId: comment.id,
        participantIds: [thread.createdById, ...earlier.map((c) => c.authorId)].filter(
          (id): id is string => id !== null,
        ),
      };
    });
    const view = await this.changed(thread.id);
    await this.tellPosted({
      kind: 'reply',
      footprintId,
      planId: thread.planId,
      sectionId: thread.sectionId,
      threadId: thread.id,
      commentId,
      actorId,
      recipients: commentRecipients({ actorId, mentionedIds: mentionIds, participantIds }),
    });
    return view;
  }

  /** Only the comment's author may change it; the people it newly mentions are told. */
  async edit(
    auth: AuthContext,
    commentId: string,
    input: CommentBodyDto,
  ): Promise<CommentThreadView> {
    const comment = await this.comments.findOne({ where: { id: commentId } });
    if (!comment) throw commentError(CommentErrorCode.CommentNotFound);
    const { thread, footprintId } = await this.loadThread(
      auth,
      comment.threadId,
      'section.comment',
      commentError(CommentErrorCode.CommentNotFound),
    );
    if (comment.authorId !== auth.user.id) throw commentError(CommentErrorCode.NotCommentAuthor);
    const body = this.checkedBody(input.body);
    const mentionIds = await this.checkedMentions(footprintId, input.mentionIds);
    await this.comments.update(
      { id: comment.id },
      { body, mentionedUserIds: mentionIds, editedAt: () => 'now()' },
    );
    await this.threads.update({ id: thread.id }, { updatedAt: () => 'now()' });
    const view = await this.changed(thread.id);
    await this.tellPosted({
      kind: 'edit',
      footprintId,
      planId: thread.planId,
      sectionId: thread.sectionId,
      threadId: thread.id,
      commentId: comment.id,
      actorId: auth.user.id,
      recipients: commentRecipients({
        actorId: auth.user.id,
        mentionedIds: newlyMentioned(comment.mentionedUserIds, mentionIds),
        participantIds: [],
      }),
    });
    return view;
  }

  resolve(auth: AuthContext, threadId: string, context: RequestContext) {
    return this.setStatus(auth, threadId, 'resolved', context);
  }

  reopen(auth: AuthContext, threadId: string, context: RequestContext) {
    return this.setStatus(auth, threadId, 'open', context);
  }

  private async setStatus(
    auth: AuthContext,
    threadId: string,
    status: 'open' | 'resolved',
    context: RequestContext,
  ): Promise<CommentThreadView> {
    const { thread, footprintId } = await this.loadThread(auth, threadId, 'comment.resolve');
    await this.dataSource.transaction(async (manager) => {
      // Only the first of two people resolving at once succeeds; the other is told.
      const result = await manager
        .createQueryBuilder()
        .update(CommentThread)
        .set(
          status === 'resolved'
            ? { status, resolvedById: auth.user.id, resolvedAt: () => 'now()' }
            : { status, resolvedById: null, resolvedAt: null },
        )
        .where('id = :id AND status <> :status', { id: thread.id, status })
        .execute();
      if (result.affected === 0)
        throw commentError(
          status === 'resolved' ? CommentErrorCode.AlreadyResolved : CommentErrorCode.NotResolved,
        );
      await this.audit.record(
        {
          action: status === 'resolved' ? 'comment_thread.resolved' : 'comment_thread.reopened',
          entityType: 'comment_thread',
          entityId: thread.id,
          footprintId,
          details: { planId: thread.planId, sectionId: thread.sectionId },
        },
        context,
        manager,
      );
    });
    return this.changed(thread.id);
  }

  /** Loads a thread and checks the action on its footprint: 404 for outsiders, 403 for the role. */
  private async loadThread(
    auth: AuthContext,
    threadId: string,
    action: FootprintAction,
    notFound = commentError(CommentErrorCode.ThreadNotFound),
  ): Promise<ThreadAccess> {
    const thread = await this.threads.findOne({
      where: { id: threadId },
      relations: { section: { plan: { footprint: true } } },
    });
    if (!thread) throw notFound;
    const { footprint } = await this.access.check(
      auth,
      thread.section.plan.footprint,
      action,
      notFound,
    );
    return { thread, footprintId: footprint.id, auth };
  }

  private checkedBody(raw: string): string {
    // PostgreSQL text cannot hold a NUL character; refuse it rather than fail on insert.
    if (raw.includes('\u0000'))
      throw commonError(CommonErrorCode.ValidationFailed, {
        message: 'body must not contain null characters',
        field: 'body',
      });
    const body = raw.trim();
    if (body.length > commentBodyMaxLength)
      throw commentError(CommentErrorCode.BodyTooLong, { field: 'body' });
    return body;
  }

  /** Mentions must name members of the footprint; anything else is refused, not dropped. */
  private async checkedMentions(footprintId: string, mentionIds: string[] = []): Promise<string[]> {
    if (mentionIds.length === 0) return [];
    const members = await this.memberships.count({
      where: { footprintId, userId: In(mentionIds) },
    });
    if (members !== mentionIds.length)
      throw commentError(CommentErrorCode.MentionNotMember, { field: 'mentionIds' });
    return mentionIds;
  }

  private insertComment(
    manager: EntityManager,
    threadId: string,
    authorId: string,
    body: string,
    mentionedUserIds: string[],
  ): Promise<Comment> {
    return manager.save(manager.create(Comment, { threadId, authorId, body, mentionedUserIds }));
  }

  /** Reads the thread as it is now and tells everyone in its section. */
  private async changed(threadId: string): Promise<CommentThreadView> {
    const thread = await this.threads.findOneOrFail({
      where: { id: threadId },
      relations: { createdBy: true, resolvedBy: true, comments: { author: true } },
      order: { comments: { createdAt: 'ASC' } },
    });
    const [view] = await this.views(thread.sectionId, [thread]);
    this.rooms.toSection(thread.sectionId, ServerEvent.ThreadChanged, {
      sectionId: thread.sectionId,
      thread: view!,
    });
    return view!;
  }

  private async tellPosted(posted: CommentPosted): Promise<void> {
    for (const listener of this.postedListeners) {
      try {
        await listener(posted);
      } catch (error) {
        this.logger.error(
          { event: 'comment_posted_listener_failed', commentId: posted.commentId, err: error },
          'a listener for new comments failed',
        );
      }
    }
  }

  private async views(sectionId: string, threads: CommentThread[]): Promise<CommentThreadView[]> {
    if (threads.length === 0) return [];
    const states = await this.documents.read(sectionId, (doc) => {
      const read = anchorReader(doc);
      return threads.map((thread) => read({ start: thread.anchorStart, end: thread.anchorEnd }));
    });
    const names = await this.mentionNames(threads);
    const viewed = threads.map((thread, index) => ({
      view: toThreadView(thread, states[index]!, names),
      from: states[index]!.detached ? Number.POSITIVE_INFINITY : states[index]!.from,
    }));
    viewed.sort((a, b) => a.from - b.from);
    return viewed.map(({ view }) => view);
  }

  private async mentionNames(threads: CommentThread[]): Promise<Map<string, string>> {
    const ids = [
      ...new Set(threads.flatMap((t) => (t.comments ?? []).flatMap((c) => c.mentionedUserIds))),
    ];
    if (ids.length === 0) return new Map();
    const users = await this.users.find({
      where: { id: In(ids) },
      select: { id: true, name: true },
    });
    return new Map(users.map((user) => [user.id, user.name]));
  }
}

function quote(text: string): string {
  return text.length <= quoteMaxLength ? text : `${text.slice(0, quoteMaxLength - 1)}…`;
}

function person(user: User | null): PersonRef | null {
  return user ? { id: user.id, name: user.name } : null;
}

function toCommentView(comment: Comment, names: Map<string, string>): CommentView {
  return {
    id: comment.id,
    threadId: comment.threadId,
    author: person(comment.author),
    body: comment.body,
    mentions: comment.mentionedUserIds
      .filter((id) => names.has(id))
      .map((id) => ({ id, name: names.get(id)! })),
    createdAt: comment.createdAt.toISOString(),
    editedAt: comment.editedAt ? comment.editedAt.toISOString() : null,
  };
}

function toThreadView(
  thread: CommentThread,
  state: AnchorState,
  names: Map<string, string>,
): CommentThreadView {
  return {
    id: thread.id,
    sectionId: thread.sectionId,
    anchor: { start: thread.anchorStart, end: thread.anchorEnd },
    quotedText: thread.quotedText,
    currentText: state.detached ? null : state.text,
    detached: state.detached,
    status: thread.status,
    resolvedBy: person(thread.resolvedBy),
    resolvedAt: thread.resolvedAt ? thread.resolvedAt.toISOString() : null,
    createdBy: person(thread.createdBy),
    createdAt: thread.createdAt.toISOString(),
    updatedAt: thread.updatedAt.toISOString(),
    comments: (thread.comments ?? []).map((comment) => toCommentView(comment, names)),
  };
}
