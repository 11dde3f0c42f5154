import { Link } from '../app/router';
import type { ApiError } from '../api/client';
import { fill, useLang, useText } from '../i18n/i18n';
import { Notice } from './components';
import { formatDate, statusLabel } from './format';

const TEXT = {
  en: {
    open: 'A request for this drug is already open ({status}). No second request was started; continue the existing one.',
    appeal:
      'The decision on an earlier request for this drug is under appeal. No second request was started; the appeal decides it.',
    approved:
      'Authorization {number} already covers this drug through {to}. No new request was started; the pharmacy can run the prescription.',
    renewFrom: 'A renewal can be sent from {date}.',
    see: 'Open request {id}',
    ref: 'Request {id}',
  },
  es: {
    open: 'Ya hay una solicitud abierta para este medicamento ({status}). No se inició otra; continúe la existente.',
    appeal:
      'La decisión de una solicitud anterior para este medicamento está en apelación. No se inició otra; la apelación lo decide.',
    approved:
      'La autorización {number} ya cubre este medicamento hasta el {to}. No se inició otra solicitud; la farmacia puede procesar la receta.',
    renewFrom: 'Se puede enviar una renovación a partir del {date}.',
    see: 'Abrir la solicitud {id}',
    ref: 'Solicitud {id}',
  },
};

/** True when the API refused a second request for the same drug (docs/design.md#prior-authorization). */
export const isExistingRequest = (error: ApiError | null | undefined) =>
  error?.code === 'REQUEST_ALREADY_OPEN' || error?.code === 'ACTIVE_AUTHORIZATION_EXISTS';

/**
 * The answer to "start a request" when one already exists for the drug: a warning that says which,
 * with a link to the existing case (`caseHref`, when the caller may open cases) instead of an error.
 */
export function ExistingRequestNotice({ error, caseHref }: { error: ApiError; caseHref?: (id: string) => string }) {
  const t = useText(TEXT);
  const { lang } = useLang();
  const p = error.problem as {
    paRequestId?: string | null;
    /** The existing case's status (`status` is the HTTP status of the problem). */
    caseStatus?: string;
    underAppeal?: boolean;
    authorizationNumber?: string;
    effectiveTo?: string;
    renewalOpensOn?: string;
  };
  const text =
    error.code === 'ACTIVE_AUTHORIZATION_EXISTS'
      ? fill(t.approved, { number: p.authorizationNumber ?? '', to: formatDate(p.effectiveTo, lang) }) +
        (p.renewalOpensOn ? ` ${fill(t.renewFrom, { date: formatDate(p.renewalOpensOn, lang) })}` : '')
      : p.underAppeal
        ? t.appeal
        : fill(t.open, { status: statusLabel(p.caseStatus ?? '', lang) });
  const id = p.paRequestId;
  return (
    <Notice tone="warning">
      {text} {id && caseHref ? <Link to={caseHref(id)}>{fill(t.see, { id })}</Link> : id ? fill(t.ref, { id }) : null}
    </Notice>
  );
}
