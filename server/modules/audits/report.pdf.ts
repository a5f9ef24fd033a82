/**
 * The audit report (監査報告書; A36): A4 portrait, in Japanese, drawn as a report of parts
 * (platform/pdf/report.ts). It states the plan, the scope, every checklist item's answer with its
 * evidence (labels of Mamori's records, names of uploaded documents), the findings and their
 * corrective actions, the deliveries, and at the foot of every page who made it and when. Held
 * persons are never named: evidence labels carry numbers and titles.
 */
import type { AuditView } from '../../../shared/api/audits.ts';
import { partsReport } from '../../platform/pdf/report.ts';
import { jaDateTime, reportParts } from './report-parts.ts';

export const REPORT_TITLE = '監査報告書';

/** The report as a PDF. The same view and generation facts give the same bytes. */
export const renderAuditReport = partsReport<AuditView>(REPORT_TITLE, reportParts, jaDateTime);
