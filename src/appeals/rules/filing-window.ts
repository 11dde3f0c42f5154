/** @deprecated Moved to priorauth/rules/appeal-filing-window.ts (the case view shows it); this re-export goes once in-flight branches have landed. */
export * from '../../priorauth/rules/appeal-filing-window.js';
