/** @deprecated Moved to shared/enable-when.ts (the portals' questionnaire renderer uses the same rule); this re-export goes once in-flight branches have landed. */
export * from '../../shared/enable-when.js';
