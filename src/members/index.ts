/** The members module's public API: what other modules may use (its repository and tables stay its own). */
export {
  findMemberById,
  findMembersByIds,
  findPharmacies,
  findPharmacy,
  findPrescriber,
  findPrescribers,
  memberContactJsonSql,
  pharmacyFaxSql,
  prescriberFaxSql,
  searchMembers,
  type MemberContact,
  type MemberRow,
  type PharmacyRow,
  type PrescriberRow,
} from './members.repo.js';
export { assertCanReadMember } from './find-patient.js';
