import type { Page } from 'playwright-core';
import { DEMO } from '../../../src/demo/demo-data.js';

/** A landmark region of a portal page by its accessible name. */
export const region = (page: Page, name: string | RegExp) =>
  page.getByRole('region', { name, exact: typeof name === 'string' });

export interface PharmacyClaimForm {
  memberId: string;
  dateOfBirth: string;
  rx: string;
  ndc: string;
  quantity: string;
  daysSupply: string;
  ingredientCost: string;
  usualAndCustomary: string;
}

/** The pharmacy portal's claim form filled in and submitted, as a pharmacist would; returns the answer region. */
export async function submitPharmacyClaim(page: Page, form: PharmacyClaimForm) {
  const claim = region(page, 'Claim');
  await claim.getByLabel(/Member ID/).fill(form.memberId);
  await claim.getByLabel('Patient date of birth').fill(form.dateOfBirth);
  await claim.getByLabel('BIN').fill('610011');
  await claim.getByLabel('PCN').fill('BAYRX');
  await claim.getByLabel('Prescription number').fill(form.rx);
  await claim.getByLabel('Prescriber NPI').fill(DEMO.prescribers.primaryCare);
  await claim.getByLabel(/Product NDC/).fill(form.ndc);
  await claim.getByLabel('Quantity dispensed').fill(form.quantity);
  await claim.getByLabel('Days supply').fill(form.daysSupply);
  await claim.getByLabel(/ingredient cost/).fill(form.ingredientCost);
  await claim.getByLabel(/Usual and customary/).fill(form.usualAndCustomary);
  await claim.getByRole('button', { name: 'Submit claim' }).click();
  return region(page, 'Answer');
}
