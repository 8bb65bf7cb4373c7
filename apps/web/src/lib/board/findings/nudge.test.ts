import { expect, it } from 'vitest';
import { blameNudge } from './nudge.ts';

it('nudges blame toward system wording and leaves system statements alone', () => {
  expect(blameNudge('Human error during the deploy')).not.toBeNull();
  expect(blameNudge('Dave should have checked the config')).not.toBeNull();
  expect(blameNudge('Deploys can skip the canary stage')).toBeNull();
  expect(blameNudge('The health check failed to detect the stale replica')).not.toBeNull();
});
