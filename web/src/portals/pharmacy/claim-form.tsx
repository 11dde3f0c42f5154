import type { FormEvent } from 'react';
import type { ApiError } from '../../api/client';
import { useText } from '../../i18n/i18n';
import { ErrorBanner, Field } from '../../ui/components';
import type { ClaimDraft } from './claim-draft';
import { useDrugName } from '../../ui/drug-name-view';

const TEXT = {
  en: {
    card: 'Member card',
    rx: 'Prescription',
    cost: 'Charges',
    bin: 'BIN',
    pcn: 'PCN',
    group: 'Group ID',
    cardholder: 'Member ID (cardholder ID)',
    dob: 'Patient date of birth',
    rxNumber: 'Prescription number',
    fill: 'Fill number',
    fillHint: '0 for a new prescription, 1 for the first refill…',
    dos: 'Date of service',
    prescriber: 'Prescriber NPI',
    ndc: 'Product NDC',
    ndcHint: 'With or without dashes (a 10-digit NDC with its dashes). Or find it with the drug search above.',
    ndcFormat: 'Type the NDC as 11 digits, or with its dashes: 4-4-2, 5-3-2, 5-4-1 or 5-4-2.',
    qty: 'Quantity dispensed',
    days: 'Days supply',
    daw: 'DAW code',
    dawHint: '0 = no product selection indicated',
    pa: 'Prior authorization number (optional)',
    emergency: 'Emergency supply (level of service 03)',
    ingredient: 'Submitted ingredient cost ($)',
    uc: 'Usual and customary charge ($)',
    submit: 'Submit claim',
    submitting: 'Submitting…',
  },
  es: {
    card: 'Tarjeta del afiliado',
    rx: 'Receta',
    cost: 'Cargos',
    bin: 'BIN',
    pcn: 'PCN',
    group: 'Grupo',
    cardholder: 'Número de afiliado',
    dob: 'Fecha de nacimiento del paciente',
    rxNumber: 'Número de receta',
    fill: 'Número de surtido',
    fillHint: '0 para receta nueva, 1 para el primer resurtido…',
    dos: 'Fecha de servicio',
    prescriber: 'NPI del médico',
    ndc: 'NDC del producto',
    ndcHint: 'Con o sin guiones (un NDC de 10 dígitos, con sus guiones). O búsquelo arriba.',
    ndcFormat: 'Escriba el NDC con 11 dígitos, o con sus guiones: 4-4-2, 5-3-2, 5-4-1 o 5-4-2.',
    qty: 'Cantidad surtida',
    days: 'Días de suministro',
    daw: 'Código DAW',
    dawHint: '0 = sin selección de producto',
    pa: 'Número de autorización previa (opcional)',
    emergency: 'Suministro de emergencia (nivel de servicio 03)',
    ingredient: 'Costo del ingrediente ($)',
    uc: 'Precio habitual ($)',
    submit: 'Enviar reclamación',
    submitting: 'Enviando…',
  },
};

/** The server's message for one field, when the API named it (400 problem+json `errors`). */
function fieldError(error: ApiError | null, ...names: string[]): string | null {
  const found = (error?.problem.errors ?? []).find((e) =>
    names.includes((e.path ?? '').replace(/^\//, '').replace(/\//g, '.')),
  );
  return found?.message ?? null;
}

const NDC_PATTERN =
  '\\s*(\\d{11}|\\d{5}-\\d{4}-\\d{2}|\\d{4}-\\d{4}-\\d{2}|\\d{5}-\\d{3}-\\d{2}|\\d{5}-\\d{4}-\\d)\\s*';

type TextKey = { [K in keyof ClaimDraft]: ClaimDraft[K] extends string ? K : never }[keyof ClaimDraft];

/** B1 claim entry: the card, the prescription and the charges, as NCPDP asks for them. */
export function ClaimForm({
  draft,
  onChange,
  onSubmit,
  busy,
  error,
}: {
  draft: ClaimDraft;
  onChange: (d: ClaimDraft) => void;
  onSubmit: () => void;
  busy: boolean;
  error: ApiError | null;
}) {
  const t = useText(TEXT);
  const dn = useDrugName();
  const input = (
    key: TextKey,
    label: string,
    extra: { hint?: string; api?: string[]; attrs?: Record<string, unknown> } = {},
  ) => (
    <Field label={label} hint={extra.hint} error={fieldError(error, key, ...(extra.api ?? []))}>
      {(p) => (
        <input
          {...p}
          {...extra.attrs}
          value={draft[key]}
          onChange={(e) => onChange({ ...draft, [key]: e.target.value })}
        />
      )}
    </Field>
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <form onSubmit={submit}>
      <fieldset>
        <legend>{t.card}</legend>
        <div className="row">
          {input('cardholderId', t.cardholder, { attrs: { required: true, maxLength: 20, autoComplete: 'off' } })}
          {input('dateOfBirth', t.dob, { api: ['patient.dateOfBirth'], attrs: { type: 'date', required: true } })}
          {input('bin', t.bin, {
            attrs: { required: true, inputMode: 'numeric', pattern: '\\d{6}', maxLength: 6, size: 8 },
          })}
          {input('pcn', t.pcn, { attrs: { maxLength: 10, size: 10 } })}
          {input('groupId', t.group, { attrs: { maxLength: 15, size: 12 } })}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t.rx}</legend>
        <div className="row">
          {input('prescriptionNumber', t.rxNumber, {
            attrs: { required: true, maxLength: 12, pattern: '[A-Za-z0-9\\-]+', autoComplete: 'off' },
          })}
          {input('fillNumber', t.fill, {
            hint: t.fillHint,
            attrs: { type: 'number', required: true, min: 0, max: 99 },
          })}
          {input('dateOfService', t.dos, { attrs: { type: 'date', required: true } })}
          {input('prescriberNpi', t.prescriber, {
            attrs: { required: true, inputMode: 'numeric', pattern: '\\d{10}', maxLength: 10 },
          })}
        </div>
        <div className="row">
          {input('productId', t.ndc, {
            hint: draft.drugName ? dn(draft.drugName) : t.ndcHint,
            // The 11-digit form, or a hyphenated 10- or 11-digit one (claim-draft.ts normalizes it).
            attrs: { required: true, pattern: NDC_PATTERN, maxLength: 13, 'data-format': t.ndcFormat },
          })}
          {input('quantityDispensed', t.qty, { attrs: { type: 'number', required: true, min: 0.001, step: 'any' } })}
          {input('daysSupply', t.days, { attrs: { type: 'number', required: true, min: 1, max: 365 } })}
          <Field label={t.daw} hint={t.dawHint} error={fieldError(error, 'dawCode')}>
            {(p) => (
              <select {...p} value={draft.dawCode} onChange={(e) => onChange({ ...draft, dawCode: e.target.value })}>
                {['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'].map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {input('priorAuthorizationNumber', t.pa, { attrs: { maxLength: 20, autoComplete: 'off' } })}
        </div>
        <label className="choice">
          <input
            type="checkbox"
            checked={draft.emergencySupply}
            onChange={(e) => onChange({ ...draft, emergencySupply: e.target.checked })}
          />
          {t.emergency}
        </label>
      </fieldset>
      <fieldset>
        <legend>{t.cost}</legend>
        <div className="row">
          {input('submittedIngredientCost', t.ingredient, {
            attrs: { required: true, inputMode: 'decimal', pattern: '\\d+(\\.\\d{1,2})?' },
          })}
          {input('usualAndCustomaryCharge', t.uc, {
            attrs: { required: true, inputMode: 'decimal', pattern: '\\d+(\\.\\d{1,2})?' },
          })}
        </div>
      </fieldset>
      <ErrorBanner error={error} />
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t.submitting : t.submit}
      </button>
    </form>
  );
}
