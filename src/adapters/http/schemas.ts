import { Type, type TSchema } from '@sinclair/typebox';

/** Shared TypeBox pieces; every route's schema feeds the OpenAPI document. */
export const Money = Type.String({
  pattern: '^-?\\d+\\.\\d{2}$',
  description: 'Decimal string, two places',
  examples: ['12.50'],
});
export const DateString = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
export const Instant = Type.String({ format: 'date-time' });
export const Ndc = Type.String({ pattern: '^\\d{11}$', description: 'NDC, 11 digits (5-4-2), no dashes' });
export const Npi = Type.String({ pattern: '^\\d{10}$', description: 'NPI, 10 digits with a valid check digit' });

export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    code: Type.String(),
    errors: Type.Array(Type.Object({ path: Type.String(), message: Type.String() })),
  },
  { $id: 'Problem', additionalProperties: true, description: 'RFC 9457 problem details' },
);

const problemRef = Type.Ref('Problem');
/** Standard error responses for the OpenAPI document. */
export function errorResponses(...statuses: number[]): Record<number, TSchema> {
  return Object.fromEntries(statuses.map((s) => [s, problemRef]));
}

export const Items = <T extends TSchema>(item: T) => Type.Object({ items: Type.Array(item) });

/** A value or JSON null. */
export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
