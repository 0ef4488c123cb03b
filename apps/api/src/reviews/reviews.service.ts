import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  sectionReviewerRoles,
  type ApprovalChangesView,
  type ApprovalOutcome,
  type NotificationKind,
  type ReviewDecision,
  type ReviewEventView,
  type ReviewStatus,
  type SectionReviewView,
} from '@commonplan/domain';
import { sectionBlockTexts } from '@commonplan/editor';
import { ServerEvent, type SectionChangedMessage } from '@commonplan/protocol';
import { DataSource, In } from 'typeorm';
import * as Y from 'yjs';
import { AuditService } from '../audit/audit.service.js';
import { Membership } from '../auth/membership.entity.js';
import { User } from '../auth/user.entity.js';
import { RealtimeRooms } from '../collab/realtime-rooms.service.js';
import { SectionTextReader } from '../collab/section-text-reader.service.js';
import type { RequestContext } from '../common/request-context.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { SectionAssignee } from '../sections/section-assignee.entity.js';
import { Section } from '../sections/section.entity.js';
import type { SectionAccess } from '../sections/sections.service.js';
import { approvalChanges, sameText } from './approval-changes.js';
import { cleanNote, reviewEventKind, transitionRefusal } from './review-rules.js';
import { reviewError, ReviewErrorCode } from './reviews.errors.js';
import { SectionReviewEvent } from './section-review-event.entity.js';

interface Move {
  to: ReviewStatus;
  note: string | null;
  reviewerIds?: string[];
  /** A lead confirming an approval: approved stays approved, with the text now as approved. */
  confirming?: boolean;
  /** Reviewers to add to the section's assignees in the same transaction. */
  assignReviewers?: string[];
}

const approvalKinds = ['approved', 'approval_confirmed'] as const;

/**
 * Reviews of sections: asking for review, approving or asking for changes, a lead's decision on an
 * approval the text has since moved away from, and the history of each step. Every step is
 * recorded with who, when and the note, audited, pushed live to the section's room and notified.
 */
@Injectable()
export class ReviewsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly text: SectionTextReader,
    private readonly rooms: RealtimeRooms,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
  ) {}

  async view(access: SectionAccess): Promise<SectionReviewView> {
    const section = await this.dataSource.getRepository(Section).findOneOrFail({
      where: { id: access.section.id },
      relations: { assignees: { user: true } },
    });
    const events = await this.dataSource.getRepository(SectionReviewEvent).find({
      where: { sectionId: section.id },
      relations: { actor: true },
      order: { id: 'DESC' },
    });
    const reviewerIds = [...new Set(events.flatMap((event) => event.reviewerIds))];
    const reviewers = reviewerIds.length
      ? await this.dataSource
          .getRepository(User)
          .find({ select: { id: true, name: true }, where: { id: In(reviewerIds) } })
      : [];
    const names = new Map(reviewers.map((user) => [user.id, user.name]));
    const approval =
      section.reviewStatus === 'approved'
        ? events.find((event) => (approvalKinds as readonly string[]).includes(event.kind))
        : undefined;
    return {
      sectionId: section.id,
      status: section.reviewStatus,
      reviewers: section.assignees
        .filter((assignee) => assignee.kind === 'reviewer')
        .map((assignee) => ({
          userId: assignee.userId,
          name: assignee.user.name,
          email: assignee.user.email,
        }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      editedSinceApproval: approval ? await this.editedSince(approval) : false,
      approval: approval
        ? {
            at: approval.createdAt.toISOString(),
            by: approval.actor ? { id: approval.actor.id, name: approval.actor.name } : null,
          }
        : null,
      events: events.map((event): ReviewEventView => ({
        id: event.id,
        kind: event.kind,
        from: event.fromStatus,
        to: event.toStatus,
        actor: event.actor ? { id: event.actor.id, name: event.actor.name } : null,
        note: event.note,
        reviewers: event.reviewerIds.map((id) => ({ id, name: names.get(id) ?? 'Former member' })),
        at: event.createdAt.toISOString(),
      })),
    };
  }

  /** What changed in the text since the approval in force. */
  async changes(access: SectionAccess): Promise<ApprovalChangesView> {
    const approval = await this.currentApproval(access.section.id);
    const now = await this.currentBlocks(access.section.id);
    const changes = approvalChanges(blocksOf(approval.approvedState), now);
    return {
      sectionId: access.section.id,
      approvedAt: approval.createdAt.toISOString(),
      approvedBy: approval.actor ? { id: approval.actor.id, name: approval.actor.name } : null,
      editedSinceApproval: changes.edited,
      wordsAdded: changes.wordsAdded,
      wordsRemoved: changes.wordsRemoved,
      blocks: changes.blocks,
    };
  }

  async request(
    access: SectionAccess,
    input: { reviewerIds: string[]; note?: string },
    context: RequestContext,
  ): Promise<SectionReviewView> {
    await this.assertReviewers(access.footprint.id, input.reviewerIds);
    await this.move(
      access,
      {
        to: 'in_review',
        note: cleanNote(input.note),
        reviewerIds: input.reviewerIds,
        assignReviewers: input.reviewerIds,
      },
      context,
    );
    const actor = context.auth!.user;
    await this.tell(
      access,
      actor.id,
      'review_requested',
      input.reviewerIds,
      `${actor.name} asked you to review “${access.section.title}”`,
    );
    return this.view(access);
  }

  async decide(
    access: SectionAccess,
    input: { decision: ReviewDecision; note?: string },
    context: RequestContext,
  ): Promise<SectionReviewView> {
    this.assertMayDecide(access, context);
    const note = cleanNote(input.note);
    if (input.decision === 'request_changes' && !note)
      throw reviewError(ReviewErrorCode.NoteRequired, { field: 'note' });
    const to: ReviewStatus = input.decision === 'approve' ? 'approved' : 'changes_requested';
    await this.move(access, { to, note }, context);
    const actor = context.auth!.user;
    const title = access.section.title;
    await this.tell(
      access,
      actor.id,
      to === 'approved' ? 'section_approved' : 'changes_requested',
      await this.sectionPeople(access.section.id),
      to === 'approved'
        ? `${actor.name} approved “${title}”`
        : `${actor.name} asked for changes to “${title}”: ${note}`,
    );
    return this.view(access);
  }

  /** A lead decides whether an approval still stands after the text changed. */
  async reconsider(
    access: SectionAccess,
    input: { outcome: ApprovalOutcome; note?: string },
    context: RequestContext,
  ): Promise<SectionReviewView> {
    const note = cleanNote(input.note);
    if (input.outcome === 'withdrawn' && !note)
      throw reviewError(ReviewErrorCode.NoteRequired, {
        field: 'note',
        message: 'Write a note saying why the approval is withdrawn.',
      });
    if (input.outcome === 'stands') {
      await this.move(access, { to: 'approved', note, confirming: true }, context);
      return this.view(access);
    }
    await this.move(access, { to: 'in_review', note }, context);
    const actor = context.auth!.user;
    await this.tell(
      access,
      actor.id,
      'changes_requested',
      await this.sectionPeople(access.section.id),
      `${actor.name} withdrew the approval of “${access.section.title}”: ${note}`,
    );
    return this.view(access);
  }

  private assertMayDecide(access: SectionAccess, context: RequestContext): void {
    if (access.actor.role === 'lead') return;
    const userId = context.auth!.user.id;
    const assigned = access.section.assignees.some(
      (assignee) => assignee.kind === 'reviewer' && assignee.userId === userId,
    );
    if (!assigned) throw reviewError(ReviewErrorCode.NotAssignedReviewer);
  }

  private async assertReviewers(footprintId: string, userIds: string[]): Promise<void> {
    const memberships = await this.dataSource
      .getRepository(Membership)
      .find({ where: { footprintId, userId: In(userIds) } });
    if (memberships.length !== userIds.length)
      throw reviewError(ReviewErrorCode.ReviewerNotMember, { field: 'reviewerIds' });
    if (memberships.some((m) => !sectionReviewerRoles.includes(m.role)))
      throw reviewError(ReviewErrorCode.ReviewerWrongRole, { field: 'reviewerIds' });
  }

  /** Moves the section's status under a row lock, records the step and audits it, all or nothing. */
  private async move(access: SectionAccess, move: Move, context: RequestContext): Promise<void> {
    const sectionId = access.section.id;
    const actorId = context.auth!.user.id;
    const needsState = move.to === 'approved';
    // Read the text before taking the lock: it comes from the update log, not the section row.
    const state = needsState ? Buffer.from(await this.text.currentState(sectionId)) : null;
    await this.dataSource.transaction(async (manager) => {
      const locked = await manager.findOneOrFail(Section, {
        where: { id: sectionId },
        lock: { mode: 'pessimistic_write' },
      });
      const from = locked.reviewStatus;
      if (move.confirming) {
        if (from !== 'approved') throw reviewError(ReviewErrorCode.NotApproved);
      } else {
        const refusal = transitionRefusal(from, move.to);
        if (refusal) throw reviewError(ReviewErrorCode.TransitionNotAllowed, { message: refusal });
      }
      const kind = move.confirming
        ? reviewEventKind(move.to, true)
        : from === 'approved' && move.to === 'in_review' && !move.reviewerIds
          ? 'approval_withdrawn'
          : reviewEventKind(move.to);
      if (from !== move.to)
        await manager.update(Section, { id: sectionId }, { reviewStatus: move.to });
      if (move.assignReviewers?.length)
        await manager
          .createQueryBuilder()
          .insert()
          .into(SectionAssignee)
          .values(
            move.assignReviewers.map((userId) => ({
              sectionId,
              userId,
              kind: 'reviewer' as const,
            })),
          )
          .orIgnore()
          .execute();
      await manager.insert(SectionReviewEvent, {
        sectionId,
        kind,
        fromStatus: from,
        toStatus: move.to,
        actorId,
        note: move.note,
        reviewerIds: move.reviewerIds ?? [],
        approvedState: state,
      });
      await this.audit.record(
        {
          action: `section.${kind}`,
          entityType: 'section',
          entityId: sectionId,
          footprintId: access.footprint.id,
          details: {
            planId: access.section.planId,
            title: access.section.title,
            from,
            to: move.to,
            ...(move.note ? { note: move.note } : {}),
            ...(move.reviewerIds ? { reviewerIds: move.reviewerIds } : {}),
          },
        },
        context,
        manager,
      );
    });
    const message: SectionChangedMessage = {
      sectionId,
      reason: 'review',
      reviewStatus: move.to,
      actorId,
    };
    this.rooms.toSection(sectionId, ServerEvent.SectionChanged, message);
  }

  private async tell(
    access: SectionAccess,
    actorId: string,
    kind: NotificationKind,
    recipientIds: string[],
    text: string,
  ): Promise<void> {
    await this.notifications.notify({
      kind,
      recipientIds,
      actorId,
      footprintId: access.footprint.id,
      planId: access.section.planId,
      sectionId: access.section.id,
      text,
      link: `/sections/${access.section.id}`,
    });
  }

  /** The people whose section it is: its assigned authors and whoever last asked for its review. */
  private async sectionPeople(sectionId: string): Promise<string[]> {
    const manager = this.dataSource.manager;
    const authors = await manager.find(SectionAssignee, {
      select: { userId: true },
      where: { sectionId, kind: 'author' },
    });
    const lastRequest = await manager.findOne(SectionReviewEvent, {
      select: { actorId: true },
      where: { sectionId, kind: 'review_requested' },
      order: { id: 'DESC' },
    });
    return [
      ...authors.map((a) => a.userId),
      ...(lastRequest?.actorId ? [lastRequest.actorId] : []),
    ];
  }

  private async currentApproval(sectionId: string): Promise<SectionReviewEvent> {
    const section = await this.dataSource
      .getRepository(Section)
      .findOneOrFail({ select: { id: true, reviewStatus: true }, where: { id: sectionId } });
    const approval =
      section.reviewStatus === 'approved'
        ? await this.dataSource.getRepository(SectionReviewEvent).findOne({
            where: { sectionId, kind: In([...approvalKinds]) },
            relations: { actor: true },
            order: { id: 'DESC' },
          })
        : null;
    if (!approval?.approvedState) throw reviewError(ReviewErrorCode.NotApproved);
    return approval;
  }

  private async currentBlocks(sectionId: string): Promise<string[]> {
    const doc = await this.text.currentDoc(sectionId);
    try {
      return sectionBlockTexts(doc);
    } finally {
      doc.destroy();
    }
  }

  private async editedSince(approval: SectionReviewEvent): Promise<boolean> {
    if (!approval.approvedState) return false;
    return !sameText(
      blocksOf(approval.approvedState),
      await this.currentBlocks(approval.sectionId),
    );
  }
}

function blocksOf(state: Buffer | null): string[] {
  const doc = new Y.Doc();
  try {
    if (state) Y.applyUpdate(doc, state);
    return sectionBlockTexts(doc);
  } finally {
    doc.destroy();
  }
}
