import type { Principal } from '../../platform/roles.js';
import type { ClientIdentity } from '../fhir-request.js';

/**
 * An EHR system acts for a prescriber of its practice: PA use cases see the prescriber (their
 * NPI), and the case history names the system (`ehr:<client id>`) as the actor.
 */
export function actingPrescriber(client: ClientIdentity, npi: string | null): Principal {
  return {
    userId: client.id,
    username: `ehr:${client.clientId}`,
    role: 'prescriber',
    displayName: client.name,
    npi,
    memberId: null,
    via: 'api-key',
  };
}
