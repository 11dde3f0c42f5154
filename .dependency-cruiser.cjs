/**
 * Module boundaries, checked by `npm run lint:deps` (part of npm test and so of CI). The rules
 * are the ones ARCHITECTURE.md states; a rule's exceptions are listed here by name, with why.
 * A feature module is a folder under src/ (claims, priorauth, …): it owns its *.tables.ts and
 * *.repo.ts, and other modules use its use cases or its index.ts.
 * `npm run lint:deps` runs this config through scripts/check-module-cycles.ts, which also fails on any
 * cycle between modules (folders) — dependency-cruiser's no-circular below sees only files.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import cycles between files (type-only imports count: they tie modules together the same way).',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-cross-module-repo',
      comment:
        "A module's tables and repository are its own: import its use cases or its index.ts. db-schema.ts " +
        '(the schema for drizzle-kit) gathers every module; a *.tables.ts may name another module’s table ' +
        'for a foreign key.',
      severity: 'error',
      from: {
        path: '^src/([^/]+)/',
        pathNot: [
          '\\.tables\\.ts$',
          // Known exception: the PA queue listing joins member and prescriber names in its one
          // query (a read model); moving it behind members' API costs a round trip per page.
          '^src/priorauth/priorauth\\.repo\\.ts$',
        ],
      },
      to: { path: '^src/([^/]+)/.+\\.(repo|tables)\\.ts$', pathNot: '^src/$1/' },
    },
    {
      name: 'platform-and-shared-depend-on-no-feature',
      comment:
        'platform/ (database, clock, errors, ids, logging, dates) and shared/ (pure helpers) are below every ' +
        'feature. platform/db.ts types the query layer with db-schema.ts, the one exception.',
      severity: 'error',
      from: { path: '^src/(platform|shared)/' },
      to: { path: '^src/', pathNot: ['^src/(platform|shared)/', '^src/config\\.ts$', '^src/db-schema\\.ts$'] },
    },
    {
      name: 'only-the-composition-root-wires',
      comment:
        'src/composition (start-up, deadline handlers, jobs, sweeps) knows every module; no module imports it ' +
        '(the CLI and the HTTP route table are composition roots too).',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/(composition|cli|adapters/http)/', '^src/main\\.ts$'] },
      to: { path: '^src/composition/' },
    },
    {
      name: 'deadlines-know-no-feature',
      comment: 'Features schedule deadlines and register handlers (through the composition root), not the reverse.',
      severity: 'error',
      from: { path: '^src/deadlines/' },
      to: { path: '^src/(priorauth|appeals|claims|notices|authorizations|fax|fhir)/' },
    },
    {
      name: 'imports-know-no-importer',
      comment:
        "imports/ is the kit each module's importer uses (run record, summary, file reading); running any " +
        'kind is src/operator-imports.',
      severity: 'error',
      from: { path: '^src/imports/' },
      to: { path: '^src/(catalog|plans|formulary|members|priorauth|operator-imports)/' },
    },
    {
      name: 'priorauth-does-not-import-appeals',
      comment: 'Appeals are filed against PA determinations: appeals depends on priorauth, never the reverse.',
      severity: 'error',
      from: { path: '^src/priorauth/' },
      to: { path: '^src/appeals/' },
    },
    {
      name: 'notices-do-not-import-priorauth',
      comment:
        'priorauth queues notices in its transactions; notices read a case through notice-case-source.ts, ' +
        'which the composition root binds.',
      severity: 'error',
      from: { path: '^src/notices/', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/(priorauth|appeals)/' },
    },
    {
      name: 'web-imports-only-generated-api-types',
      comment:
        'The portals talk to the server over HTTP only: what they share with it is web/src/api/openapi.d.ts, ' +
        'generated from /api/v1/openapi.json (npm run gen:api).',
      severity: 'error',
      from: { path: '^web/' },
      to: {
        path: '^(src|test|bench|scripts)/',
        pathNot: [
          // Pure helpers written for both sides (money text ↔ cents, FHIR enableWhen): one rule, not two copies.
          '^src/shared/',
          // The criteria library's questionnaires as test fixtures of the questionnaire renderer.
          '^src/priorauth/criteria-library/[^/]+\\.json$',
          // Known exception: web/src/ui/statuses.ts reads the appeal status lists (values, not types:
          // generated types carry no runtime values); they belong in src/shared with the other pure lists.
          '^src/appeals/appeal-status\\.ts$',
        ],
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.tsx', '.js', '.json'],
    },
  },
};
