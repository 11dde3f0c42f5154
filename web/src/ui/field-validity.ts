import type { Lang } from '../i18n/i18n';
import { fill } from '../i18n/i18n';

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

const WORDS = {
  en: {
    missing: 'Fill in this field.',
    choose: 'Choose one.',
    check: 'Check this box to go on.',
    tooShort: 'Type at least {n} characters.',
    tooLong: 'Type at most {n} characters.',
    pattern: 'This is not in the form asked for.',
    email: 'Type an e-mail address, like name@example.com.',
    url: 'Type a web address that starts with https://.',
    low: 'Type {n} or more.',
    high: 'Type {n} or less.',
    step: 'Type a whole number.',
    number: 'Type a number.',
    date: 'Type a whole date.',
    other: 'Check this field.',
  },
  es: {
    missing: 'Complete este campo.',
    choose: 'Elija una opción.',
    check: 'Marque esta casilla para continuar.',
    tooShort: 'Escriba al menos {n} caracteres.',
    tooLong: 'Escriba como máximo {n} caracteres.',
    pattern: 'No tiene el formato pedido.',
    email: 'Escriba un correo electrónico, como nombre@ejemplo.com.',
    url: 'Escriba una dirección web que empiece con https://.',
    low: 'Escriba {n} o más.',
    high: 'Escriba {n} o menos.',
    step: 'Escriba un número entero.',
    number: 'Escriba un número.',
    date: 'Escriba la fecha completa.',
    other: 'Revise este campo.',
  },
};

/**
 * The portals' own words for what the browser's constraint check found wrong with a field
 * (docs/design.md#forms-and-answers): in the portal's language, not the browser's bubble. A field may say what
 * its pattern means with `data-format` (already in the portal's language).
 */
export function validityMessage(el: Control, lang: Lang): string | null {
  const v = el.validity;
  if (v.valid) return null;
  const w = WORDS[lang];
  const type = el instanceof HTMLInputElement ? el.type : el instanceof HTMLSelectElement ? 'select' : 'textarea';
  if (v.badInput) return type === 'date' ? w.date : w.number;
  if (v.valueMissing)
    return type === 'select' || type === 'radio' ? w.choose : type === 'checkbox' ? w.check : w.missing;
  if (v.typeMismatch) return type === 'email' ? w.email : type === 'url' ? w.url : w.other;
  if (v.tooShort) return fill(w.tooShort, { n: (el as HTMLInputElement).minLength });
  if (v.tooLong) return fill(w.tooLong, { n: (el as HTMLInputElement).maxLength });
  if (v.patternMismatch) return el.dataset.format ?? w.pattern;
  if (v.rangeUnderflow) return fill(w.low, { n: (el as HTMLInputElement).min });
  if (v.rangeOverflow) return fill(w.high, { n: (el as HTMLInputElement).max });
  if (v.stepMismatch) return w.step;
  if (v.customError) return el.validationMessage;
  return w.other;
}

let focusQueued = false;

/**
 * Installed once at start-up: a field inside one of our <Field>s (`data-validates`) that fails the
 * browser's check shows our message in the field, tied to it with aria-describedby, instead of the
 * browser's bubble. Cancelling the `invalid` event hides the bubble (the form is still not
 * submitted — HTML's interactive validation); the first invalid field gets focus, as the bubble
 * would have given it. Fields outside a <Field> keep the browser's own behaviour.
 */
export function installFieldValidation(doc: Document = document) {
  doc.addEventListener(
    'invalid',
    (e) => {
      const el = e.target as HTMLElement;
      if (!el.closest?.('[data-validates]')) return;
      e.preventDefault();
      if (!focusQueued) {
        focusQueued = true;
        el.focus();
        setTimeout(() => (focusQueued = false), 0);
      }
    },
    true,
  );
}
