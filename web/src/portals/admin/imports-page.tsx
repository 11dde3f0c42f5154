import type { ApiAnswer } from '../../api/api-shapes';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { useLang, useText } from '../../i18n/i18n';
import { Async, ErrorBanner, Field, Page, Section } from '../../ui/components';
import { formatDateTime } from '../../ui/format';
import { useAction, useApi } from '../../ui/use-api';
import { ImportResult, loadedText, type ImportSummary } from './import-result';
import { TableBox } from '../../ui/table-box';

/** The import kinds of POST /imports/{kind} and the file each takes (docs/plan-bundle-format.md, README). */
const KINDS = [
  {
    kind: 'plan-bundle',
    type: 'application/json',
    en: 'Plan bundle: plans, policy and formulary (JSON)',
    es: 'Paquete de planes: planes, política y formulario (JSON)',
  },
  { kind: 'members', type: 'text/csv', en: 'Members / eligibility (CSV)', es: 'Afiliados / elegibilidad (CSV)' },
  { kind: 'prescribers', type: 'text/csv', en: 'Prescribers (CSV)', es: 'Recetadores (CSV)' },
  { kind: 'pharmacies', type: 'text/csv', en: 'Pharmacies (CSV)', es: 'Farmacias (CSV)' },
  {
    kind: 'drug-catalog',
    type: 'text/csv',
    en: 'Drug catalog (RxNorm/NDC CSV)',
    es: 'Catálogo de medicamentos (CSV RxNorm/NDC)',
  },
  { kind: 'qhp-plans', type: 'application/json', en: 'CMS QHP plans.json', es: 'CMS QHP plans.json' },
  { kind: 'qhp-drugs', type: 'application/json', en: 'CMS QHP drugs.json', es: 'CMS QHP drugs.json' },
] as const;

type ImportRun = ApiAnswer<'/api/v1/imports', 'get'>['items'][number];

const TEXT = {
  en: {
    title: 'Imports',
    intro:
      'Load reference data the same way the command line does. Rows with problems are listed with the reason; the rest load.',
    upload: 'Import a file',
    kind: 'What the file holds',
    file: 'File',
    send: 'Import',
    busy: 'Importing…',
    chooseFile: 'Choose a file to import.',
    loaded: 'Loaded',
    rejected: 'Rows not loaded',
    runs: 'Recent imports',
    runsCaption: 'Import runs, newest first',
    started: 'Started',
    by: 'By',
    summary: 'Summary',
    none: 'No imports yet.',
    unfinished: 'did not finish',
  },
  es: {
    title: 'Importaciones',
    intro:
      'Cargue datos de referencia igual que con la línea de comandos. Las filas con problemas se listan con el motivo; el resto se carga.',
    upload: 'Importar un archivo',
    kind: 'Qué contiene el archivo',
    file: 'Archivo',
    send: 'Importar',
    busy: 'Importando…',
    chooseFile: 'Elija un archivo para importar.',
    loaded: 'Cargado',
    rejected: 'Filas no cargadas',
    runs: 'Importaciones recientes',
    runsCaption: 'Importaciones, la más reciente primero',
    started: 'Inicio',
    by: 'Por',
    summary: 'Resumen',
    none: 'Aún no hay importaciones.',
    unfinished: 'no terminó',
  },
};

/** POST /imports/{kind} with the file as the body; GET /imports for the history. */
export function ImportsPage() {
  const t = useText(TEXT);
  const { lang } = useLang();
  const runs = useApi<{ items: ImportRun[] }>('/imports', { limit: 20 });
  const [kind, setKind] = useState<(typeof KINDS)[number]['kind']>('plan-bundle');
  const [file, setFile] = useState<File | null>(null);
  const [missingFile, setMissingFile] = useState(false);
  const [result, setResult] = useState<ImportSummary | null>(null);
  const action = useAction(async (k: string, f: File) =>
    api.postFile<ImportSummary>(`/imports/${k}`, f, KINDS.find((x) => x.kind === k)!.type),
  );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setResult(null);
    if (!file) {
      setMissingFile(true);
      return;
    }
    setMissingFile(false);
    const summary = await action.run(kind, file);
    if (summary) {
      setResult(summary);
      runs.reload();
    }
  };

  return (
    <Page title={t.title}>
      <p>{t.intro}</p>
      <Section title={t.upload}>
        <form onSubmit={submit} noValidate>
          <Field label={t.kind}>
            {(p) => (
              <select {...p} value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
                {KINDS.map((k) => (
                  <option key={k.kind} value={k.kind}>
                    {k[lang]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t.file} error={missingFile ? t.chooseFile : null}>
            {(p) => (
              <input
                {...p}
                type="file"
                accept=".csv,.json,text/csv,application/json"
                onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              />
            )}
          </Field>
          <ErrorBanner error={action.error} />
          <button type="submit" className="primary" disabled={action.busy}>
            {action.busy ? t.busy : t.send}
          </button>
        </form>
      </Section>
      {result ? <ImportResult result={result} /> : null}
      <Section title={t.runs}>
        <Async state={runs} empty={t.none} isEmpty={(d) => d.items.length === 0}>
          {(d) => (
            <TableBox label={t.runsCaption}>
              <table>
                <caption>{t.runsCaption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.started}</th>
                    <th scope="col">{t.kind}</th>
                    <th scope="col">{t.by}</th>
                    <th scope="col">{t.summary}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.items.map((r) => (
                    <tr key={r.id}>
                      <td>{formatDateTime(r.startedAt, lang)}</td>
                      <td>{r.kind}</td>
                      <td>{r.actor}</td>
                      <td>
                        {r.summary
                          ? `${t.loaded}: ${loadedText(r.summary.loaded)} · ${t.rejected}: ${r.summary.rejected.length}`
                          : t.unfinished}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableBox>
          )}
        </Async>
      </Section>
    </Page>
  );
}
