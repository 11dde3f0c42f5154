import type { Lang } from '../../i18n/i18n';

/** What each NCPDP reject code OpenPBM returns means at the counter, and what to do next. */
const HELP: Record<string, { en: string; es: string }> = {
  '01': {
    en: 'The BIN does not match this member’s processor. Check the card and the routing below.',
    es: 'El BIN no corresponde al procesador del afiliado. Revise la tarjeta.',
  },
  '04': {
    en: 'The PCN does not match. Use the PCN shown below and resubmit.',
    es: 'El PCN no coincide. Use el PCN indicado y vuelva a enviar.',
  },
  '06': {
    en: 'The group ID does not match. Use the group shown below and resubmit.',
    es: 'El grupo no coincide. Use el grupo indicado y vuelva a enviar.',
  },
  '09': {
    en: 'The date of birth does not match the member on file. Check it with the patient.',
    es: 'La fecha de nacimiento no coincide. Confírmela con el paciente.',
  },
  '41': {
    en: 'Another processor pays for this member’s prescriptions. Resubmit the claim to it with the BIN, PCN and group below.',
    es: 'Otro procesador paga las recetas de este afiliado. Vuelva a enviar con el BIN, PCN y grupo indicados.',
  },
  '22': {
    en: 'The plan covers the generic of this brand and the claim allows substitution (DAW 0). Dispense the generic; if the prescriber requires the brand, send DAW 1 (the plan may need a brand-medically-necessary exception).',
    es: 'El plan cubre el genérico de esta marca y la reclamación permite sustituir (DAW 0). Surta el genérico; si el médico exige la marca, envíe DAW 1 (el plan puede pedir una excepción de marca médicamente necesaria).',
  },
  '52': {
    en: 'No member has this cardholder ID. Check the card or search for the patient.',
    es: 'Ningún afiliado tiene este número. Revise la tarjeta o busque al paciente.',
  },
  '54': {
    en: 'The NDC is not in the drug catalog. Check the package NDC (11 digits).',
    es: 'El NDC no está en el catálogo. Revise el NDC del envase (11 dígitos).',
  },
  '60': {
    en: 'The drug is not covered at this patient’s age. The prescriber may request an exception.',
    es: 'El medicamento no está cubierto para la edad del paciente. El médico puede pedir una excepción.',
  },
  '61': {
    en: 'The drug is not covered for this patient’s sex. The prescriber may request an exception.',
    es: 'El medicamento no está cubierto para el sexo del paciente.',
  },
  '65': {
    en: 'The patient was not covered on the date of service.',
    es: 'El paciente no tenía cobertura en la fecha de servicio.',
  },
  '70': {
    en: 'The plan does not cover this product. Offer a covered alternative or ask the prescriber for a formulary exception.',
    es: 'El plan no cubre este producto. Ofrezca una alternativa cubierta o pida una excepción al médico.',
  },
  '75': {
    en: 'Prior authorization is needed. Tell the prescriber; the claim pays once the plan approves it.',
    es: 'Se necesita autorización previa. Avise al médico; la reclamación se paga cuando el plan la apruebe.',
  },
  '76': {
    en: 'The quantity is over the plan’s limit. Reduce it to the limit below, or the prescriber may request an exception.',
    es: 'La cantidad supera el límite del plan. Redúzcala o el médico puede pedir una excepción.',
  },
  '79': {
    en: 'Too soon to refill. It can be filled on the date below.',
    es: 'Es muy pronto para surtir. Se puede surtir en la fecha indicada.',
  },
  '87': { en: 'The reversal was not processed.', es: 'La reversión no se procesó.' },
  '608': {
    en: 'A prerequisite drug must be tried first (step therapy). The prescriber may request a step-therapy exception.',
    es: 'Primero debe probarse otro medicamento (terapia escalonada). El médico puede pedir una excepción.',
  },
};

export function rejectHelp(code: string, lang: Lang): string | null {
  return HELP[code]?.[lang] ?? null;
}

const HOW: Record<string, { en: string; es: string }> = {
  epa: {
    en: 'electronic PA (ePA) from the prescriber’s system',
    es: 'Autorización previa electrónica (ePA) desde el sistema del médico',
  },
  portal: { en: 'the OpenPBM prescriber portal', es: 'el portal de médicos de OpenPBM' },
  fax: { en: 'fax', es: 'fax' },
  phone: { en: 'phone', es: 'teléfono' },
};

export function howToRequestLabel(way: string, lang: Lang): string {
  return HOW[way]?.[lang] ?? way;
}
