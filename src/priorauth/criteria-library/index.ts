import { EXCEPTION_CRITERIA_ID } from '../../shared/exception-kinds.js';
import type { CriteriaSet } from '../rules/criteria-set.js';
import adhd from './adhd-stimulant.json' with { type: 'json' };
import biologic from './biologic-immunology.json' with { type: 'json' };
import buprenorphine from './buprenorphine-naloxone.json' with { type: 'json' };
import doac from './doac.json' with { type: 'json' };
import generalMedicalNecessity from './general-medical-necessity.json' with { type: 'json' };
import stepTherapyException from './step-therapy-exception.json' with { type: 'json' };
import formularyException from './formulary-exception.json' with { type: 'json' };
import tieringException from './tiering-exception.json' with { type: 'json' };
import quantityLimitException from './quantity-limit-exception.json' with { type: 'json' };
import ageLimitException from './age-limit-exception.json' with { type: 'json' };
import sexLimitException from './sex-limit-exception.json' with { type: 'json' };
import brandMedicallyNecessary from './brand-medically-necessary.json' with { type: 'json' };
import glp1 from './glp1-t2dm.json' with { type: 'json' };
import pcsk9 from './pcsk9.json' with { type: 'json' };
import sglt2 from './sglt2.json' with { type: 'json' };
import testosterone from './testosterone.json' with { type: 'json' };

/** The criteria sets the demo formulary refers to (data: edit the JSON, never code). */
export const criteriaLibrary = [
  glp1,
  sglt2,
  doac,
  biologic,
  pcsk9,
  adhd,
  testosterone,
  buprenorphine,
  generalMedicalNecessity,
  stepTherapyException,
  // One question set per exception kind (src/shared/exception-kinds.ts).
  formularyException,
  tieringException,
  quantityLimitException,
  ageLimitException,
  sexLimitException,
  brandMedicallyNecessary,
] as unknown as CriteriaSet[];

/** Used when a formulary entry requires PA but names no criteria (imported QHP formularies). */
export const GENERAL_CRITERIA_ID = 'general-medical-necessity';
/** Used for a step-therapy edit without PA criteria when history does not show the prerequisite. */
export const STEP_EXCEPTION_CRITERIA_ID = EXCEPTION_CRITERIA_ID['step-therapy'];
