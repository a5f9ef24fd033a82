import type { Ctx } from '../../../platform/context.ts';
import { terminalRequirement, type AccessGate } from '../access.ts';
import type { LoadedFile } from '../file-loader.ts';
import type { VaultDeps } from '../vault.deps.ts';

/**
 * A29, A11の2 on the subject entry points: a file whose terminal requirement (a 取扱区域, a given
 * area) the request's terminal does not fit is neither searched nor read from that terminal — the
 * same rule the access gate applies to every other vault request (access.ts `open`).
 */
export function createTerminalFit(deps: VaultDeps, gate: AccessGate) {
  /** Whether the request's terminal fits each file's requirement (true for a file without one). */
  async function fitting(ctx: Ctx, files: readonly LoadedFile[]): Promise<Map<string, boolean>> {
    const byRequirement = new Map<string, boolean>();
    const out = new Map<string, boolean>();
    for (const file of files) {
      const required = terminalRequirement(file);
      if (!required) {
        out.set(file.row.file_id, true);
        continue;
      }
      const key = `${required.areaKind ?? ''}|${required.areaId ?? ''}`;
      if (!byRequirement.has(key)) byRequirement.set(key, await deps.terminalFits(ctx, required));
      out.set(file.row.file_id, byRequirement.get(key)!);
    }
    return out;
  }

  /**
   * Refuses a read of records of files the terminal does not fit, before any record is opened: the
   * refusal is written to the log like every refusal of the gate (authz.denied, the file's id and
   * the code only) and answered with terminal.required (403).
   */
  async function requireFitting(ctx: Ctx, files: readonly LoadedFile[], action: string): Promise<void> {
    const fits = await fitting(ctx, files);
    const refused = files.find((f) => !fits.get(f.row.file_id));
    if (refused) throw await gate.deny(ctx, refused, refused.row.file_id, action, 'terminal.required');
  }

  return { fitting, requireFitting };
}
