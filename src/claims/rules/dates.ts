/** @deprecated Moved to platform/dates.ts (shared by every module); this re-export goes once in-flight branches have landed. */
export * from '../../platform/dates.js';
