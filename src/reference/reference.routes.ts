import { Type } from '@sinclair/typebox';
import type { ApiApp } from '../adapters/http/api-app.js';
import type { AppContext } from '../app-context.js';
import { principalOf } from '../adapters/http/auth.js';
import { errorResponses, Nullable } from '../adapters/http/schemas.js';
import { searchFormulary } from './search-formulary.js';
import { FormularyHitSchema, FormularySearchQuery } from './formulary.schemas.js';
import { notFound } from '../platform/errors.js';

const PlanSummary = Type.Object({
  id: Type.String(),
  name: Type.String(),
  lineOfBusiness: Type.String(),
  processorId: Type.String(),
  processorName: Type.String(),
  bin: Type.String(),
  pcn: Nullable(Type.String()),
  groupId: Nullable(Type.String()),
  carveOutPlanId: Nullable(Type.String()),
});

export async function referenceRoutes(app: ApiApp, ctx: AppContext) {
  app.get(
    '/plans',
    {
      schema: {
        tags: ['plans'],
        summary: 'Benefit plans and their processors',
        response: { 200: Type.Object({ items: Type.Array(PlanSummary) }), ...errorResponses(401) },
      },
    },
    async (req) => {
      principalOf(req);
      const ref = await ctx.reference.get();
      const items = [...ref.plans.values()].map((p) => {
        const proc = ref.processors.get(p.processorId);
        return {
          id: p.id,
          name: p.name,
          lineOfBusiness: p.lineOfBusiness,
          processorId: p.processorId,
          processorName: proc?.name ?? p.processorId,
          bin: proc?.bin ?? '',
          pcn: proc?.pcn ?? null,
          groupId: p.groupId ?? proc?.groupId ?? null,
          carveOutPlanId: p.carveOutPlanId,
        };
      });
      return { items: items.sort((a, b) => a.id.localeCompare(b.id)) };
    },
  );

  app.get(
    '/plans/:planId/formulary',
    {
      schema: {
        tags: ['plans'],
        summary: "Search a plan's formulary by drug name, ingredient, NDC or RxCUI",
        params: Type.Object({ planId: Type.String({ maxLength: 64 }) }),
        querystring: FormularySearchQuery,
        response: {
          200: Type.Object({
            planId: Type.String(),
            formularyPlanId: Type.String(),
            items: Type.Array(FormularyHitSchema),
          }),
          ...errorResponses(400, 401, 404),
        },
      },
    },
    async (req) => {
      principalOf(req);
      const { planId } = req.params;
      const q = req.query;
      const ref = await ctx.reference.get();
      const plan = ref.plans.get(planId);
      if (!plan) throw notFound('Plan', planId);
      // A carved-out benefit is answered with the formulary of the plan that pays (e.g. Medi-Cal Rx).
      const payer = plan.carveOutPlanId ?? planId;
      return {
        planId,
        formularyPlanId: payer,
        items: searchFormulary(ref, payer, q.q, { coveredOnly: q.coveredOnly, limit: q.limit }),
      };
    },
  );
}
