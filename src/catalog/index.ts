/** The catalog module's public API: what other modules may use (its repository and tables stay its own). */
export { loadAllConcepts, loadAllPackages, type DrugConcept, type DrugPackage } from './catalog.repo.js';
