/** The notices module's public API: what other modules may use (its repository and tables stay its own). */
export { caseNoticesJsonSql, listNotices, listNoticesForRequest, type CaseNoticeJson } from './notices.repo.js';
export { nextLevelRoute, type NextLevelRoute } from './letters/sections/next-level.js';
