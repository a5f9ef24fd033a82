import {
  AGREEMENT_GROUNDS,
  OUT_OF_PURPOSE_PROVISION_GROUNDS,
  type ProvisionGround,
} from '../../../../shared/api/provision-provisions.ts';
import { AppError } from '../../../platform/errors.ts';
import type { VaultFacts } from '../../register/register.service.ts';
import type { ProvisionDeps } from '../provision.deps.ts';

/** A party as the parties part tells it. */
export interface PartyFacts {
  id: string;
  name: string;
  kind: string;
  isPublicBody: boolean;
}

/** What a provision says, as far as the rules of A17-2, A17の2 and A18 look at it. */
export interface GroundFacts {
  ground: ProvisionGround;
  lawName: string;
  harmStatement: string;
  startsOn: string;
  endsOn: string | null;
  measuresDeemedNecessary: boolean;
  measuresReason: string;
}

/** A17-2's grounds of provision outside the purpose. */
export const isOutOfPurpose = (g: ProvisionGround) => OUT_OF_PURPOSE_PROVISION_GROUNDS.includes(g);

/** A18-1: grounds (3)/(4) (and law) to a recipient outside public bodies need a written agreement. */
export const agreementRequired = (g: ProvisionGround, party: Pick<PartyFacts, 'isPublicBody'>) =>
  !party.isPublicBody && AGREEMENT_GROUNDS.includes(g);

/** A18-2 asks the measures wherever A18-1 asks an agreement; A18-3 where deemed necessary for a public body. */
export const measuresRequired = (
  g: ProvisionGround,
  party: Pick<PartyFacts, 'isPublicBody'>,
  deemed: boolean,
) => agreementRequired(g, party) || (party.isPublicBody && deemed);

/**
 * The rules of the ground (A17-1, A17-2, A17の2, A18-3) against the recipient and the files; throws
 * the first broken rule's stable code. My Numbers are refused with their own code (A17の2), which the
 * caller audits.
 */
export function checkGround(g: GroundFacts, party: PartyFacts, files: VaultFacts[]): void {
  if (g.endsOn && g.endsOn < g.startsOn) throw new AppError('provision.provision_dates_invalid');
  // A17の2: 特定個人情報 never leaves on A17-2's grounds (only where the My Number Act lists it: law).
  if (isOutOfPurpose(g.ground) && files.some((f) => f.myNumber))
    throw new AppError('provision.my_number_out_of_purpose');
  // A17-1: 法令に基づく場合 — the law is named.
  if (g.ground === 'law' && !g.lawName) throw new AppError('provision.provision_law_required');
  // A17-2(3): to 行政機関, 他の独立行政法人等, 地方公共団体 or 地方独立行政法人 only.
  if (g.ground === 'public_body' && !party.isPublicBody)
    throw new AppError('provision.provision_public_body_only');
  // A17-2 ただし書: no one's rights and interests unduly harmed — the keeper says why.
  if (isOutOfPurpose(g.ground) && !g.harmStatement) throw new AppError('provision.provision_harm_required');
  // A18-3: for a public body the measures are asked where the 保護管理者 deems them necessary, with why.
  if (party.isPublicBody && g.measuresDeemedNecessary && !g.measuresReason)
    throw new AppError('provision.measures_reason_required');
}

/**
 * The record items of a file: the vault schema's fields (key or label, kept as the key) when the file
 * is in the vault, else the register entry's 記録項目. Throws provision.provision_item_invalid.
 */
export async function resolveItems(h: ProvisionDeps, facts: VaultFacts, items: string[]) {
  const file = await h.vault.internals.loader.find(facts.fileId);
  const out: string[] = [];
  for (const item of items) {
    let key: string | undefined;
    if (file) key = file.fields.find((f) => f.key === item || f.label === item)?.key;
    else key = facts.recordItems.includes(item) ? item : undefined;
    if (!key) throw new AppError('provision.provision_item_invalid');
    if (!out.includes(key)) out.push(key);
  }
  return out;
}

/** The labels of stored items (field labels for a vault file; the names themselves otherwise). */
export async function itemLabels(h: ProvisionDeps, fileId: string, items: string[]) {
  const file = await h.vault.internals.loader.find(fileId);
  if (!file) return items;
  return items.map((k) => file.byKey.get(k)?.label ?? k);
}
