import type { Patient } from '../../api/types';

export const patientName = (p: Pick<Patient, 'firstName' | 'lastName'>) => `${p.firstName} ${p.lastName}`;

/** "Maria Lopez (M000123)" from a name the list already carries. */
export function NameWithId({ name, id }: { name: string | null | undefined; id: string }) {
  return (
    <span>
      {name ? `${name} ` : null}
      <span className="muted">({id})</span>
    </span>
  );
}
