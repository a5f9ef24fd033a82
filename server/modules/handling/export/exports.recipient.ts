import type { ExportOptionsView } from '../../../../shared/api/handling-export.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import type { ActiveProvision, HandlingContext } from '../handling.deps.ts';

/** What a copy to an outside recipient asks: the file, the party (null: kept inside) and the fields. */
export interface RecipientAsk {
  fileId: string;
  partyId: string | null | undefined;
  fields: string[];
}

/**
 * A copy to a recipient outside the organisation (issue 9): an approved provision is the only way a
 * file's data leaves through the export for that recipient (A18). The provision must be active today
 * for that file and party, and the fields copied must be among the record items it provides (A18-1:
 * 利用する記録の範囲及び記録項目). Checked when the copy is asked for and again when it is made; every
 * refusal is audited. The provision module reads through database.db: never call these inside a
 * transaction (SQLite would wait for it forever).
 */
export function createRecipients(h: HandlingContext) {
  const { ledger, clock, database } = h;

  /** The provision allowing the copy (null for a copy kept inside); 409 provision.no_active_provision otherwise. */
  async function provisionOf(ctx: Ctx, ask: RecipientAsk): Promise<ActiveProvision | null> {
    if (!ask.partyId) return null;
    const active = await h.provisionFor(ask.fileId, ask.partyId, clock.today());
    const items = new Set(active?.items ?? []);
    if (active && ask.fields.every((f) => items.has(f))) return active;
    const facts = await h.fileFacts(ask.fileId);
    await ledger.audit(database.db, ctx, {
      type: 'authz.denied',
      subjectType: 'RegisterFile',
      subjectId: ask.fileId,
      unitId: facts?.unitId ?? null,
      sectionId: facts?.sectionId ?? null,
      outcome: 'denied',
      data: {
        action: 'export',
        code: 'provision.no_active_provision',
        partyId: ask.partyId,
        provisionId: active?.id ?? null,
        // Fields outside the provision's record items, by key (no one's data).
        fieldKeys: active ? ask.fields.filter((f) => !items.has(f)) : [],
      },
    });
    throw new AppError('provision.no_active_provision');
  }

  /** The parties with an active provision of the file today, for the copy form (names of organisations only). */
  async function offered(fileId: string): Promise<ExportOptionsView['recipients']> {
    const today = clock.today();
    return (await h.provisionsOfFile(fileId))
      .filter((p) => p.status === 'active' && p.startsOn <= today && (p.endsOn === null || p.endsOn >= today))
      .map((p) => ({
        partyId: p.partyId,
        partyName: p.partyName,
        provisionId: p.id,
        provisionNumber: p.number,
        items: p.files.find((f) => f.fileId === fileId)?.items ?? [],
      }))
      .sort((a, b) => a.partyName.localeCompare(b.partyName, 'ja'));
  }

  /** The recipient's name for a copy's view (null for a copy kept inside). */
  const nameOf = async (partyId: string | null | undefined): Promise<string | null> =>
    partyId ? ((await h.partyName(partyId)) ?? '') : null;

  return { provisionOf, offered, nameOf };
}

export type Recipients = ReturnType<typeof createRecipients>;
