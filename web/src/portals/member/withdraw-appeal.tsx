import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { useText } from '../../i18n/i18n';
import { ErrorBanner, Field } from '../../ui/components';
import { useAction } from '../../ui/use-api';

const TEXT = {
  en: {
    withdraw: 'Withdraw my appeal',
    reason: 'Why are you withdrawing it?',
    confirm: 'Yes, withdraw my appeal',
    keep: 'Keep my appeal',
    busy: 'Withdrawing…',
    needReason: 'Tell us why, in a few words.',
    warning: 'The plan will stop reviewing your appeal. You can file again while the time to appeal is still open.',
  },
  es: {
    withdraw: 'Retirar mi apelación',
    reason: '¿Por qué la retira?',
    confirm: 'Sí, retirar mi apelación',
    keep: 'Mantener mi apelación',
    busy: 'Retirando…',
    needReason: 'Díganos por qué, en pocas palabras.',
    warning: 'El plan dejará de revisar su apelación. Puede apelar de nuevo mientras el plazo siga abierto.',
  },
};

/** POST /appeals/{id}/withdraw, after a confirmation step with the reason. */
export function WithdrawAppeal({ appealId, onWithdrawn }: { appealId: string; onWithdrawn: () => void }) {
  const t = useText(TEXT);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const action = useAction((why: string) =>
    api.post(`/appeals/${encodeURIComponent(appealId)}/withdraw`, { reason: why }),
  );
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t.withdraw}
      </button>
    );
  }
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) return setMissing(true);
    setMissing(false);
    if (await action.run(reason.trim())) onWithdrawn();
  };
  return (
    <form onSubmit={submit} noValidate>
      <p>{t.warning}</p>
      <Field label={t.reason} error={missing ? t.needReason : null}>
        {(p) => <textarea {...p} value={reason} maxLength={2000} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <ErrorBanner error={action.error} />
      <div className="row">
        <button type="submit" className="danger" disabled={action.busy}>
          {action.busy ? t.busy : t.confirm}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {t.keep}
        </button>
      </div>
    </form>
  );
}
