import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  can,
  canSeeFootprint,
  footprintActions,
  type Actor,
  type FootprintAction,
} from '@commonplan/domain';
import { Repository } from 'typeorm';
import type { AuthContext } from '../auth/auth-context.js';
import { Membership } from '../auth/membership.entity.js';
import { commonError, CommonErrorCode } from '../common/common.errors.js';
import { Footprint } from './footprint.entity.js';
import { footprintError, FootprintErrorCode } from './footprints.errors.js';

export interface FootprintAccess {
  footprint: Footprint;
  actor: Actor;
}

/**
 * The one place that decides who may do what in a footprint, using the shared rules from
 * `@commonplan/domain`. Someone who may not even see a footprint gets 404, so its existence does
 * not leak; a member whose role does not allow an action gets 403.
 */
@Injectable()
export class FootprintAccessService {
  constructor(
    @InjectRepository(Footprint) private readonly footprints: Repository<Footprint>,
    @InjectRepository(Membership) private readonly memberships: Repository<Membership>,
  ) {}

  async actorFor(auth: AuthContext, footprintId: string): Promise<Actor> {
    const membership = await this.memberships.findOne({
      where: { footprintId, userId: auth.user.id },
    });
    return { role: membership?.role ?? null, isAdmin: auth.isAdmin };
  }

  async bySlug(
    auth: AuthContext,
    slug: string,
    action: FootprintAction = 'footprint.read',
  ): Promise<FootprintAccess> {
    const footprint = await this.footprints.findOne({ where: { slug } });
    if (!footprint) throw footprintError(FootprintErrorCode.FootprintNotFound);
    return this.check(auth, footprint, action);
  }

  async byId(
    auth: AuthContext,
    footprintId: string,
    action: FootprintAction = 'footprint.read',
  ): Promise<FootprintAccess> {
    const footprint = await this.footprints.findOne({ where: { id: footprintId } });
    if (!footprint) throw footprintError(FootprintErrorCode.FootprintNotFound);
    return this.check(auth, footprint, action);
  }

  /** Checks access to a footprint already loaded (by a plan or section lookup). */
  async check(
    auth: AuthContext,
    footprint: Footprint,
    action: FootprintAction,
    notFound = footprintError(FootprintErrorCode.FootprintNotFound),
  ): Promise<FootprintAccess> {
    const actor = await this.actorFor(auth, footprint.id);
    if (!canSeeFootprint(actor)) throw notFound;
    if (!can(actor, action)) throw commonError(CommonErrorCode.Forbidden);
    return { footprint, actor };
  }

  allowedActions(actor: Actor): FootprintAction[] {
    return footprintActions.filter((action) => can(actor, action));
  }
}
