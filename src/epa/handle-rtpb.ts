import type { AppContext } from '../app-context.js';
import { getCoverageFor } from '../coverage/get-coverage.js';
import type { CoverageAnswer } from '../coverage/check-coverage.js';
import { actingPrescriber } from '../fhir/shared/acting-principal.js';
import { clientIdentity } from '../fhir/smart/resolve-caller.js';
import type { Hub } from './authenticate-hub.js';
import { drugDbCode, termTypeOf } from './drug-coded.js';
import type { HandledMessage } from './handled-message.js';
import { identifyDrug, identifyMember } from './handle-initiation.js';
import { prescriberNpi } from './read-messages.js';
import type { InboundMessage } from './script-xml.js';
import type { OutNode } from './script-xml.js';

/** At most five covered alternatives (NCPDP RTPB). */
export const MAX_ALTERNATIVES = 5;

function status(c: CoverageAnswer): string {
  if (!c.eligible) return 'NotEligible';
  if (!c.covered) return 'NotCovered';
  const restricted =
    c.priorAuthorizationRequired ||
    (c.stepTherapy && !c.stepTherapy.met) ||
    c.quantityLimit !== undefined ||
    (c.ageLimit && !c.ageLimit.met);
  return restricted ? 'CoveredWithRestrictions' : 'Covered';
}

const pay = (retail: string | null | undefined, mail: string | null | undefined): OutNode => [
  { PharmacyType: 'Retail', EstimatedPatientPay: retail ?? undefined },
  { PharmacyType: 'MailOrder', EstimatedPatientPay: mail ?? undefined },
];

/**
 * RTPBRequest → RTPBResponse (docs/epa-script.md#rtpb): the patient-specific coverage status,
 * patient pay at retail and by mail, PA / step / quantity-limit flags with any authorization on
 * file, and up to five covered alternatives with their patient pay — all from the coverage use
 * case (GET /api/v1/coverage), the same dry-run adjudication as a claim, nothing recorded.
 */
export async function handleRtpb(ctx: AppContext, hub: Hub, m: InboundMessage): Promise<HandledMessage> {
  const { member } = await identifyMember(ctx, m);
  const { med, ndc, rxcui } = await identifyDrug(ctx, m);
  const acting = actingPrescriber(clientIdentity(hub.row), prescriberNpi(m.body));
  const query = {
    memberId: member.id,
    ...(ndc ? { productId: ndc } : { rxcui }),
    quantity: med.quantity,
    daysSupply: med.daysSupply,
  };
  // One read of the member's context priced both ways (getCoverageFor), not two coverage checks.
  const [retail, mail] = (await getCoverageFor(ctx, acting, query, ['retail', 'mail'])) as [
    CoverageAnswer,
    CoverageAnswer,
  ];
  const ref = await ctx.reference.get();
  const mailAlt = new Map(mail.alternatives.map((a) => [a.rxcui, a]));
  const alternatives = retail.alternatives.filter((a) => a.rxcui !== retail.drug.rxcui).slice(0, MAX_ALTERNATIVES);
  return {
    transaction: 'RTPBResponse',
    body: {
      CoverageStatus: status(retail),
      MedicationRequested: {
        DrugDescription: retail.drug.name,
        DrugCoded: {
          ProductCode: ndc ? { Code: ndc, Qualifier: 'ND' } : undefined,
          DrugDBCode: drugDbCode(retail.drug.rxcui, termTypeOf(ref, retail.drug.rxcui)),
        },
        FormularyTier: retail.tier,
        PricingAndCoverage: retail.covered ? pay(retail.estimatedPatientPay, mail.estimatedPatientPay) : undefined,
        CoverageRestrictions: retail.covered
          ? {
              PriorAuthorizationRequired: String(
                retail.priorAuthorizationRequired || retail.activeAuthorization !== undefined,
              ),
              AuthorizationOnFile: retail.activeAuthorization
                ? {
                    AuthorizationNumber: retail.activeAuthorization.number,
                    EffectiveDate: { Date: retail.activeAuthorization.effectiveFrom },
                    ExpirationDate: { Date: retail.activeAuthorization.effectiveTo },
                  }
                : undefined,
              StepTherapy: retail.stepTherapy
                ? { Prerequisites: retail.stepTherapy.prerequisites, Met: String(retail.stepTherapy.met) }
                : undefined,
              QuantityLimit: retail.quantityLimit
                ? {
                    Units: String(retail.quantityLimit.units),
                    Days: String(retail.quantityLimit.days),
                    MaximumForDaysSupply: String(retail.quantityLimit.maxForDaysSupply),
                  }
                : undefined,
            }
          : undefined,
      },
      Alternatives: alternatives.length
        ? {
            Alternative: alternatives.map((a) => ({
              DrugDescription: a.name,
              DrugCoded: { DrugDBCode: drugDbCode(a.rxcui, termTypeOf(ref, a.rxcui)) },
              FormularyTier: a.tier,
              PARequired: String(a.priorAuthorizationRequired),
              PricingAndCoverage: pay(a.estimatedPatientPay, mailAlt.get(a.rxcui)?.estimatedPatientPay),
            })),
          }
        : undefined,
      Message: retail.message,
    },
  };
}
