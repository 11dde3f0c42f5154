import { useState } from 'react';
import { api } from '../../api/client';
import { useLang, useText } from '../../i18n/i18n';
import { ErrorBanner, Notice } from '../../ui/components';
import { useAction } from '../../ui/use-api';
import { serverWords } from '../../ui/problem-words';
import type { ReversalResponse } from '../../api/types';

const TEXT = {
  en: {
    reverse: 'Reverse this claim',
    confirm: 'Reverse claim {id}? The plan will pay nothing for it and the patient’s share is void.',
    yes: 'Yes, reverse it',
    no: 'Keep the claim',
    reversing: 'Reversing…',
    done: 'The claim was reversed.',
    refused: 'The reversal was refused',
  },
  es: {
    reverse: 'Revertir esta reclamación',
    confirm: '¿Revertir la reclamación {id}? El plan no pagará nada por ella.',
    yes: 'Sí, revertir',
    no: 'No revertir',
    reversing: 'Revirtiendo…',
    done: 'La reclamación se revirtió.',
    refused: 'La reversión fue rechazada',
  },
};

/** B2: void a paid claim (POST /claims/{id}/reversal) after a confirmation, and show the answer. */
export function ReverseClaim({ claimId, onReversed }: { claimId: string; onReversed?: (r: ReversalResponse) => void }) {
  const t = useText(TEXT);
  const { lang } = useLang();
  const [asking, setAsking] = useState(false);
  const [answer, setAnswer] = useState<ReversalResponse | null>(null);
  const action = useAction(() => api.post<ReversalResponse>(`/claims/${encodeURIComponent(claimId)}/reversal`));

  if (answer) {
    return answer.transactionStatus === 'A' ? (
      // The processor's message is English: Spanish screens say it in their own words (docs/design.md#portal-language).
      <Notice tone="success">{serverWords(answer.message, lang) ?? t.done}</Notice>
    ) : (
      <div className="banner banner-error" role="alert">
        {serverWords(answer.message, lang) ?? t.refused} (
        {answer.rejects.map((r) => [r.code, serverWords(r.description, lang)].filter(Boolean).join(' ')).join('; ')})
      </div>
    );
  }
  return (
    <div>
      {asking ? (
        <div className="banner banner-warning" role="group" aria-label={t.reverse}>
          <span>{t.confirm.replace('{id}', claimId)}</span>
          <div className="row">
            <button
              type="button"
              className="danger"
              disabled={action.busy}
              onClick={async () => {
                const r = await action.run();
                if (r) {
                  setAnswer(r);
                  onReversed?.(r);
                }
              }}
            >
              {action.busy ? t.reversing : t.yes}
            </button>
            <button type="button" onClick={() => setAsking(false)} disabled={action.busy}>
              {t.no}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" onClick={() => setAsking(true)}>
          {t.reverse}
        </button>
      )}
      <ErrorBanner error={action.error} />
    </div>
  );
}
