import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/index.ts';
import type { Keys } from '../../platform/keys.ts';
import { SsoRefusal } from './sso-refusal.ts';
import { ssoRepo } from './sso.repo.ts';

/** How long a sign-in may take at the IdP before it has to start again. */
export const PENDING_MINUTES = 10;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * Pending sign-ins kept on the server, each used once: OIDC state, nonce and PKCE verifier (sealed)
 * under the hash of a random value held in the browser's cookie; SAML AuthnRequest ids under their
 * hash. A second use, an expired one or an unknown one is refused.
 */
export function createPendingStore(deps: { database: Database; clock: Clock; keys: Keys }) {
  const { database, clock, keys } = deps;

  async function put(key: string, providerId: string, next: string, secrets: object | null): Promise<void> {
    const now = clock.now();
    await ssoRepo.deleteExpiredPending(database.db, now.toISOString());
    await ssoRepo.insertPending(database.db, {
      id: sha256(key),
      provider_id: providerId,
      secrets_sealed: secrets ? keys.seal('sso', JSON.stringify(secrets)) : null,
      next,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + PENDING_MINUTES * 60_000).toISOString(),
      used_at: null,
    });
  }

  /** Takes a pending sign-in once; throws SsoRefusal (no_pending, pending_used, pending_expired). */
  async function take<S>(
    key: string,
    providerId: string,
  ): Promise<{ next: string; secrets: S | null; createdAt: string }> {
    const id = sha256(key);
    const now = clock.now().toISOString();
    const row = await ssoRepo.consumePending(database.db, id, providerId, now);
    if (!row) {
      const state = await ssoRepo.pendingState(database.db, id);
      const reason = !state ? 'no_pending' : state.used_at ? 'pending_used' : 'pending_expired';
      throw new SsoRefusal('sso.expired', reason);
    }
    return {
      next: row.next,
      secrets: row.secrets_sealed ? (JSON.parse(keys.open('sso', row.secrets_sealed)) as S) : null,
      createdAt: row.created_at,
    };
  }

  return { put, take, newKey: () => randomBytes(32).toString('base64url') };
}

export type PendingStore = ReturnType<typeof createPendingStore>;
