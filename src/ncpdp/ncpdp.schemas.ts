import { Type } from '@sinclair/typebox';
import { Nullable } from '../adapters/http/schemas.js';

const DecodedField = Type.Object({
  id: Type.String(),
  element: Nullable(Type.String()),
  name: Nullable(Type.String()),
  value: Type.String(),
  reading: Type.Optional(Nullable(Type.Union([Type.String(), Type.Number()]))),
});
const DecodedSegment = Type.Object({
  id: Nullable(Type.String()),
  name: Nullable(Type.String()),
  fields: Type.Array(DecodedField),
});
export const DecodedTransmissionSchema = Type.Object(
  {
    kind: Type.String(),
    header: Type.Array(DecodedField),
    segments: Type.Array(DecodedSegment),
    groups: Type.Array(Type.Array(DecodedSegment)),
    issues: Type.Array(Type.Object({ offset: Type.Integer(), message: Type.String() })),
  },
  { description: 'A D.0 transmission decoded for people: fields named, amounts and dates read' },
);

export const ClaimExchangesSchema = Type.Object({
  claimId: Type.String(),
  items: Type.Array(
    Type.Object({
      transactionCode: Type.String(),
      status: Type.String(),
      groupIndex: Type.Integer(),
      channel: Type.String(),
      receivedAt: Type.String(),
      request: DecodedTransmissionSchema,
      response: DecodedTransmissionSchema,
    }),
  ),
});
