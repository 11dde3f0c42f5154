import { useState } from 'react';
import { api } from '../../api/client';
import { useText } from '../../i18n/i18n';
import { ErrorBanner, Field } from '../../ui/components';
import { useAction } from '../../ui/use-api';

const TEXT = {
  en: {
    withdraw: 'Withdraw this request',
    reason: 'Reason (optional)',
    confirm: 'Yes, withdraw it',
    keep: 'Keep the request',
    withdrawing: 'Withdrawing…',
    warning: 'A withdrawn request stops. To ask again you must start a new request.',
  },
  es: {
    withdraw: 'Retirar esta solicitud',
    reason: 'Motivo (opcional)',
    confirm: 'Sí, retirarla',
    keep: 'Conservar la solicitud',
    withdrawing: 'Retirando…',
    warning: 'Una solicitud retirada se detiene. Para volver a pedirla debe iniciar una nueva solicitud.',
  },
};

/** Withdraw an open request (POST /pa-requests/{id}/cancel), after a confirmation step. */
export function WithdrawRequest({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const t = useText(TEXT);
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const cancel = useAction(async () => {
    await api.post(`/pa-requests/${encodeURIComponent(caseId)}/cancel`, reason.trim() ? { reason: reason.trim() } : {});
    onDone();
  });
  if (!asking) {
    return (
      <button type="button" className="danger" onClick={() => setAsking(true)}>
        {t.withdraw}
      </button>
    );
  }
  return (
    <div className="card" role="group" aria-label={t.withdraw}>
      <p>{t.warning}</p>
      <Field label={t.reason}>
        {(p) => <textarea {...p} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={2000} />}
      </Field>
      <ErrorBanner error={cancel.error} />
      <div className="row">
        <button type="button" className="danger" disabled={cancel.busy} onClick={() => void cancel.run()}>
          {cancel.busy ? t.withdrawing : t.confirm}
        </button>
        <button type="button" onClick={() => setAsking(false)}>
          {t.keep}
        </button>
      </div>
    </div>
  );
}
