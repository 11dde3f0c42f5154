import { describe, expect, it } from 'vitest';
import { auditEventsCsv, csvCell } from './audit-csv.js';

describe('audit CSV export', () => {
  it('defuses cells a spreadsheet would run as formulas (= + - @ tab CR)', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('quotes commas, quotes and line breaks; empty for null', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
  });

  it('writes a header and one CRLF line per row, member ids space-separated, details as JSON', () => {
    const csv = auditEventsCsv([
      {
        id: '7',
        at: '2026-12-03T10:00:00.000Z',
        actor: 'ms.lee',
        actorId: 'U1',
        actorRole: 'member-services',
        action: 'phi.read',
        entityType: 'case',
        entityId: 'PA-1',
        memberIds: ['M1', 'M2'],
        reason: 'case-review',
        details: { route: 'GET /api/v1/pa-requests/:id' },
      },
    ]);
    expect(csv.split('\r\n')).toEqual([
      'id,at,actor,actor_id,actor_role,action,entity_type,entity_id,member_ids,reason,details',
      '7,2026-12-03T10:00:00.000Z,ms.lee,U1,member-services,phi.read,case,PA-1,M1 M2,case-review,"{""route"":""GET /api/v1/pa-requests/:id""}"',
      '',
    ]);
  });
});
