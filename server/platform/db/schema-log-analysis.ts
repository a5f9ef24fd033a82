/**
 * Tables of the log analysis (issue 4, A22-1): reports per section or unit for a period, their
 * findings (identifiers and counts only, never personal data), and their sign-off by the
 * responsible 保護管理者 (section) or 総括保護管理者 (unit).
 */
export interface LogAnalysisReportTable {
  id: string;
  scope_kind: string; // 'section' | 'unit'
  unit_id: string;
  section_id: string | null;
  /** The period analysed, ISO instants, from inclusive, to exclusive. */
  period_from: string;
  period_to: string;
  trigger: string; // 'scheduled' | 'on_demand'
  requested_by: string | null;
  created_at: string;
  /** How many log entries the analysis read. */
  entry_count: number;
  finding_count: number;
  /** The rule settings in force (JSON), so a report can be read later as it was made. */
  rules: string;
  signed_off_at: string | null;
  signed_off_by: string | null;
  sign_off_comment: string | null;
}

export interface LogAnalysisFindingTable {
  id: string;
  report_id: string;
  rule: string;
  actor_id: string | null;
  /** How many entries (or records, per rule) the finding counts. */
  count: number;
  /** Ledger entry ids behind the finding (JSON array, capped). */
  entry_ids: string;
  /** Figures of the rule (JSON): e.g. baseline and volume, largest read. Numbers only. */
  detail: string;
  first_at: string | null;
  last_at: string | null;
  sort_order: number;
}

export interface LogAnalysisTables {
  log_analysis_reports: LogAnalysisReportTable;
  log_analysis_findings: LogAnalysisFindingTable;
}
