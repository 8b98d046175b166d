import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { NotFoundError } from '@backstage/errors';
import type { PermissionsService } from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { PILLARS } from '@pillarguard/rules';
import { pillarguardFindingsReadPermission } from './permissions';
import type { DatabaseStore } from './service/persistence/DatabaseStore';

/**
 * Actions for AI agents (Backstage's actions registry, served over MCP by the mcp-actions
 * plugin): read-only, and under the same permission as the REST routes.
 */
export function registerActions(actions: ActionsRegistryService, store: DatabaseStore, permissions: PermissionsService): void {
  actions.register({
    name: 'get-pillar-scores',
    title: 'Get Pillarguard pillar scores',
    description:
      'Security scores (0-100) of an AWS data-service catalog entity for the seven pillars (identity, classification, network, encryption, secrets, monitoring, policy as code) and recovery, its level (none/bronze/silver/gold) and its open findings.',
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: (z) => z.object({ entityRef: z.string().describe('Entity reference, e.g. resource:default/orders-table') }),
      output: (z) =>
        z.object({
          entityRef: z.string(),
          level: z.string(),
          overall: z.number().nullable(),
          pillars: z.record(z.string(), z.number().nullable()),
          findings: z.array(z.object({ ruleId: z.string(), pillar: z.string(), severity: z.string(), title: z.string(), message: z.string(), resource: z.string() })),
          evaluatedAt: z.string(),
        }),
    },
    action: async ({ input, credentials }) => {
      const ref = input.entityRef.toLowerCase();
      const [decision] = await permissions.authorize([{ permission: pillarguardFindingsReadPermission, resourceRef: ref }], { credentials });
      const record = decision.result === AuthorizeResult.ALLOW ? await store.get(ref) : undefined;
      // Not allowed and not scored look the same, so the action does not reveal which entities exist.
      if (!record) throw new NotFoundError(`no Pillarguard scores for ${ref}`);
      return {
        output: {
          entityRef: record.ref,
          level: record.level,
          overall: record.overall,
          pillars: record.pillars,
          findings: record.detail.findings
            .filter((f) => !f.suppressed)
            .map((f) => ({ ruleId: f.ruleId, pillar: f.pillar, severity: f.severity, title: f.title, message: f.message, resource: f.resource.id })),
          evaluatedAt: record.evaluatedAt,
        },
      };
    },
  });

  actions.register({
    name: 'list-failing-entities',
    title: 'List entities failing a Pillarguard pillar',
    description: 'Catalog entities whose score (overall, or of one pillar) is below a threshold, lowest first; optionally only those owned by a group.',
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: (z) =>
        z.object({
          pillar: z.enum(PILLARS as [string, ...string[]]).optional().describe('A pillar; the overall score when absent'),
          below: z.number().min(0).max(100).default(80).describe('Score threshold (exclusive)'),
          owner: z.string().optional().describe('Owner entity ref, e.g. group:default/team-orders'),
          limit: z.number().int().min(1).max(200).default(50),
        }),
      output: (z) => z.object({ total: z.number(), entities: z.array(z.object({ entityRef: z.string(), level: z.string(), score: z.number().nullable(), findings: z.number() })) }),
    },
    action: async ({ input, credentials }) => {
      const [decision] = await permissions.authorizeConditional([{ permission: pillarguardFindingsReadPermission }], { credentials });
      if (decision.result === AuthorizeResult.DENY) return { output: { total: 0, entities: [] } };
      const pillar = input.pillar as (typeof PILLARS)[number] | undefined;
      const query = { ...(pillar ? { pillar } : {}), below: input.below, ...(input.owner ? { owner: input.owner.toLowerCase() } : {}), sort: pillar ?? ('overall' as const), order: 'asc' as const, page: 1, pageSize: input.limit };
      if (decision.result === AuthorizeResult.CONDITIONAL) {
        const refs = await store.refs(query);
        const decisions = refs.length ? await permissions.authorize(refs.map((resourceRef) => ({ permission: pillarguardFindingsReadPermission, resourceRef })), { credentials }) : [];
        Object.assign(query, { refs: refs.filter((_, i) => decisions[i]?.result === AuthorizeResult.ALLOW) });
      }
      const page = await store.overview(query);
      return { output: { total: page.total, entities: page.items.map((r) => ({ entityRef: r.ref, level: r.level, score: pillar ? r.pillars[pillar] : r.overall, findings: r.findingCount })) } };
    },
  });
}
