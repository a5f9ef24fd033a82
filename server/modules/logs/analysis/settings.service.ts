import {
  analysisSettings,
  DEFAULT_ANALYSIS_SETTINGS,
  type AnalysisSettings,
} from '../../../../shared/api/log-analysis.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { LogAnalysisDeps } from './analysis.deps.ts';
import { analysisRepo } from './analysis.repo.ts';

export const SETTINGS_KEY = 'log_analysis.settings';

/** The rule settings of the analysis (A22-1): defaults until the 総括管理者 changes them. */
export function createSettingsService(deps: LogAnalysisDeps) {
  const { database, ledger, authz, clock } = deps;

  /** The settings in force; a stored value that no longer parses falls back to the defaults. */
  async function current(): Promise<AnalysisSettings> {
    const raw = await analysisRepo.setting(database.db, SETTINGS_KEY);
    if (!raw) return DEFAULT_ANALYSIS_SETTINGS;
    const parsed = analysisSettings.safeParse({
      ...DEFAULT_ANALYSIS_SETTINGS,
      ...(JSON.parse(raw) as object),
    });
    return parsed.success ? parsed.data : DEFAULT_ANALYSIS_SETTINGS;
  }

  /** Replaces the settings; audited with before and after. Throws auth.forbidden unless allowed. */
  async function update(ctx: Ctx, raw: unknown): Promise<AnalysisSettings> {
    const next = analysisSettings.parse(raw);
    await authz.assertCan(ctx, 'update', 'LogAnalysisSettings');
    const before = await current();
    await database.transaction(async (tx) => {
      await analysisRepo.putSetting(tx, SETTINGS_KEY, JSON.stringify(next), clock.now().toISOString());
      await ledger.audit(tx, ctx, {
        type: 'log_analysis.settings_updated',
        subjectType: 'LogAnalysisSettings',
        subjectId: null,
        before,
        after: next,
      });
    });
    return next;
  }

  return { current, update };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
