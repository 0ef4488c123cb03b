/** Addresses of the public pages, which anyone may open without an account. */
export const publicFootprintPath = (footprintSlug: string) => `/public/${footprintSlug}`;

export const publicPlanPath = (footprintSlug: string, planSlug: string) =>
  `/public/${footprintSlug}/${planSlug}`;

export const publicPublicationPath = (footprintSlug: string, planSlug: string, number: number) =>
  `${publicPlanPath(footprintSlug, planSlug)}/publications/${number}`;

/** Where the public responds to a published draft (the consultation page). */
export const publicRespondPath = (footprintSlug: string, planSlug: string) =>
  `${publicPlanPath(footprintSlug, planSlug)}/respond`;
