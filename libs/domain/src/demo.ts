/** The demo partnership's accounts, as the README and the seed both name them. */
export const demoAccounts = {
  lead: 'lead@demo.commonplan.test',
  author: 'author@demo.commonplan.test',
  author2: 'author2@demo.commonplan.test',
  reviewer: 'reviewer@demo.commonplan.test',
  viewer: 'viewer@demo.commonplan.test',
} as const;

/** Used when DEMO_PASSWORD is not set; printed by `npm start` and given in the README. */
export const defaultDemoPassword = 'commonplan-demo';

export const demoFootprintSlug = 'bath-and-north-east-somerset-swindon-and-wiltshire';

/** The demo footprint's plan, as the seed makes it. */
export const demoPlanSlug = 'sustainability-and-transformation-plan';
