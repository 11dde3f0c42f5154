import { useState } from 'react';
import { api } from '../../api/client';
import { Link } from '../../app/router';
import { fill, useLang, useText } from '../../i18n/i18n';
import { ErrorBanner, Notice } from '../../ui/components';
import { useAction } from '../../ui/use-api';
import type { ClaimSummary, RequestView } from '../../api/types';
import { ExistingRequestNotice, isExistingRequest } from '../../ui/existing-request';
import { EXCEPTION_KIND_NAMES, isExceptionKind, type ExceptionKind } from '../../../../src/shared/exception-kinds';

const TEXT = {
  en: {
    pa: 'Prior authorization',
    ask: 'Ask the plan for this: {kind}',
    asking: 'Sending…',
    partD:
      'As a Medicare Part D member you can ask the plan yourself. We tell your prescriber, who sends the plan a statement that you need this drug; the plan decides within 72 hours after it arrives (24 hours if your health could be seriously harmed by waiting).',
    prescriber:
      'Ask your prescriber to request this from the plan: {kind}. On your plan the prescriber sends the request.',
    started: 'Request {id} is open. We told your prescriber, who must send the plan a supporting statement.',
    follow: 'Follow request {id}',
  },
  es: {
    pa: 'Autorización previa',
    ask: 'Pedir esto al plan: {kind}',
    asking: 'Enviando…',
    partD:
      'Como afiliado de Medicare Parte D, usted mismo puede pedirlo al plan. Avisamos a su médico, que envía al plan una declaración de que necesita este medicamento; el plan decide en 72 horas desde que llega (24 horas si esperar pudiera dañar gravemente su salud).',
    prescriber: 'Pida a su médico que solicite esto al plan: {kind}. En su plan, el médico envía la solicitud.',
    started: 'La solicitud {id} está abierta. Avisamos a su médico, que debe enviar al plan una declaración de apoyo.',
    follow: 'Ver la solicitud {id}',
  },
};

/** The request a rejected claim points to: the exception its next steps name, or PA on a 75. */
export function requestKindOf(
  c: Pick<ClaimSummary, 'rejects' | 'nextSteps'>,
): ExceptionKind | 'prior-authorization' | null {
  const kind = c.nextSteps?.exception?.kind;
  if (isExceptionKind(kind)) return kind;
  return c.rejects.some((r) => r.code === '75') && c.nextSteps?.priorAuthorization ? 'prior-authorization' : null;
}

/**
 * The member's "request" button on a rejected claim (docs/design.md#exceptions). A Medicare Part D
 * enrollee may request a coverage determination, exceptions included, themselves (42 CFR
 * 423.566(c), 423.578(a)): the button opens the case on the kind's question set, naming the
 * claim's prescriber, who is told to answer it. On other lines the prescriber asks, so the member
 * is told which request to ask the prescriber for.
 */
export function RequestException({ claim, lineOfBusiness }: { claim: ClaimSummary; lineOfBusiness: string }) {
  const t = useText(TEXT);
  const { lang } = useLang();
  const kind = requestKindOf(claim);
  const [started, setStarted] = useState<RequestView | null>(null);
  const action = useAction(() =>
    api.post<RequestView>('/pa-requests', {
      memberId: claim.memberId,
      prescriberNpi: claim.prescriberNpi,
      productId: claim.productId,
      quantity: claim.quantity,
      daysSupply: claim.daysSupply,
      urgency: 'standard',
      channel: 'portal',
      ...(kind && kind !== 'prior-authorization' ? { kind } : {}),
    }),
  );
  if (!kind) return null;
  const name = kind === 'prior-authorization' ? t.pa : EXCEPTION_KIND_NAMES[kind][lang];
  if (lineOfBusiness !== 'medicare-d' || !claim.prescriberNpi || !claim.memberId)
    return <Notice>{fill(t.prescriber, { kind: name })}</Notice>;
  if (started)
    return (
      <Notice tone="success">
        {fill(t.started, { id: started.id })}{' '}
        <Link to={`/member/prior-authorizations/${encodeURIComponent(started.id)}`}>
          {fill(t.follow, { id: started.id })}
        </Link>
      </Notice>
    );
  return (
    <div className="member-request">
      <p className="muted">{t.partD}</p>
      {action.error && isExistingRequest(action.error) ? (
        <ExistingRequestNotice
          error={action.error}
          caseHref={(id) => `/member/prior-authorizations/${encodeURIComponent(id)}`}
        />
      ) : (
        <ErrorBanner error={action.error} />
      )}
      <button
        type="button"
        className="primary"
        disabled={action.busy}
        onClick={() => void action.run().then((r) => r && setStarted(r))}
      >
        {action.busy ? t.asking : fill(t.ask, { kind: name })}
      </button>
    </div>
  );
}
