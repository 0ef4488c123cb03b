import { activityKinds, type ActivityKind } from '@commonplan/domain';

export interface ActivityFilters {
  planId?: string;
  actorId?: string;
  kind?: ActivityKind;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The feed's filters as the address gives them; anything malformed is left out rather than sent. */
export function readActivityFilters(params: URLSearchParams): ActivityFilters {
  const planId = params.get('planId') ?? '';
  const actorId = params.get('actorId') ?? '';
  const kind = params.get('kind') ?? '';
  return {
    ...(uuid.test(planId) ? { planId } : {}),
    ...(uuid.test(actorId) ? { actorId } : {}),
    ...((activityKinds as readonly string[]).includes(kind) ? { kind: kind as ActivityKind } : {}),
  };
}
