import type { CriteriaDiff, EntryDiff } from '../../../../src/shared/criteria-diff';
import { useText } from '../../i18n/i18n';

const TEXT = {
  en: {
    none: 'No difference.',
    questions: 'Questions',
    rules: 'Rules',
    facts: 'Facts',
    settings: 'Settings',
    added: 'added',
    removed: 'removed',
    changed: 'changed',
  },
  es: {
    none: 'Sin diferencias.',
    questions: 'Preguntas',
    rules: 'Reglas',
    facts: 'Datos',
    settings: 'Ajustes',
    added: 'agregada',
    removed: 'quitada',
    changed: 'cambiada',
  },
};

const show = (v: unknown) => (v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

/** Questions, rules and facts added, removed or changed (field by field), and changed settings. */
export function CriteriaDiffView({ diff }: { diff: CriteriaDiff }) {
  const t = useText(TEXT);
  const groups: Array<[string, EntryDiff[]]> = [
    [t.questions, diff.questions],
    [t.rules, diff.rules],
    [t.facts, diff.facts],
  ];
  if (groups.every(([, g]) => g.length === 0) && diff.settings.length === 0) return <p className="muted">{t.none}</p>;
  return (
    <div className="criteria-diff" data-testid="criteria-diff">
      {groups.map(([title, entries]) =>
        entries.length ? (
          <div key={title}>
            <h3>{title}</h3>
            <ul>
              {entries.map((e) => (
                <li key={e.id} data-change={e.change}>
                  <span className="admin-code">{e.id}</span>: {t[e.change]}
                  {e.fields.length ? (
                    <ul>
                      {e.fields.map((f) => (
                        <li key={f.field}>
                          {f.field}: <del>{show(f.before)}</del> → <ins>{show(f.after)}</ins>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              ))}
            </ul>
          </div>
        ) : null,
      )}
      {diff.settings.length ? (
        <div>
          <h3>{t.settings}</h3>
          <ul>
            {diff.settings.map((f) => (
              <li key={f.field}>
                {f.field}: <del>{show(f.before)}</del> → <ins>{show(f.after)}</ins>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
