/** The plans module's public API: what other modules may use (its repository and tables stay its own). */
export {
  loadAllPlans,
  loadAllProcessors,
  upsertPlan,
  upsertProcessor,
  type PlanRow,
  type ProcessorRow,
} from './plans.repo.js';
export { otherProcessorOf, type OtherProcessor } from './other-processor.js';
