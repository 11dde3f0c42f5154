// Every module's tables, for drizzle-kit and the typed query layer. Each module owns its file.
export * from './catalog/catalog.tables.js';
export * from './plans/plans.tables.js';
export * from './formulary/formulary.tables.js';
export * from './members/members.tables.js';
export * from './identity/identity.tables.js';
export * from './audit/audit.tables.js';
export * from './imports/imports.tables.js';
export * from './claims/claims.tables.js';
export * from './authorizations/authorizations.tables.js';
export * from './deadlines/deadlines.tables.js';
export * from './priorauth/priorauth.tables.js';
export * from './notices/notices.tables.js';
export * from './work-items/work-items.tables.js';
export * from './fax/fax.tables.js';
export * from './appeals/appeals.tables.js';
export * from './call-notes/call-notes.tables.js';
export * from './ncpdp/ncpdp.tables.js';
