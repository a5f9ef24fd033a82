import type { ContractSummaryView } from '../../../../shared/api/provision-contracts.ts';
import type { FileOverviewView, PartyOverviewView } from '../../../../shared/api/provision-parties.ts';
import type { ProvisionSummary } from '../../../../shared/api/provision-provisions.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { xlsx } from '../../../platform/tabular/index.ts';
import type { PartiesModule } from '../parties/index.ts';
import type { ProvisionDeps } from '../provision.deps.ts';
import { fileRows, HEADER, PARTY_KIND_LABELS, partyRows, WIDTHS, type LineNames } from './lines.ts';
import { renderTable } from './table.pdf.ts';

/** What the views need of the contracts part: plain summaries, without a caller (A19). */
export interface ContractsSource {
  /** Contracts whose files include this file (the subcontractors are in each summary). */
  byFile(fileId: string): Promise<ContractSummaryView[]>;
  /** Contracts of this party as contractor, and those where it is a subcontractor (A19-3). */
  byParty(partyId: string): Promise<ContractSummaryView[]>;
}

/** What the views need of the provisions part: plain summaries, without a caller (A17–A18). */
export interface ProvisionsSource {
  byFile(fileId: string): Promise<ProvisionSummary[]>;
  byParty(partyId: string): Promise<ProvisionSummary[]>;
}

export type ExportFormat = 'xlsx' | 'pdf';

/**
 * The cross views (issue 9 "Views"; A18, A19): per file, who receives it (provisions) or processes
 * it (contracts and their subcontractors); per party, what it receives or processes. Lines are
 * limited to what the caller reads (`read ProvisionOverview` of their unit and section: the
 * section's 保護管理者, the unit's 総括保護管理者, the 総括管理者, the 監査責任者). A file the caller does
 * not read is provision.file_not_found. Exports (XLSX, PDF) are audit events with ids and counts.
 */
export function createViews(
  deps: ProvisionDeps,
  parties: PartiesModule,
  contracts: ContractsSource,
  provisions: ProvisionsSource,
) {
  const { authz, ledger, database, clock } = deps;
  const reads = (ctx: Ctx, x: { unitId: string; sectionId: string }) =>
    authz.can(ctx, 'read', 'ProvisionOverview', { unitId: x.unitId, sectionId: x.sectionId });

  async function file(ctx: Ctx, fileId: string): Promise<FileOverviewView> {
    if (ctx.actor.kind !== 'person') throw new AppError('auth.required');
    const facts = await deps.fileFacts(fileId);
    if (!facts || !reads(ctx, facts)) throw new AppError('provision.file_not_found');
    const [p, c, names] = await Promise.all([
      provisions.byFile(fileId),
      contracts.byFile(fileId),
      deps.names(),
    ]);
    return {
      file: {
        id: fileId,
        name: facts.name,
        unitName: names.units.get(facts.unitId) ?? '',
        sectionName: names.sections.get(facts.sectionId) ?? '',
      },
      provisions: p.filter((x) => reads(ctx, x)),
      contracts: c.filter((x) => reads(ctx, x)),
    };
  }

  async function party(ctx: Ctx, partyId: string): Promise<PartyOverviewView> {
    const summary = await parties.summary(ctx, partyId);
    const [p, c] = await Promise.all([provisions.byParty(partyId), contracts.byParty(partyId)]);
    return {
      party: summary,
      provisions: p.filter((x) => reads(ctx, x)),
      contracts: c.filter((x) => reads(ctx, x)),
    };
  }

  /** Section and file names for the rows. */
  async function lineNames(provs: ProvisionSummary[]): Promise<LineNames> {
    const names = await deps.names();
    const files = new Map<string, string>();
    for (const id of new Set(provs.flatMap((p) => p.fileIds)))
      files.set(id, (await deps.fileFacts(id))?.name ?? '');
    return { sections: names.sections, files };
  }

  async function render(
    ctx: Ctx,
    format: ExportFormat,
    sheet: { title: string; facts: [string, string][]; rows: string[][]; empty: string },
  ): Promise<Buffer> {
    if (format === 'xlsx')
      return xlsx({ header: HEADER, rows: sheet.rows }, '提供・委託', sheet.title, WIDTHS);
    const me = ctx.actor.kind === 'person' ? ctx.actor.personId : '';
    return renderTable({
      ...sheet,
      header: HEADER,
      units: WIDTHS,
      generatedAt: clock.now().toISOString(),
      generatedByName: (await deps.person(me))?.name ?? '',
    });
  }

  /** Who receives or processes a file, as XLSX or PDF (audit provision.file_overview_exported). */
  async function exportFile(ctx: Ctx, fileId: string, format: ExportFormat) {
    const v = await file(ctx, fileId);
    const body = await render(ctx, format, {
      title: '個人情報ファイルの提供先・委託先',
      facts: [
        ['個人情報ファイル', v.file.name],
        ['保有する係', `${v.file.unitName} ${v.file.sectionName}`],
      ],
      rows: fileRows(v, await lineNames(v.provisions)),
      empty: 'このファイルの提供・委託はありません。',
    });
    await ledger.audit(database.db, ctx, {
      type: 'provision.file_overview_exported',
      subjectType: 'RegisterFile',
      subjectId: fileId,
      data: { format, provisions: v.provisions.length, contracts: v.contracts.length },
    });
    return { filename: `provision-file-${fileId}.${format}`, body };
  }

  /** What a party receives or processes, as XLSX or PDF (audit provision.party_overview_exported). */
  async function exportParty(ctx: Ctx, partyId: string, format: ExportFormat) {
    const v = await party(ctx, partyId);
    const body = await render(ctx, format, {
      title: '提供先・委託先別の提供・委託の状況',
      facts: [
        ['相手方', v.party.name],
        ['区分', `${PARTY_KIND_LABELS[v.party.kind]}${v.party.isPublicBody ? '（行政機関等）' : ''}`],
        ['法人番号', v.party.corporateNumber ?? '—'],
      ],
      rows: partyRows(v, await lineNames(v.provisions)),
      empty: 'この相手方への提供・委託はありません。',
    });
    await ledger.audit(database.db, ctx, {
      type: 'provision.party_overview_exported',
      subjectType: 'ProvisionParty',
      subjectId: partyId,
      data: { format, provisions: v.provisions.length, contracts: v.contracts.length },
    });
    return { filename: `provision-party-${partyId}.${format}`, body };
  }

  return { file, party, exportFile, exportParty };
}
export type ProvisionViews = ReturnType<typeof createViews>;
