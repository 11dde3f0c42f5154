// The criteria set's shape and validation are shared with the admin portal's editor
// (src/shared/criteria-set.ts), so the server and the screen refuse the same things.
export {
  allItems,
  validateCriteriaSet,
  type CriteriaRule,
  type CriteriaSet,
  type FactDefinition,
  type ValidationResult,
} from '../../shared/criteria-set.js';
