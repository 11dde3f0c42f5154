import type { Lang } from '../i18n/i18n';
import type { Words } from './plain-words';

/**
 * What each NCPDP reject code OpenPBM returns means, in plain words (en/es): member services reads
 * it to a caller, the admin claims report names each code with it.
 */
const REJECTS: Words = {
  '01': {
    en: 'The pharmacy sent the claim to the wrong processor (BIN). It should use the processor on the member’s card.',
    es: 'La farmacia envió la reclamación al procesador equivocado (BIN). Debe usar el de la tarjeta del afiliado.',
  },
  '04': {
    en: 'The pharmacy used the wrong PCN for this member’s plan.',
    es: 'La farmacia usó un PCN equivocado para el plan del afiliado.',
  },
  '06': {
    en: 'The pharmacy used the wrong group number for this member’s plan.',
    es: 'La farmacia usó un número de grupo equivocado para el plan del afiliado.',
  },
  '09': {
    en: 'The date of birth the pharmacy sent does not match our records.',
    es: 'La fecha de nacimiento enviada por la farmacia no coincide con nuestros registros.',
  },
  '41': {
    en: 'Another processor pays for this member’s prescriptions (for example Medi-Cal Rx). The pharmacy must bill it instead.',
    es: 'Otro procesador paga las recetas de este afiliado (por ejemplo Medi-Cal Rx). La farmacia debe facturarle a él.',
  },
  '22': {
    en: 'The pharmacy billed a brand whose generic the plan covers, allowing substitution (DAW 0). The pharmacy can dispense the generic, or the prescriber can ask for a brand-medically-necessary exception.',
    es: 'La farmacia facturó una marca cuyo genérico cubre el plan, permitiendo sustituir (DAW 0). La farmacia puede surtir el genérico o el médico puede pedir una excepción de marca médicamente necesaria.',
  },
  '52': {
    en: 'The pharmacy sent a member ID we do not have.',
    es: 'La farmacia envió un número de afiliado que no existe.',
  },
  '54': {
    en: 'The pharmacy sent a drug code (NDC) that is not in the catalog.',
    es: 'La farmacia envió un código de medicamento (NDC) que no está en el catálogo.',
  },
  '60': {
    en: 'The plan does not cover this drug at the member’s age. The prescriber can ask for an exception.',
    es: 'El plan no cubre este medicamento a la edad del afiliado. El médico puede pedir una excepción.',
  },
  '61': {
    en: 'The plan does not cover this drug for the member’s sex. The prescriber can ask for an exception.',
    es: 'El plan no cubre este medicamento para el sexo del afiliado. El médico puede pedir una excepción.',
  },
  '65': {
    en: 'The member was not covered on the date of the fill.',
    es: 'El afiliado no tenía cobertura en la fecha de surtido.',
  },
  '70': {
    en: 'The plan does not cover this drug. A covered alternative may work, or the prescriber can ask for a formulary exception.',
    es: 'El plan no cubre este medicamento. Puede servir una alternativa cubierta o el médico puede pedir una excepción.',
  },
  '75': {
    en: 'The plan must approve this drug first (prior authorization). The prescriber asks for it; the pharmacy can fill it once approved.',
    es: 'El plan debe aprobar primero este medicamento (autorización previa). La pide el médico; la farmacia puede surtirlo una vez aprobado.',
  },
  '76': {
    en: 'The amount is more than the plan allows. The pharmacy can fill the allowed amount, or the prescriber can ask for an exception.',
    es: 'La cantidad supera lo que permite el plan. La farmacia puede surtir la cantidad permitida o el médico puede pedir una excepción.',
  },
  '79': {
    en: 'It is too soon to refill. It can be filled on the date shown.',
    es: 'Es muy pronto para surtir de nuevo. Se puede surtir en la fecha indicada.',
  },
  '608': {
    en: 'The plan asks that another drug be tried first (step therapy). The prescriber can ask for an exception.',
    es: 'El plan pide probar primero otro medicamento (terapia escalonada). El médico puede pedir una excepción.',
  },
};
export const rejectInWords = (code: string, lang: Lang): string | null => REJECTS[code]?.[lang] ?? null;
