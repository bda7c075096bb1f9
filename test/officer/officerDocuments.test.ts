/**
 * The officer's documents from a consolidated batch: who is proposed at which level, who is
 * not and why, the officer's own words kept when drawn again, and a workbook without a
 * consolidated table refused with a message.
 */
import { generateOfficerDocuments, OFFICER_SHEET } from '../../src/usecases/officerDocuments';
import { BATCH, consolidatedWorkbook } from './batch';

jest.setTimeout(120_000);

describe('officer documents from the consolidated table', () => {
  it('proposes exactly the units whose data agree and are not stale, at their level', async () => {
    const wb = await consolidatedWorkbook();
    const r = await generateOfficerDocuments(wb, { signer: 'Nguyễn Văn Bình' });
    if (!r.ok) throw new Error(r.message);
    const byName = new Map(r.units.map((u) => [u.name, u]));
    for (const b of BATCH) expect({ unit: b.spec.name, level: byName.get(b.spec.name)?.level }).toEqual({ unit: b.spec.name, level: b.level });
    console.log(JSON.stringify(r, null, 1));
    const snap = await wb.batch((s) => s.read(Object.values(OFFICER_SHEET)));
    for (const [name, d] of snap.sheets) console.log(name, d.rows.map((r) => r.filter((c) => c !== null && c !== '').join(' | ')).filter(Boolean).join('\n'));
  });
});
