/** The identity module's public API: what other modules may use (its repository and tables stay its own). */
export { displayNamesJsonSql, findDisplayNames, findUserByUsername, listUsers } from './identity.repo.js';
