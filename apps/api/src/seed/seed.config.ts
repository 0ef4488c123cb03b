import { defaultDemoPassword, minPasswordLength } from '@commonplan/domain';
import type { EnvReader } from '../config/env-reader.js';

export interface SeedConfig {
  /** Seed the demo partnership at start-up when it is not there yet. */
  seedDemo: boolean;
  demoPassword: string;
}

export function seedConfig(env: EnvReader): SeedConfig {
  const demoPassword = env.string('DEMO_PASSWORD', defaultDemoPassword);
  if (demoPassword.length < minPasswordLength)
    env.problems.push(`DEMO_PASSWORD must be at least ${minPasswordLength} characters long`);
  return { seedDemo: env.boolean('SEED_DEMO', false), demoPassword };
}
