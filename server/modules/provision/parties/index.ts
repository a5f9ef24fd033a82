import type { Policy } from '../../../platform/authz/index.ts';
import type { App } from '../../../platform/http/types.ts';
import type { ProvisionDeps } from '../provision.deps.ts';

/** Outside parties: recipients and contractors, their contacts and capability checks (A18, A19-1). */
export function createParties(h: ProvisionDeps) {
  void h;
  return {
    /** A party's facts for the other parts (null when unknown). */
    facts: (
      partyId: string,
    ): Promise<{ id: string; name: string; kind: string; isPublicBody: boolean } | null> =>
      Promise.resolve(partyId === '' ? null : null),
    gaps: () => Promise.resolve([]),
    jobs: [],
  };
}
export type PartiesModule = ReturnType<typeof createParties>;
export const partiesPolicies: Policy[] = [];
export function partiesRoutes(app: App, m: PartiesModule) {
  void app;
  void m;
}
