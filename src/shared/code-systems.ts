/** FHIR code system URIs both sides compare codings against (one spelling, server and portals). */

/** ICD-10-CM diagnosis codes (HL7 terminology: http://hl7.org/fhir/sid/icd-10-cm). */
export const ICD10_CM = 'http://hl7.org/fhir/sid/icd-10-cm';
