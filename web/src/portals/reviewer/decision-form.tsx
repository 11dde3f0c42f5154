import { useId, useState, type FormEvent } from 'react';
import { fill, useLang, useText } from '../../i18n/i18n';
import { ErrorBanner, Field } from '../../ui/components';
import { statusLabel } from '../../ui/format';
import { useAction } from '../../ui/use-api';
import { reasonLines } from './text-helpers';

/**
 * A clinician's decision on a case (approve / partly approve / deny) or an appeal (overturn /
 * partly overturn / uphold). Anything short of a full yes needs reasons, one per line; a partial
 * one gives a lower quantity and/or an earlier end date.
 */
const TEXT = {
  en: {
    decision: 'Decision',
    approved: 'Approve',
    'partially-approved': 'Partially approve',
    denied: 'Deny',
    overturned: 'Overturn (approve)',
    'partially-overturned': 'Partially overturn',
    upheld: 'Uphold the denial',
    reasons: 'Reasons',
    reasonsHint: 'One reason per line, in plain language: they go into the letter to the member and prescriber.',
    reasonsOptional: 'Optional for an approval. One reason per line.',
    needReasons: 'Give at least one reason.',
    quantity: 'Approved quantity',
    quantityHint: 'At most the requested {q}.',
    effectiveTo: 'Authorization ends on',
    effectiveToHint: 'Leave empty for the plan’s usual period.',
    needPartial: 'Give a lower quantity or an end date.',
    note: 'Internal note (optional)',
    submit: 'Record decision',
    saving: 'Recording…',
    pick: 'Choose a decision.',
  },
  es: {
    decision: 'Decisión',
    approved: 'Aprobar',
    'partially-approved': 'Aprobar en parte',
    denied: 'Denegar',
    overturned: 'Revocar (aprobar)',
    'partially-overturned': 'Revocar en parte',
    upheld: 'Confirmar la denegación',
    reasons: 'Motivos',
    reasonsHint: 'Un motivo por línea, en lenguaje sencillo: van en la carta al afiliado y al recetador.',
    reasonsOptional: 'Opcional para una aprobación. Un motivo por línea.',
    needReasons: 'Dé al menos un motivo.',
    quantity: 'Cantidad aprobada',
    quantityHint: 'Como máximo la solicitada ({q}).',
    effectiveTo: 'La autorización termina el',
    effectiveToHint: 'Déjelo vacío para el periodo habitual del plan.',
    needPartial: 'Indique una cantidad menor o una fecha de fin.',
    note: 'Nota interna (opcional)',
    submit: 'Registrar decisión',
    saving: 'Registrando…',
    pick: 'Elija una decisión.',
  },
};

const CHOICES = {
  case: ['approved', 'partially-approved', 'denied'],
  appeal: ['overturned', 'partially-overturned', 'upheld'],
} as const;

type Choice = (typeof CHOICES)[keyof typeof CHOICES][number];

export interface DecisionBody {
  decision: string;
  reasons: string[];
  approvedQuantity?: number;
  effectiveTo?: string;
  note?: string;
}

export function DecisionForm({
  kind,
  requestedQuantity,
  onSubmit,
  onDone,
}: {
  kind: 'case' | 'appeal';
  requestedQuantity: number | null;
  onSubmit: (body: DecisionBody) => Promise<unknown>;
  onDone: (decisionLabel: string) => void;
}) {
  const t = useText(TEXT);
  const { lang } = useLang();
  const groupId = useId();
  const [decision, setDecision] = useState<Choice | ''>('');
  const [reasons, setReasons] = useState('');
  const [quantity, setQuantity] = useState('');
  const [effectiveTo, setEffectiveTo] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ decision?: string; reasons?: string; partial?: string }>({});
  const action = useAction(onSubmit);
  const full = decision === 'approved' || decision === 'overturned';
  const partial = decision === 'partially-approved' || decision === 'partially-overturned';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const lines = reasonLines(reasons);
    const next: typeof errors = {};
    if (!decision) next.decision = t.pick;
    if (decision && !full && lines.length === 0) next.reasons = t.needReasons;
    if (partial && !quantity && !effectiveTo) next.partial = t.needPartial;
    setErrors(next);
    if (Object.keys(next).length || !decision) return;
    const body: DecisionBody = {
      decision,
      reasons: lines,
      ...(partial && quantity ? { approvedQuantity: Number(quantity) } : {}),
      ...(partial && effectiveTo ? { effectiveTo } : {}),
      ...(kind === 'case' && note.trim() ? { note: note.trim() } : {}),
    };
    if (await action.run(body)) onDone(statusLabel(decision, lang));
  };

  return (
    <form onSubmit={submit} noValidate>
      <fieldset aria-describedby={errors.decision ? `${groupId}-err` : undefined}>
        <legend>{t.decision}</legend>
        {CHOICES[kind].map((c) => (
          <label key={c} className="choice">
            <input
              type="radio"
              name={`${groupId}-decision`}
              value={c}
              checked={decision === c}
              onChange={() => setDecision(c)}
            />
            {t[c]}
          </label>
        ))}
        {errors.decision ? (
          <p className="field-error" id={`${groupId}-err`}>
            {errors.decision}
          </p>
        ) : null}
      </fieldset>
      {partial ? (
        <div className="row">
          <Field
            label={t.quantity}
            hint={requestedQuantity != null ? fill(t.quantityHint, { q: requestedQuantity }) : undefined}
            error={errors.partial}
          >
            {(p) => (
              <input
                {...p}
                type="number"
                min="0"
                step="any"
                inputMode="decimal"
                value={quantity}
                onChange={(e) => setQuantity(e.target.value)}
              />
            )}
          </Field>
          <Field label={t.effectiveTo} hint={t.effectiveToHint}>
            {(p) => <input {...p} type="date" value={effectiveTo} onChange={(e) => setEffectiveTo(e.target.value)} />}
          </Field>
        </div>
      ) : null}
      <Field label={t.reasons} hint={full ? t.reasonsOptional : t.reasonsHint} error={errors.reasons}>
        {(p) => <textarea {...p} rows={4} value={reasons} onChange={(e) => setReasons(e.target.value)} />}
      </Field>
      {kind === 'case' ? (
        <Field label={t.note}>
          {(p) => <textarea {...p} value={note} onChange={(e) => setNote(e.target.value)} />}
        </Field>
      ) : null}
      <ErrorBanner error={action.error} />
      <button
        type="submit"
        className={decision === 'denied' || decision === 'upheld' ? 'danger' : 'primary'}
        disabled={action.busy}
      >
        {action.busy ? t.saving : t.submit}
      </button>
    </form>
  );
}
