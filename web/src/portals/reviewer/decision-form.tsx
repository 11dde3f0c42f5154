import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { tierLabel } from '../../ui/plain-words';
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
    tier: 'Tier the drug is paid at',
    tierHint: 'The exception pays the drug at this tier’s cost sharing.',
    tierDefault: 'The plan’s usual tier for exceptions',
    effectiveToHint: 'Leave empty for the plan’s usual period.',
    needPartial: 'Give a lower quantity or an end date.',
    note: 'Internal note (optional)',
    submit: 'Record decision',
    saving: 'Recording…',
    pick: 'Choose a decision.',
    confirmTitle: 'Check what the member and prescriber will read',
    confirmLead: 'The letter gives these reasons, word for word:',
    confirmQuantity: 'Approved quantity: {q}.',
    confirmTo: 'Authorization ends on {d}.',
    confirmDeny: 'Confirm: deny the request',
    confirmPartial: 'Confirm: approve in part',
    confirmUphold: 'Confirm: uphold the denial',
    confirmPartialAppeal: 'Confirm: overturn in part',
    edit: 'Go back and edit',
    assignFirst: 'Assign the case to yourself before you deny it or approve it in part.',
    roleMayNot: 'On this plan only {roles} reviewers may deny or approve in part.',
    physician: 'physician',
    pharmacist: 'pharmacist',
    wordingTitle: 'What the member reads for each criterion not met',
    wordingHint:
      'Started from the criteria set’s wording; edit it for this member (both languages: the letter is sent in the member’s).',
    english: 'English',
    spanish: 'Spanish',
    needWording: 'Write this reason in English and in Spanish.',
    memberReads: 'The member’s letter ({language}) gives these reasons:',
    reviewerWords: 'Then your reasons, as you wrote them:',
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
    tier: 'Nivel al que se paga el medicamento',
    tierHint: 'La excepción paga el medicamento con el costo compartido de este nivel.',
    tierDefault: 'El nivel habitual del plan para excepciones',
    effectiveToHint: 'Déjelo vacío para el periodo habitual del plan.',
    needPartial: 'Indique una cantidad menor o una fecha de fin.',
    note: 'Nota interna (opcional)',
    submit: 'Registrar decisión',
    saving: 'Registrando…',
    pick: 'Elija una decisión.',
    confirmTitle: 'Revise lo que leerán el afiliado y el recetador',
    confirmLead: 'La carta da estos motivos, palabra por palabra:',
    confirmQuantity: 'Cantidad aprobada: {q}.',
    confirmTo: 'La autorización termina el {d}.',
    confirmDeny: 'Confirmar: denegar la solicitud',
    confirmPartial: 'Confirmar: aprobar en parte',
    confirmUphold: 'Confirmar: mantener la denegación',
    confirmPartialAppeal: 'Confirmar: revocar en parte',
    edit: 'Volver y corregir',
    assignFirst: 'Asígnese el caso antes de denegarlo o aprobarlo en parte.',
    roleMayNot: 'En este plan solo los revisores {roles} pueden denegar o aprobar en parte.',
    physician: 'médicos',
    pharmacist: 'farmacéuticos',
    wordingTitle: 'Lo que lee el afiliado por cada criterio no cumplido',
    wordingHint:
      'Parte del texto del conjunto de criterios; edítelo para este afiliado (en los dos idiomas: la carta va en el del afiliado).',
    english: 'Inglés',
    spanish: 'Español',
    needWording: 'Escriba este motivo en inglés y en español.',
    memberReads: 'La carta del afiliado ({language}) da estos motivos:',
    reviewerWords: 'Después, sus motivos tal como los escribió:',
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
  approvedTier?: string;
  note?: string;
  /** Denials: the edited wording of each criterion not met, as the letters give it. */
  denialLanguage?: Record<string, Wording>;
}

interface Wording {
  en: string;
  es: string;
}

/** A criterion not met and the criteria set's ready denial wording for it (the template the reviewer edits). */
export interface DenialTemplate extends Wording {
  ruleId: string;
  ruleText: string;
}

const ADVERSE: readonly string[] = ['denied', 'partially-approved', 'upheld', 'partially-overturned'];

export function DecisionForm({
  kind,
  requestedQuantity,
  onSubmit,
  onDone,
  assignedToMe = true,
  adverseRoles,
  myRole,
  tierChoices = [],
  denialTemplates = [],
  memberLanguage = 'en',
}: {
  kind: 'case' | 'appeal';
  requestedQuantity: number | null;
  /** Cases: a denial needs the case assigned to the decider (the server refuses it otherwise). */
  assignedToMe?: boolean;
  /** Cases: the reviewer roles the plan lets deny; absent → no limit shown. */
  adverseRoles?: string[];
  myRole?: string;
  /** Formulary and tiering exceptions: the tiers an approval may name; empty → no tier asked. */
  tierChoices?: string[];
  /** Cases: the criteria not met with the set's wording; a denial starts from it (docs/design.md#reviewer-screen). */
  denialTemplates?: DenialTemplate[];
  /** The language of the member's letter. */
  memberLanguage?: 'en' | 'es';
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
  const [tier, setTier] = useState('');
  const [wording, setWording] = useState<Record<string, Wording>>(() =>
    Object.fromEntries(denialTemplates.map((d) => [d.ruleId, { en: d.en, es: d.es }])),
  );
  const [errors, setErrors] = useState<{
    decision?: string;
    reasons?: string;
    partial?: string;
    wording?: Record<string, string>;
  }>({});
  /** The body waiting for the reviewer's confirmation (adverse decisions only). */
  const [pending, setPending] = useState<DecisionBody | null>(null);
  const confirmRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (pending) confirmRef.current?.focus();
  }, [pending]);
  const roleName = (r: string) =>
    r === 'reviewer-physician' ? t.physician : r === 'reviewer-pharmacist' ? t.pharmacist : r;
  const mayNotDeny = adverseRoles && myRole && !adverseRoles.includes(myRole);
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
    const withWording = decision === 'denied' && denialTemplates.length > 0;
    if (withWording) {
      const blank = Object.entries(wording).filter(([, w]) => !w.en.trim() || !w.es.trim());
      if (blank.length) next.wording = Object.fromEntries(blank.map(([id]) => [id, t.needWording]));
    }
    if (kind === 'case' && ADVERSE.includes(decision)) {
      if (mayNotDeny) next.decision = fill(t.roleMayNot, { roles: adverseRoles.map(roleName).join(' / ') });
      else if (!assignedToMe) next.decision = t.assignFirst;
    }
    setErrors(next);
    if (Object.keys(next).length || !decision) return;
    const body: DecisionBody = {
      decision,
      reasons: lines,
      ...(partial && quantity ? { approvedQuantity: Number(quantity) } : {}),
      ...(partial && effectiveTo ? { effectiveTo } : {}),
      ...(tier && (decision === 'approved' || decision === 'partially-approved') ? { approvedTier: tier } : {}),
      ...(kind === 'case' && note.trim() ? { note: note.trim() } : {}),
      ...(withWording
        ? {
            denialLanguage: Object.fromEntries(
              Object.entries(wording).map(([id, w]) => [id, { en: w.en.trim(), es: w.es.trim() }]),
            ),
          }
        : {}),
    };
    // Anything short of a yes is confirmed first, showing the reasons exactly as the letter will.
    if (ADVERSE.includes(decision)) {
      setPending(body);
      return;
    }
    if (await action.run(body)) onDone(statusLabel(decision, lang));
  };

  if (pending) {
    const label =
      pending.decision === 'denied'
        ? t.confirmDeny
        : pending.decision === 'partially-approved'
          ? t.confirmPartial
          : pending.decision === 'upheld'
            ? t.confirmUphold
            : t.confirmPartialAppeal;
    return (
      <div
        className="confirm-decision"
        role="group"
        aria-labelledby={`${groupId}-confirm`}
        tabIndex={-1}
        ref={confirmRef}
      >
        <h4 id={`${groupId}-confirm`}>{t.confirmTitle}</h4>
        {pending.denialLanguage ? (
          <>
            <p>{fill(t.memberReads, { language: memberLanguage === 'es' ? t.spanish : t.english })}</p>
            <ul className="letter-reasons member-reasons" lang={memberLanguage}>
              {Object.entries(pending.denialLanguage).map(([id, w]) => (
                <li key={id}>{w[memberLanguage]}</li>
              ))}
            </ul>
            <p>{t.reviewerWords}</p>
          </>
        ) : (
          <p>{t.confirmLead}</p>
        )}
        <ul className="letter-reasons">
          {pending.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
        {pending.approvedQuantity !== undefined ? (
          <p>{fill(t.confirmQuantity, { q: pending.approvedQuantity })}</p>
        ) : null}
        {pending.effectiveTo ? <p>{fill(t.confirmTo, { d: pending.effectiveTo })}</p> : null}
        <ErrorBanner error={action.error} />
        <div className="row">
          <button
            type="button"
            className="danger"
            disabled={action.busy}
            onClick={async () => {
              if (await action.run(pending)) onDone(statusLabel(pending.decision, lang));
            }}
          >
            {action.busy ? t.saving : label}
          </button>
          <button type="button" disabled={action.busy} onClick={() => setPending(null)}>
            {t.edit}
          </button>
        </div>
      </div>
    );
  }

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
      {tierChoices.length && (decision === 'approved' || decision === 'partially-approved') ? (
        <Field label={t.tier} hint={t.tierHint}>
          {(p) => (
            <select {...p} value={tier} onChange={(e) => setTier(e.target.value)}>
              <option value="">{t.tierDefault}</option>
              {tierChoices.map((c) => (
                <option key={c} value={c}>
                  {tierLabel(c, lang)}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      {decision === 'denied' && denialTemplates.length ? (
        <fieldset className="denial-wording">
          <legend>{t.wordingTitle}</legend>
          <p className="muted">{t.wordingHint}</p>
          {denialTemplates.map((d) => (
            <div key={d.ruleId} className="denial-wording-rule" data-rule-id={d.ruleId}>
              {(['en', 'es'] as const).map((l) => (
                <Field
                  key={l}
                  label={`${l === 'en' ? t.english : t.spanish}: ${d.ruleText}`}
                  error={wording[d.ruleId]?.[l].trim() ? undefined : errors.wording?.[d.ruleId]}
                >
                  {(p) => (
                    <textarea
                      {...p}
                      lang={l}
                      rows={3}
                      value={wording[d.ruleId]?.[l] ?? ''}
                      onChange={(e) =>
                        setWording((w) => ({ ...w, [d.ruleId]: { ...w[d.ruleId], [l]: e.target.value } }))
                      }
                    />
                  )}
                </Field>
              ))}
            </div>
          ))}
        </fieldset>
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
