/**
 * Coverage exceptions (docs/design.md#exceptions): requested like prior authorization, each with
 * its own question set (a criteria set in the library), decided on the same lifecycle. The
 * server and the portals share this list, so a claim's next steps and the portals' "request"
 * button name the same kind and open the same question set.
 */
export const EXCEPTION_KINDS = [
  'formulary',
  'tiering',
  'quantity-limit',
  'step-therapy',
  'age-limit',
  'sex-limit',
  'brand-medically-necessary',
] as const;
export type ExceptionKind = (typeof EXCEPTION_KINDS)[number];

/** What a case asks for: prior authorization, or one kind of exception. */
export const CASE_KINDS = ['prior-authorization', ...EXCEPTION_KINDS] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

export function isExceptionKind(value: unknown): value is ExceptionKind {
  return typeof value === 'string' && (EXCEPTION_KINDS as readonly string[]).includes(value);
}

/** The criteria set (question set and rules) each kind is decided on. */
export const EXCEPTION_CRITERIA_ID: Record<ExceptionKind, string> = {
  formulary: 'formulary-exception',
  tiering: 'tiering-exception',
  'quantity-limit': 'quantity-limit-exception',
  'step-therapy': 'step-therapy-exception',
  'age-limit': 'age-limit-exception',
  'sex-limit': 'sex-limit-exception',
  'brand-medically-necessary': 'brand-medically-necessary',
};

/** Plain names for each kind, in the portals' two languages. */
export const EXCEPTION_KIND_NAMES: Record<ExceptionKind, { en: string; es: string }> = {
  formulary: { en: 'Formulary exception', es: 'Excepción al formulario' },
  tiering: { en: 'Tiering exception', es: 'Excepción de nivel de costo' },
  'quantity-limit': { en: 'Quantity-limit exception', es: 'Excepción al límite de cantidad' },
  'step-therapy': { en: 'Step-therapy exception', es: 'Excepción a la terapia escalonada' },
  'age-limit': { en: 'Age-limit exception', es: 'Excepción al límite de edad' },
  'sex-limit': { en: 'Sex-limit exception', es: 'Excepción al límite por sexo' },
  'brand-medically-necessary': {
    en: 'Brand medically necessary (DAW 1)',
    es: 'Marca médicamente necesaria (DAW 1)',
  },
};
