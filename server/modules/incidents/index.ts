import type { Policy } from '../../platform/authz/index.ts';

/**
 * Incidents (issue 8; A34–A35, 法68): report at once, contain, investigate, escalate along the
 * rule's chain, meet the law's deadlines, publish, prevent recurrence. Skeleton: filled by issue 8.
 */
export const incidentsPolicies: Policy[] = [];
