import { z } from 'zod';

/**
 * Shapes of the terminals API (A29 端末の限定, A11の2 特定個人情報等の取扱区域), shared by the server
 * (validation, OpenAPI) and the web forms.
 */

export const AREA_KINDS = ['general', 'handling_area'] as const;
export type AreaKind = (typeof AREA_KINDS)[number];

export const TERMINAL_STATUSES = ['pending', 'approved', 'rejected', 'revoked'] as const;
export type TerminalStatus = (typeof TERMINAL_STATUSES)[number];

const id = z.uuid();
const text = (max: number) => z.string().trim().min(1).max(max);
/** Address ranges in CIDR notation (IPv4 or IPv6); the server checks each one (terminal.invalid_range). */
export const addressRanges = z.array(z.string().trim().min(1).max(64)).max(50);

export const areaInput = z.object({
  unitId: id,
  /** A section's area when set (managed by its 保護管理者); otherwise the unit's (its 総括保護管理者). */
  sectionId: id.nullable(),
  kind: z.enum(AREA_KINDS),
  name: text(100),
  addressRanges: addressRanges.default([]),
});
export type AreaInput = z.input<typeof areaInput>;

export const areaPatch = z.object({
  kind: z.enum(AREA_KINDS).optional(),
  name: text(100).optional(),
  addressRanges: addressRanges.optional(),
});
export type AreaPatch = z.infer<typeof areaPatch>;

export const areaView = z.object({
  id,
  unitId: id,
  unitName: z.string(),
  sectionId: id.nullable(),
  sectionName: z.string().nullable(),
  kind: z.enum(AREA_KINDS),
  name: z.string(),
  addressRanges: z.array(z.string()),
  /** Whether the caller manages the area (approves, revokes, edits). */
  canManage: z.boolean(),
  activeTerminals: z.number().int(),
});
export type AreaView = z.infer<typeof areaView>;

export const terminalRequestInput = z.object({
  areaId: id,
  label: text(100),
  reason: text(500),
});
export type TerminalRequestInput = z.infer<typeof terminalRequestInput>;

export const approveInput = z.object({
  /** Narrower ranges for this terminal only; each must lie within the area's ranges. */
  addressRanges: addressRanges.optional(),
});
export const reasonInput = z.object({ reason: text(500) });

export const terminalView = z.object({
  id,
  areaId: id,
  areaName: z.string(),
  areaKind: z.enum(AREA_KINDS),
  unitName: z.string(),
  sectionName: z.string().nullable(),
  label: z.string(),
  reason: z.string(),
  status: z.enum(TERMINAL_STATUSES),
  requestedBy: z.object({ id, name: z.string(), employeeNumber: z.string() }),
  requestedAt: z.iso.datetime(),
  requestIp: z.string().nullable(),
  decidedAt: z.iso.datetime().nullable(),
  decisionReason: z.string().nullable(),
  addressRanges: z.array(z.string()).nullable(),
  revokedAt: z.iso.datetime().nullable(),
  revokeReason: z.string().nullable(),
});
export type TerminalView = z.infer<typeof terminalView>;

/** What this browser is: an approved terminal in use, a request waiting, or nothing usable. */
export const currentTerminalView = z.object({
  state: z.enum(['none', 'pending', 'approved', 'rejected', 'revoked', 'out_of_range']),
  terminal: terminalView.nullable(),
});
export type CurrentTerminalView = z.infer<typeof currentTerminalView>;
