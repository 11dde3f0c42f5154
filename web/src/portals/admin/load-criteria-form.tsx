import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { useText } from '../../i18n/i18n';
import { ErrorBanner, Field } from '../../ui/components';
import { useAction } from '../../ui/use-api';
import { ImportResult, type ImportSummary } from './import-result';

const TEXT = {
  en: {
    file: 'Criteria file (JSON)',
    hint: 'One criteria set, or { "criteriaSets": [...] } as exported by GET /api/v1/criteria/export. A changed set becomes a new version.',
    send: 'Load criteria',
    busy: 'Loading…',
    chooseFile: 'Choose a JSON file.',
    notJson: 'This file is not valid JSON: {reason}',
  },
  es: {
    file: 'Archivo de criterios (JSON)',
    hint: 'Un criterio, o { "criteriaSets": [...] } como lo exporta GET /api/v1/criteria/export. Un criterio modificado se convierte en una versión nueva.',
    send: 'Cargar criterios',
    busy: 'Cargando…',
    chooseFile: 'Elija un archivo JSON.',
    notJson: 'Este archivo no es JSON válido: {reason}',
  },
};

/** POST /criteria with a criteria file; shows what loaded, what did not and why. */
export function LoadCriteriaForm({ onLoaded }: { onLoaded: () => void }) {
  const t = useText(TEXT);
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<ImportSummary | null>(null);
  const action = useAction((body: unknown) => api.post<ImportSummary>('/criteria', body));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setResult(null);
    setProblem(null);
    if (!file) return setProblem(t.chooseFile);
    let body: unknown;
    try {
      body = JSON.parse(await file.text());
    } catch (err) {
      return setProblem(t.notJson.replace('{reason}', err instanceof Error ? err.message : String(err)));
    }
    const summary = await action.run(body);
    if (summary) {
      setResult(summary);
      onLoaded();
    }
  };

  return (
    <>
      <form onSubmit={submit} noValidate>
        <Field label={t.file} hint={t.hint} error={problem}>
          {(p) => (
            <input
              {...p}
              type="file"
              accept=".json,application/json"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          )}
        </Field>
        <ErrorBanner error={action.error} />
        <button type="submit" className="primary" disabled={action.busy}>
          {action.busy ? t.busy : t.send}
        </button>
      </form>
      {result ? <ImportResult result={result} /> : null}
    </>
  );
}
