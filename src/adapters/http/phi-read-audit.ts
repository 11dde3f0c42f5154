import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app-context.js';
import { isStaff, type Principal } from '../../platform/roles.js';

/**
 * Why a route's reader looks at PHI (the audit row's why-code): the purpose the route serves, so
 * an accounting of disclosures (45 CFR 164.528) and a privacy officer's review can read it.
 */
export const PHI_READ_REASONS = [
  'case-review',
  'appeal-review',
  'claims-inquiry',
  'member-inquiry',
  'correspondence',
  'fax-intake',
  'patient-search',
  'audit-oversight',
] as const;
export type PhiReadReason = (typeof PHI_READ_REASONS)[number];

/** Where the member a read concerns is found. */
export type MemberSource =
  /** The answer's `memberId`, or the `memberId` of each of its `items`. */
  | 'answer'
  | { param: string }
  | { query: string }
  /**
   * For answers that do not say (PDFs, attachments): the module's own lookup of the record named
   * by path parameter `param` (its value as the route's params schema validated it).
   */
  | { param: string; lookup: (value: string) => Promise<string | null | undefined> };

/**
 * A route's PHI-read declaration (route `config.phiRead`): the one place a staff read is audited
 * (docs/design.md#records) — the hook below writes the row, no handler does.
 */
export interface PhiReadDeclaration {
  /** What is read: the audit row's entity type (case, claim, notice, member, …). */
  resource: string;
  reason: PhiReadReason;
  /** The path parameter holding the record's id; lists name their member filter, or "list". */
  idParam?: string;
  member?: MemberSource;
  /** phi.read unless said (the insurance search records phi.search, the audit log audit.read). */
  action?: 'phi.read' | 'phi.search' | 'audit.read';
  /** Query fields copied into the row's details (the audit log's own filters). */
  recordQuery?: readonly string[];
  /** Also audit prescribers and pharmacies (member records: reads by a party the data links). */
  outsiders?: boolean;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    phiRead?: PhiReadDeclaration;
  }
  interface FastifyRequest {
    /** The answer object before serialization, for a declared PHI read (member ids are taken from it). */
    phiAnswer?: unknown;
  }
  interface FastifyInstance {
    /** Every declared PHI read, "GET /api/v1/…" → its declaration (test/security enumerates them). */
    phiReads: Map<string, PhiReadDeclaration>;
  }
}

function membersInAnswer(answer: unknown): string[] {
  if (!answer || typeof answer !== 'object') return [];
  const a = answer as { memberId?: unknown; items?: unknown };
  if (typeof a.memberId === 'string') return [a.memberId];
  if (!Array.isArray(a.items)) return [];
  const ids = a.items.map((i) => (i as { memberId?: unknown } | null)?.memberId);
  return [...new Set(ids.filter((i): i is string => typeof i === 'string'))];
}

function recorded(request: FastifyRequest, fields: readonly string[] = []): Record<string, unknown> {
  const query = (request.query ?? {}) as Record<string, unknown>;
  return Object.fromEntries(fields.filter((f) => query[f] !== undefined).map((f) => [f, query[f]]));
}

async function membersOf(request: FastifyRequest, source: MemberSource): Promise<string[]> {
  if (source === 'answer') return membersInAnswer(request.phiAnswer);
  const bag = ('param' in source ? request.params : request.query) as Record<string, unknown> | undefined;
  const value = bag?.['param' in source ? source.param : source.query];
  if (typeof value !== 'string' || value === '') return [];
  if ('lookup' in source) {
    const id = await source.lookup(value);
    return id ? [id] : [];
  }
  return [value];
}

/** Registered on the root instance before any route, so every route's declaration is listed. */
export function listPhiReadRoutes(app: FastifyInstance): void {
  app.decorate('phiReads', new Map<string, PhiReadDeclaration>());
  app.addHook('onRoute', (route) => {
    const declared = route.config?.phiRead;
    if (!declared) return;
    for (const method of [route.method].flat())
      if (method !== 'HEAD') app.phiReads.set(`${method} ${route.url}`, declared);
  });
}

/** One PHI-read audit row, as the audit module writes it (passed in, so this edge kit imports no feature module). */
export interface PhiReadRow {
  at: Date;
  actor: Principal;
  action: string;
  entityType: string;
  entityId: string;
  memberIds: readonly string[];
  reason: string;
  details: Record<string, unknown>;
}
export type WritePhiReadRow = (row: PhiReadRow) => Promise<void>;

/**
 * Writes one audit row for every successful read of a declared route by staff (and, where the
 * route says so, by prescribers and pharmacies): who, what (resource, id, members), when, why.
 * In onSend, before the answer leaves: a read whose audit row cannot be written is not answered.
 */
export function registerPhiReadAudit(app: FastifyInstance, ctx: AppContext, writeRow: WritePhiReadRow): void {
  app.addHook('preSerialization', async (request, _reply, payload) => {
    if (request.routeOptions.config?.phiRead) request.phiAnswer = payload;
    return payload;
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const declared = request.routeOptions.config?.phiRead;
    const caller = request.principal;
    if (!declared || !caller || reply.statusCode >= 300) return payload;
    if (!isStaff(caller) && !(declared.outsiders && caller.role !== 'member')) return payload;
    const memberIds = await membersOf(request, declared.member ?? 'answer');
    const params = (request.params ?? {}) as Record<string, string | undefined>;
    const entityId =
      params[declared.idParam ?? 'id'] ??
      (memberIds.length === 1 ? memberIds[0] : memberIds.length === 0 ? '(none)' : 'list');
    // entity id: the record read; a list names its one member, else (none) or list.
    await writeRow({
      at: ctx.clock.now(),
      actor: caller,
      action: declared.action ?? 'phi.read',
      entityType: declared.resource,
      entityId,
      memberIds,
      reason: declared.reason,
      details: { route: `${request.method} ${request.routeOptions.url}`, ...recorded(request, declared.recordQuery) },
    });
    return payload;
  });
}
