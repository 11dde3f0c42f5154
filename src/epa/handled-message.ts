import type { EpaCaseInsert, EpaCaseRow, KnownEvent } from './epa.repo.js';
import type { OutNode } from './script-xml.js';

/** A transaction's answer before it is wrapped in the envelope: its name, its body, and the case it concerns. */
export interface HandledMessage {
  transaction: string;
  body: OutNode;
  paRequestId?: string;
  /** The case event this answer tells the sender: recorded with the answer (completeMessage). */
  knownEvent?: KnownEvent;
  /** The ePA case this answer opens (a PAInitiationResponse): recorded with the answer, in its statement (completeMessage). */
  opensCase?: EpaCaseInsert;
}

/** What a message's claim read with it (epa.repo.ts claimMessage): the ePA case a message about a case names, null when none. */
export interface ClaimedWith {
  epaCase?: EpaCaseRow | null;
}
