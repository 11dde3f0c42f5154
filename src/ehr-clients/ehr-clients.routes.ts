import { Type } from '@sinclair/typebox';
import type { ApiApp } from '../adapters/http/api-app.js';
import type { AppContext } from '../app-context.js';
import { requireRole } from '../adapters/http/auth.js';
import { errorResponses, Nullable } from '../adapters/http/schemas.js';
import { CLIENT_SCOPES } from './client-scopes.js';
import { listEhrClients, type EhrClientRow } from './ehr-clients.repo.js';
import { addClientKey, removeClientKey, setClientDisabled, setEpaEndpoint } from './manage-client-keys.js';
import { registerEhrClient } from './register-ehr-client.js';
import { epaAuthView } from './epa-notification-auth.js';

const EpaAuthBody = Type.Union(
  [
    Type.Object({ scheme: Type.Literal('none') }, { additionalProperties: false }),
    Type.Object(
      { scheme: Type.Literal('bearer'), token: Type.String({ maxLength: 4096 }) },
      { additionalProperties: false },
    ),
    Type.Object(
      {
        scheme: Type.Literal('basic'),
        username: Type.String({ maxLength: 200 }),
        password: Type.String({ maxLength: 500 }),
      },
      { additionalProperties: false },
    ),
  ],
  {
    description:
      'How PANotification deliveries authenticate to the hub: a bearer token or HTTP Basic (https endpoints only, or loopback); absent keeps the stored credentials',
  },
);

const Jwk = Type.Record(Type.String(), Type.Unknown(), { description: 'A public JWK (RSA or EC P-384) with kid' });

const EhrClientSchema = Type.Object({
  id: Type.String(),
  clientId: Type.String(),
  name: Type.String(),
  scopes: Type.Array(Type.String()),
  prescriberNpis: Type.Array(Type.String()),
  organizationIdentifier: Nullable(Type.String()),
  keys: Type.Array(Type.Object({ kid: Type.String(), kty: Type.String(), alg: Nullable(Type.String()) })),
  hasApiKey: Type.Boolean(),
  epaEndpoint: Nullable(Type.String()),
  epaAuth: Type.Object(
    {
      scheme: Type.Union([Type.Literal('none'), Type.Literal('bearer'), Type.Literal('basic')]),
      username: Nullable(Type.String()),
      secretSet: Type.Boolean({ description: 'Whether a token or password is stored (it is never returned)' }),
    },
    { description: 'How PANotification deliveries authenticate to the hub' },
  ),
  createdAt: Type.String({ format: 'date-time' }),
  disabledAt: Nullable(Type.String({ format: 'date-time' })),
});

function view(c: EhrClientRow) {
  return {
    id: c.id,
    clientId: c.clientId,
    name: c.name,
    scopes: c.scopes,
    prescriberNpis: c.prescriberNpis,
    organizationIdentifier: c.organizationIdentifier,
    keys: c.jwks.keys.map((k) => ({ kid: String(k.kid), kty: String(k.kty), alg: k.alg ?? null })),
    hasApiKey: c.apiKeyHash !== null,
    epaEndpoint: c.epaEndpoint,
    epaAuth: epaAuthView(c),
    createdAt: c.createdAt.toISOString(),
    disabledAt: c.disabledAt?.toISOString() ?? null,
  };
}

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

/** The EHR client registry (admin): SMART Backend Services clients, their public keys and scopes. */
export async function ehrClientRoutes(app: ApiApp, ctx: AppContext) {
  app.get(
    '/ehr-clients',
    {
      schema: {
        tags: ['admin'],
        summary: 'EHR and hub clients registered for SMART Backend Services, with the scopes they may be granted',
        response: {
          200: Type.Object({
            items: Type.Array(EhrClientSchema),
            scopes: Type.Array(Type.Object({ scope: Type.String(), allows: Type.String() })),
          }),
          ...errorResponses(401, 403),
        },
      },
    },
    async (req) => {
      requireRole(req, 'admin');
      return { items: (await listEhrClients(ctx.database.db)).map(view), scopes: CLIENT_SCOPES.map((s) => ({ ...s })) };
    },
  );

  app.post(
    '/ehr-clients',
    {
      schema: {
        tags: ['admin'],
        summary:
          'Register an EHR client: its public keys (JWK), scopes and prescribers; withApiKey returns an API key once',
        body: Type.Object(
          {
            clientId: Type.Optional(Type.String({ maxLength: 64 })),
            name: Type.String({ minLength: 1, maxLength: 200 }),
            scopes: Type.Array(Type.String({ maxLength: 100 }), { minItems: 1, maxItems: 30 }),
            prescriberNpis: Type.Array(Type.String({ maxLength: 10 }), { maxItems: 500 }),
            organizationIdentifier: Type.Optional(Type.String({ maxLength: 40 })),
            keys: Type.Optional(Type.Array(Jwk, { maxItems: 10 })),
            withApiKey: Type.Optional(Type.Boolean()),
            epaEndpoint: Type.Optional(Type.String({ maxLength: 500 })),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({ client: EhrClientSchema, apiKey: Type.Optional(Type.String()) }),
          ...errorResponses(400, 401, 403, 409),
        },
      },
    },
    async (req, reply) => {
      const admin = requireRole(req, 'admin');
      const { client, apiKey } = await registerEhrClient(ctx, admin, req.body);
      return reply.code(201).send({ client: view(client), ...(apiKey ? { apiKey } : {}) });
    },
  );

  app.post(
    '/ehr-clients/:id/keys',
    {
      schema: {
        tags: ['admin'],
        summary: "Add a public key to a client's JWKS (key rotation)",
        params: IdParams,
        body: Type.Object({ jwk: Jwk }, { additionalProperties: false }),
        response: { 200: EhrClientSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      const admin = requireRole(req, 'admin');
      const { id } = req.params;
      return view(await addClientKey(ctx, admin, id, req.body.jwk));
    },
  );

  app.delete(
    '/ehr-clients/:id/keys/:kid',
    {
      schema: {
        tags: ['admin'],
        summary: 'Remove a public key',
        params: Type.Object({ id: Type.String({ maxLength: 64 }), kid: Type.String({ maxLength: 200 }) }),
        response: { 200: EhrClientSchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (req) => {
      const admin = requireRole(req, 'admin');
      const { id, kid } = req.params;
      return view(await removeClientKey(ctx, admin, id, kid));
    },
  );

  app.post(
    '/ehr-clients/:id/disable',
    {
      schema: {
        tags: ['admin'],
        summary: 'Disable a client: no new tokens; its tokens and API key stop working at once',
        params: IdParams,
        response: { 200: EhrClientSchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (req) => view(await setClientDisabled(ctx, requireRole(req, 'admin'), req.params.id, true)),
  );

  app.post(
    '/ehr-clients/:id/enable',
    {
      schema: {
        tags: ['admin'],
        summary: 'Enable a disabled client again',
        params: IdParams,
        response: { 200: EhrClientSchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (req) => view(await setClientDisabled(ctx, requireRole(req, 'admin'), req.params.id, false)),
  );

  app.post(
    '/ehr-clients/:id/epa-endpoint',
    {
      schema: {
        tags: ['admin'],
        summary:
          "Set (or clear, with null) an ePA hub's PANotification endpoint and the credentials deliveries send (never returned); open cases keep the endpoint recorded at initiation",
        params: IdParams,
        body: Type.Object(
          { epaEndpoint: Nullable(Type.String({ maxLength: 500 })), epaAuth: Type.Optional(EpaAuthBody) },
          { additionalProperties: false },
        ),
        response: { 200: EhrClientSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) =>
      view(
        await setEpaEndpoint(ctx, requireRole(req, 'admin'), req.params.id, {
          // The JSON coercion turns null into '' for a nullable string: both clear the endpoint.
          endpoint: req.body.epaEndpoint || null,
          auth: req.body.epaAuth,
        }),
      ),
  );
}
