import { Link } from '../../app/router';
import { useLang, useText } from '../../i18n/i18n';
import { pickWord, type Words } from '../../ui/plain-words';
import { Async, Page } from '../../ui/components';
import { useApi } from '../../ui/use-api';
import type { PlanSummary } from '../../api/types';
import { TableBox } from '../../ui/table-box';

const TEXT = {
  en: {
    title: 'Plans',
    intro: 'Benefit plans, their processors and routing. Open a plan to browse its formulary.',
    empty: 'No plans are loaded. Import a plan bundle.',
    caption: 'Benefit plans',
    plan: 'Plan',
    line: 'Line of business',
    processor: 'Processor',
    routing: 'BIN / PCN / group',
    carveOut: 'Pharmacy benefit carved out to',
    formulary: 'Formulary',
    browse: 'Browse formulary of {name}',
  },
  es: {
    title: 'Planes',
    intro: 'Planes de beneficios, sus procesadores y enrutamiento. Abra un plan para ver su formulario.',
    empty: 'No hay planes cargados. Importe un paquete de planes.',
    caption: 'Planes de beneficios',
    plan: 'Plan',
    line: 'Línea de negocio',
    processor: 'Procesador',
    routing: 'BIN / PCN / grupo',
    carveOut: 'Beneficio de farmacia trasladado a',
    formulary: 'Formulario',
    browse: 'Ver el formulario de {name}',
  },
};

/** Lines of business in words: the plan bundle's codes ('ihss', 'medicare-d') are not labels. */
const LINES: Words = {
  ihss: { en: 'IHSS (In-Home Supportive Services)', es: 'IHSS (Servicios de Apoyo en el Hogar)' },
  'medi-cal': { en: 'Medi-Cal', es: 'Medi-Cal' },
  'medi-cal-rx': { en: 'Medi-Cal Rx', es: 'Medi-Cal Rx' },
  commercial: { en: 'Commercial', es: 'Comercial' },
  'medicare-d': { en: 'Medicare Part D', es: 'Medicare Parte D' },
  medicare: { en: 'Medicare', es: 'Medicare' },
  medicaid: { en: 'Medicaid', es: 'Medicaid' },
};

/** GET /plans: every plan with its processor; each links to its formulary. */
export function PlansPage() {
  const t = useText(TEXT);
  const { lang } = useLang();
  const plans = useApi<{ items: PlanSummary[] }>('/plans');
  return (
    <Page title={t.title}>
      <p>{t.intro}</p>
      <Async state={plans} empty={t.empty} isEmpty={(d) => d.items.length === 0}>
        {(d) => (
          <TableBox label={t.caption} className="card">
            <table>
              <caption>{t.caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.plan}</th>
                  <th scope="col">{t.line}</th>
                  <th scope="col">{t.processor}</th>
                  <th scope="col">{t.routing}</th>
                  <th scope="col">{t.formulary}</th>
                </tr>
              </thead>
              <tbody>
                {d.items.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">
                      {p.name}
                      <div className="muted secondary-id">{p.id}</div>
                    </th>
                    <td>{pickWord(LINES, p.lineOfBusiness, lang)}</td>
                    <td>
                      {p.processorName}
                      {p.carveOutPlanId ? (
                        <div className="muted">
                          {t.carveOut} {d.items.find((x) => x.id === p.carveOutPlanId)?.name ?? p.carveOutPlanId}
                        </div>
                      ) : null}
                    </td>
                    <td>{[p.bin, p.pcn ?? '—', p.groupId ?? '—'].join(' / ')}</td>
                    <td>
                      <Link
                        to={`/admin/plans/${encodeURIComponent(p.id)}`}
                        aria-label={t.browse.replace('{name}', p.name)}
                      >
                        {t.formulary}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableBox>
        )}
      </Async>
    </Page>
  );
}
