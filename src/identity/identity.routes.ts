import { Type } from '@sinclair/typebox';
import type { ApiApp } from '../adapters/http/api-app.js';
import type { AppContext } from '../app-context.js';
import { principalOf, requireRole } from '../adapters/http/auth.js';
import { errorResponses } from '../adapters/http/schemas.js';
import { refreshToken } from './authenticate.js';
import { changePassword, signIn } from './sign-in.js';
import { createUser } from './create-user.js';
import { findUserLanguage, listUsers, setUserLanguage } from './identity.repo.js';
import { ROLES } from '../platform/roles.js';

/** The languages the portals are written in. */
const PortalLanguage = Type.Union([Type.Literal('en'), Type.Literal('es')]);

const Me = Type.Object({
  username: Type.String(),
  role: Type.String(),
  displayName: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  memberId: Type.Optional(Type.String()),
  npi: Type.Optional(Type.String()),
  language: Type.Union([PortalLanguage, Type.Null()], {
    description: 'The portal language this person chose (PUT /me/language); null when they never chose one',
  }),
  serverTime: Type.String({
    format: 'date-time',
    description: "The server clock's now, so portals count due times from the same clock",
  }),
});

export async function identityRoutes(app: ApiApp, ctx: AppContext) {
  app.post(
    '/auth/token',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Exchange a username and password for a short-lived access token',
        security: [],
        body: Type.Object(
          {
            username: Type.String({ minLength: 1, maxLength: 200 }),
            password: Type.String({ minLength: 1, maxLength: 500 }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            accessToken: Type.String(),
            tokenType: Type.Literal('Bearer'),
            expiresIn: Type.Integer(),
          }),
          ...errorResponses(400, 401, 403, 429),
        },
      },
    },
    async (req) => {
      const body = req.body;
      return signIn(ctx, body.username, body.password, req.ip);
    },
  );

  app.post(
    '/auth/password',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary:
          'Choose a new password with the current one (the temporary one after a reset: /auth/token answers 403 PASSWORD_CHANGE_REQUIRED until then); ends every other session and signs in',
        security: [],
        body: Type.Object(
          {
            username: Type.String({ minLength: 1, maxLength: 200 }),
            currentPassword: Type.String({ minLength: 1, maxLength: 500 }),
            newPassword: Type.String({ minLength: 1, maxLength: 500 }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            accessToken: Type.String(),
            tokenType: Type.Literal('Bearer'),
            expiresIn: Type.Integer(),
          }),
          ...errorResponses(400, 401, 429),
        },
      },
    },
    async (req) => changePassword(ctx, req.body, req.ip),
  );

  app.post(
    '/auth/refresh',
    {
      schema: {
        tags: ['auth'],
        summary: 'A new access token for the signed-in person (tokens only, not API keys); disabled accounts get 401',
        response: {
          200: Type.Object({
            accessToken: Type.String(),
            tokenType: Type.Literal('Bearer'),
            expiresIn: Type.Integer(),
          }),
          ...errorResponses(401, 403),
        },
      },
    },
    async (req) => refreshToken(ctx, principalOf(req)),
  );

  app.get(
    '/me',
    { schema: { tags: ['auth'], summary: 'Who am I', response: { 200: Me, ...errorResponses(401) } } },
    async (req) => {
      const p = principalOf(req);
      return {
        username: p.username,
        role: p.role,
        displayName: p.displayName ?? null,
        ...(p.memberId ? { memberId: p.memberId } : {}),
        ...(p.npi ? { npi: p.npi } : {}),
        language: portalLanguage(await findUserLanguage(ctx.database.db, p.userId)),
        serverTime: ctx.clock.now().toISOString(),
      };
    },
  );

  app.put(
    '/me/language',
    {
      schema: {
        tags: ['auth'],
        summary: 'Save the portal language I chose: my portal opens in it at my next sign-in (any role)',
        body: Type.Object({ language: PortalLanguage }, { additionalProperties: false }),
        response: { 200: Type.Object({ language: PortalLanguage }), ...errorResponses(400, 401) },
      },
    },
    async (req) => {
      const p = principalOf(req);
      await setUserLanguage(ctx.database.db, p.userId, req.body.language);
      return { language: req.body.language };
    },
  );

  app.get(
    '/users',
    {
      schema: {
        tags: ['admin'],
        summary: 'List users (admin)',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                username: Type.String(),
                role: Type.String(),
                displayName: Type.Union([Type.String(), Type.Null()]),
                disabled: Type.Boolean({ description: 'Disabled by an admin: no sign-in, tokens or API keys' }),
              }),
            ),
          }),
          ...errorResponses(401, 403),
        },
      },
    },
    async (req) => {
      requireRole(req, 'admin');
      const users = await listUsers(ctx.database.db);
      return {
        items: users.map((u) => ({
          username: u.username,
          role: u.role,
          displayName: u.displayName,
          disabled: u.disabledAt !== null,
        })),
      };
    },
  );

  app.post(
    '/users',
    {
      schema: {
        tags: ['admin'],
        summary: 'Create a user (admin); withApiKey returns a new API key once',
        body: Type.Object(
          {
            username: Type.String(),
            password: Type.Optional(Type.String()),
            role: Type.Union(ROLES.map((r) => Type.Literal(r))),
            displayName: Type.Optional(Type.String()),
            credential: Type.Optional(Type.String()),
            memberId: Type.Optional(Type.String()),
            npi: Type.Optional(Type.String()),
            withApiKey: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({ username: Type.String(), role: Type.String(), apiKey: Type.Optional(Type.String()) }),
          ...errorResponses(400, 401, 403, 409),
        },
      },
    },
    async (req, reply) => {
      requireRole(req, 'admin');
      const { user, apiKey } = await createUser(ctx, req.body);
      return reply.code(201).send({ username: user.username, role: user.role, ...(apiKey ? { apiKey } : {}) });
    },
  );
}

const portalLanguage = (l: string | null): 'en' | 'es' | null => (l === 'en' || l === 'es' ? l : null);
