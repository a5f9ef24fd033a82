/**
 * The internal report of an incident (事案報告書; A34-3, -4: what goes up the chain with 経緯・被害状況
 * — and to the auditors, A36): A4 portrait, in Japanese, drawn as a report of parts
 * (platform/pdf/report.ts). It states the report, the investigation, the law's decision and due dates
 * (法68①), the chain's steps, the containment and the timeline, the links, the notice (法68②), the
 * publication (A35), the measures (A34-5), and at the foot of every page who made it and when. Held
 * persons are counted, never named.
 */
import type { IncidentView } from '../../../shared/api/incidents.ts';
import { partsReport } from '../../platform/pdf/report.ts';
import { jaDateTime } from './law/labels.ts';
import { reportParts } from './law/report-parts.ts';

export const REPORT_TITLE = '事案報告書';

/** The report as a PDF. The same view and generation facts give the same bytes. */
export const renderIncidentReport = partsReport<IncidentView>(REPORT_TITLE, reportParts, jaDateTime);
