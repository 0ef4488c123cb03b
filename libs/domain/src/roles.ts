/** The roles a person can hold in one footprint, from most to least powerful. */
export const footprintRoles = ['lead', 'author', 'reviewer', 'viewer'] as const;
export type FootprintRole = (typeof footprintRoles)[number];

export const footprintRoleLabels: Record<FootprintRole, string> = {
  lead: 'Partnership lead',
  author: 'Author',
  reviewer: 'Reviewer',
  viewer: 'Viewer',
};

export function isFootprintRole(value: unknown): value is FootprintRole {
  return typeof value === 'string' && (footprintRoles as readonly string[]).includes(value);
}
