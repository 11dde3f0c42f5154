import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { Patient } from '../../api/types';

// One lookup per member per page load: lists repeat the same patients.
const cache = new Map<string, Promise<Patient>>();

function loadPatient(memberId: string): Promise<Patient> {
  let p = cache.get(memberId);
  if (!p) {
    p = api.get<Patient>(`/members/${encodeURIComponent(memberId)}`);
    p.catch(() => cache.delete(memberId));
    cache.set(memberId, p);
  }
  return p;
}

export const patientName = (p: Pick<Patient, 'firstName' | 'lastName'>) => `${p.firstName} ${p.lastName}`;

/** "Maria Lopez (M000123)" once the member is loaded; the member ID alone until then or if it fails. */
export function MemberName({ memberId }: { memberId: string }) {
  const [name, setName] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    loadPatient(memberId)
      .then((p) => live && setName(patientName(p)))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [memberId]);
  return <NameWithId name={name} id={memberId} />;
}

/** "Maria Lopez (M000123)" from a name the list already carries. */
export function NameWithId({ name, id }: { name: string | null | undefined; id: string }) {
  return (
    <span>
      {name ? `${name} ` : null}
      <span className="muted">({id})</span>
    </span>
  );
}
