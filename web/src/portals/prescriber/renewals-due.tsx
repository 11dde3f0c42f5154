import { withQuery } from '../../api/client';
import { Link } from '../../app/router';
import { fill, useLang, useText } from '../../i18n/i18n';
import { Async, Section } from '../../ui/components';
import { formatDate } from '../../ui/format';
import { useApi } from '../../ui/use-api';
import { DrugName, useDrugName } from '../../ui/drug-name-view';
import { TableBox } from '../../ui/table-box';
import type { Items, RenewalDue } from '../../api/types';
import { NameWithId } from './member-name';

const TEXT = {
  en: {
    title: 'Renewals due',
    intro: 'Authorizations of your patients that end within the next 60 days. A renewal starts from the last request.',
    none: 'No authorization of your patients ends within the next 60 days.',
    drug: 'Drug',
    member: 'Patient',
    ends: 'Ends',
    left: 'Days left',
    action: 'Renewal',
    daysLeft: '{n} days',
    lastDay: 'Last day today',
    oneDay: '1 day',
    request: 'Request renewal',
    requestFor: 'Request renewal of {drug} for {member}',
    started: 'Renewal started',
    authorization: 'Authorization {number}',
  },
  es: {
    title: 'Renovaciones pendientes',
    intro:
      'Autorizaciones de sus pacientes que terminan en los próximos 60 días. La renovación parte de la última solicitud.',
    none: 'Ninguna autorización de sus pacientes termina en los próximos 60 días.',
    drug: 'Medicamento',
    member: 'Paciente',
    ends: 'Termina',
    left: 'Días restantes',
    action: 'Renovación',
    daysLeft: '{n} días',
    lastDay: 'Hoy es el último día',
    oneDay: '1 día',
    request: 'Solicitar renovación',
    requestFor: 'Solicitar renovación de {drug} para {member}',
    started: 'Renovación iniciada',
    authorization: 'Autorización {number}',
  },
};

/** Where "Request renewal" goes: the new-request form, prefilled from the request being renewed. */
export function renewalHref(r: RenewalDue): string {
  return withQuery('/prescriber/new', {
    memberId: r.memberId,
    rxcui: r.drug.rxcui,
    renewalOf: r.authorization.number,
    from: r.paRequestId,
    quantity: r.quantity,
    daysSupply: r.daysSupply,
    kind: r.kind === 'prior-authorization' ? null : r.kind,
  });
}

/**
 * The dashboard's renewal reminders (GET /renewals-due, docs/design.md#renewals): each
 * authorization ending inside its plan's window, soonest first, with the renewal to request or the
 * one already started.
 */
export function RenewalsDue() {
  const t = useText(TEXT);
  const { lang } = useLang();
  const drugName = useDrugName();
  const state = useApi<Items<RenewalDue>>('/renewals-due');
  const left = (n: number) => (n === 0 ? t.lastDay : n === 1 ? t.oneDay : fill(t.daysLeft, { n: String(n) }));
  return (
    <Section title={t.title}>
      <p className="muted">{t.intro}</p>
      <Async state={state} empty={t.none} isEmpty={(d) => d.items.length === 0}>
        {(d) => (
          <TableBox label={t.title}>
            {/* Cards on a phone (styles.css, stack-on-narrow): each cell names its column. */}
            <table className="stack-on-narrow">
              <thead>
                <tr>
                  <th scope="col">{t.drug}</th>
                  <th scope="col">{t.member}</th>
                  <th scope="col">{t.ends}</th>
                  <th scope="col">{t.left}</th>
                  <th scope="col">{t.action}</th>
                </tr>
              </thead>
              <tbody>
                {d.items.map((r) => (
                  <tr key={r.authorization.number}>
                    <td>
                      <DrugName name={r.drug.name} secondary={false} />
                      <br />
                      <Link to={`/prescriber/requests/${encodeURIComponent(r.paRequestId)}`} className="muted">
                        {fill(t.authorization, { number: r.authorization.number })}
                      </Link>
                    </td>
                    <td data-label={t.member}>
                      <NameWithId name={r.memberName} id={r.memberId} />
                    </td>
                    <td data-label={t.ends}>{formatDate(r.authorization.effectiveTo, lang)}</td>
                    <td data-label={t.left}>{left(r.daysLeft)}</td>
                    <td data-label={t.action}>
                      {r.renewalCaseId ? (
                        <Link to={`/prescriber/requests/${encodeURIComponent(r.renewalCaseId)}`}>{t.started}</Link>
                      ) : (
                        <Link
                          to={renewalHref(r)}
                          className="button-link"
                          aria-label={fill(t.requestFor, {
                            drug: drugName(r.drug.name),
                            member: r.memberName ?? r.memberId,
                          })}
                        >
                          {t.request}
                        </Link>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableBox>
        )}
      </Async>
    </Section>
  );
}
