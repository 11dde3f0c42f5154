import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';

/**
 * SCRIPT messages for the ePA mode of bench:pa, built from the documented examples
 * (docs/examples/epa/*.xml) so the bench sends what an integrator would: only the MessageID, the
 * patient (cardholder ID, date of birth), the PAReferenceID and the A1c date change per case.
 */
const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../docs/examples/epa');
const example = (name: string) => readFileSync(path.join(DIR, `${name}.xml`), 'utf8');

const INITIATION = example('PAInitiationRequest');
const REQUEST = example('PARequest');
const RTPB = example('RTPBRequest');

let seq = 0;
const messageId = (kind: string) => `BENCH-${kind}-${process.pid}-${++seq}`;

function withPatient(xml: string, cardholderId: string, dateOfBirth: string) {
  return xml
    .replace(/<MessageID>[^<]*<\/MessageID>/, `<MessageID>${messageId('M')}</MessageID>`)
    .replace(/<CardholderID>[^<]*<\/CardholderID>/, `<CardholderID>${cardholderId}</CardholderID>`)
    .replace(
      /<DateOfBirth>\s*<Date>[^<]*<\/Date>\s*<\/DateOfBirth>/,
      `<DateOfBirth><Date>${dateOfBirth}</Date></DateOfBirth>`,
    );
}

export const initiationXml = (cardholderId: string, dateOfBirth: string) =>
  withPatient(INITIATION, cardholderId, dateOfBirth);

export const rtpbXml = (cardholderId: string, dateOfBirth: string) => withPatient(RTPB, cardholderId, dateOfBirth);

/** The example's answers meet every rule of the GLP-1 criteria; the A1c is dated within the criteria's window. */
export const paRequestXml = (caseId: string, a1cDate: string) =>
  REQUEST.replace(/<MessageID>[^<]*<\/MessageID>/, `<MessageID>${messageId('R')}</MessageID>`)
    .replace(/<PAReferenceID>[^<]*<\/PAReferenceID>/, `<PAReferenceID>${caseId}</PAReferenceID>`)
    .replace(
      /<DateResponse><Date>[^<]*<\/Date><\/DateResponse>/,
      `<DateResponse><Date>${a1cDate}</Date></DateResponse>`,
    );

const reader = new XMLParser({ ignoreAttributes: true, removeNSPrefix: true, parseTagValue: false });

/** The transaction and body of a SCRIPT response (the bench checks what it got, not just the status). */
export function readResponse(xml: string): { transaction: string; body: Record<string, any> } {
  const body = reader.parse(xml)?.Message?.Body ?? {};
  const [transaction = 'none'] = Object.keys(body);
  return { transaction, body: body[transaction] ?? {} };
}
