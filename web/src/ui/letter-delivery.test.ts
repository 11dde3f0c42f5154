import { describe, expect, it } from 'vitest';
import { letterDeliveryLabel } from './letter-delivery';

describe('letterDeliveryLabel (how a letter reached its recipient)', () => {
  it('a letter posted in the portal is in the recipient’s own portal, in both languages', () => {
    expect(letterDeliveryLabel({ recipient: 'member', channel: 'portal' }, 'en')).toBe('Member portal');
    expect(letterDeliveryLabel({ recipient: 'member', channel: 'portal' }, 'es')).toBe('Portal para afiliados');
    expect(letterDeliveryLabel({ recipient: 'prescriber', channel: 'portal' }, 'en')).toBe('Prescriber portal');
    expect(letterDeliveryLabel({ recipient: 'pharmacy', channel: 'portal' }, 'es')).toBe('Portal de farmacias');
  });

  it('mail, e-mail and fax are named as such, whoever the recipient', () => {
    expect(letterDeliveryLabel({ recipient: 'member', channel: 'mail' }, 'es')).toBe('Correo postal');
    expect(letterDeliveryLabel({ recipient: 'member', channel: 'email' }, 'en')).toBe('E-mail');
    expect(letterDeliveryLabel({ recipient: 'prescriber', channel: 'fax' }, 'es')).toBe('Fax');
  });
});
