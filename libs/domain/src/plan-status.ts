/**
 * A plan's life: written in `drafting`, shown to the public in `consultation`, signed off as
 * `published`, and finally `archived`. Consultation can send a plan back to drafting; an archived
 * plan can be reopened for the next planning round.
 */
export const planStatuses = ['drafting', 'consultation', 'published', 'archived'] as const;
export type PlanStatus = (typeof planStatuses)[number];

export const planStatusLabels: Record<PlanStatus, string> = {
  drafting: 'Drafting',
  consultation: 'In consultation',
  published: 'Published',
  archived: 'Archived',
};

const planTransitions: Record<PlanStatus, readonly PlanStatus[]> = {
  drafting: ['consultation'],
  consultation: ['drafting', 'published'],
  published: ['archived'],
  archived: ['drafting'],
};

export function nextPlanStatuses(from: PlanStatus): readonly PlanStatus[] {
  return planTransitions[from];
}

export function canMovePlan(from: PlanStatus, to: PlanStatus): boolean {
  return planTransitions[from].includes(to);
}

export const planKinds = [
  'sustainability_and_transformation_plan',
  'integrated_care_strategy',
  'joint_forward_plan',
  'other',
] as const;
export type PlanKind = (typeof planKinds)[number];

export const planKindLabels: Record<PlanKind, string> = {
  sustainability_and_transformation_plan: 'Sustainability and transformation plan',
  integrated_care_strategy: 'Integrated care strategy',
  joint_forward_plan: 'Joint forward plan',
  other: 'Other plan',
};

/** A planning year as the NHS writes it, e.g. 2016/17; the second part is the next year. */
export const planningYearPattern = /^(\d{4})\/(\d{2})$/;

export function isPlanningYear(value: string): boolean {
  const match = planningYearPattern.exec(value);
  if (!match) return false;
  const start = Number(match[1]);
  return (start + 1) % 100 === Number(match[2]);
}

/** True when the period runs forwards: `from` is the same year as `to` or before it. */
export function isPlanPeriod(from: string, to: string): boolean {
  return isPlanningYear(from) && isPlanningYear(to) && from.slice(0, 4) <= to.slice(0, 4);
}
