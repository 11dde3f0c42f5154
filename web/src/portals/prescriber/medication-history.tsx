import { useLang, useText } from '../../i18n/i18n';
import { Async, Section } from '../../ui/components';
import { DrugName } from '../../ui/drug-name-view';
import { formatDate } from '../../ui/format';
import { TableBox } from '../../ui/table-box';
import { useApi } from '../../ui/use-api';
import type { ApiAnswer } from '../../api/api-shapes';

type History = ApiAnswer<'/api/v1/pa-requests/{id}/medication-history', 'get'>;

const TEXT = {
  en: {
    title: 'Medication history (paid claims, last 12 months)',
    own: 'Fills of your prescriptions for this patient, from the plan’s paid claims.',
    all: 'Every paid fill for this patient, from the plan’s paid claims.',
    none: 'No paid fills in the last 12 months.',
    drug: 'Drug',
    filled: 'Filled',
    days: 'Days supply',
    pharmacy: 'Pharmacy',
  },
  es: {
    title: 'Historial de medicamentos (reclamaciones pagadas, últimos 12 meses)',
    own: 'Surtidos de sus recetas para este paciente, según las reclamaciones pagadas del plan.',
    all: 'Todos los surtidos pagados de este paciente, según las reclamaciones pagadas del plan.',
    none: 'No hay surtidos pagados en los últimos 12 meses.',
    drug: 'Medicamento',
    filled: 'Surtido',
    days: 'Días de suministro',
    pharmacy: 'Farmacia',
  },
};

/**
 * The patient's medication history from paid claims, beside the questions the prescriber answers
 * (docs/design.md#prescriber-portal): what was filled, when, for how many days, where.
 */
export function MedicationHistory({ caseId }: { caseId: string }) {
  const t = useText(TEXT);
  const { lang } = useLang();
  const state = useApi<History>(`/pa-requests/${encodeURIComponent(caseId)}/medication-history`);
  return (
    <Section title={t.title}>
      <Async state={state} empty={t.none} isEmpty={(h) => h.items.length === 0}>
        {(h) => (
          <>
            <p className="muted">{h.prescriberOnly ? t.own : t.all}</p>
            <TableBox label={t.title}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t.drug}</th>
                    <th scope="col">{t.filled}</th>
                    <th scope="col">{t.days}</th>
                    <th scope="col">{t.pharmacy}</th>
                  </tr>
                </thead>
                <tbody>
                  {h.items.map((f) => (
                    <tr key={f.claimId}>
                      <td>
                        <DrugName name={f.drugName} />
                      </td>
                      <td>{formatDate(f.dateOfService, lang)}</td>
                      <td>{f.daysSupply}</td>
                      <td>{f.pharmacyName ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableBox>
          </>
        )}
      </Async>
    </Section>
  );
}
