import { parseFields, toFieldValue, type FieldSpec } from './fields';
import { formValues } from './form';
import { coarseCentre } from './geo';
import { parsePhases } from './request-fields';

const FIELDS: FieldSpec[] = [
  { name: 'name', label: 'Name', type: 'text', required: true },
  { name: 'mw', label: 'MW', type: 'number' },
  { name: 'racks', label: 'Racks', type: 'int' },
  { name: 'carriers', label: 'Carriers', type: 'list' },
  { name: 'fibre', label: 'Fibre', type: 'checkbox' },
  { name: 'liveDate', label: 'Live', type: 'date' },
];

describe('parseFields', () => {
  it('types each submitted string by its field and leaves empty optional fields out', () => {
    expect(parseFields(FIELDS, { name: ' Ridge ', mw: '12.5', racks: '40', carriers: 'Zayo, , Lumen', fibre: 'on', liveDate: '2027-01-01' })).toEqual({
      name: 'Ridge',
      mw: 12.5,
      racks: 40,
      carriers: ['Zayo', 'Lumen'],
      fibre: true,
      liveDate: '2027-01-01',
    });
    expect(parseFields(FIELDS, { name: 'Ridge', mw: '', racks: '  ' })).toEqual({ name: 'Ridge', fibre: false });
  });
});

describe('toFieldValue', () => {
  it('shows API values the way the form submits them', () => {
    expect([toFieldValue(null), toFieldValue(['Zayo', 'Lumen']), toFieldValue(true), toFieldValue(false), toFieldValue(3.5)]).toEqual(['', 'Zayo, Lumen', 'on', '', '3.5']);
  });

  it('round-trips through parseFields', () => {
    const site = { name: 'Ridge', mw: 12.5, racks: 40, carriers: ['Zayo'], fibre: true, liveDate: '2027-01-01' };
    const values = Object.fromEntries(FIELDS.map((f) => [f.name, toFieldValue(site[f.name as keyof typeof site])]));
    expect(parseFields(FIELDS, values)).toEqual(site);
  });
});

describe('parsePhases', () => {
  it('reads phases.N pairs in order and skips rows left empty', () => {
    const values = { 'phases.0.mw': '10', 'phases.0.neededBy': '2027-06-30', 'phases.1.mw': '', 'phases.1.neededBy': '', 'phases.2.mw': '5', 'phases.2.neededBy': '2027-12-31' };
    expect(parsePhases(values)).toEqual([
      { mw: 10, neededBy: '2027-06-30' },
      { mw: 5, neededBy: '2027-12-31' },
    ]);
  });

  it('keeps a half-filled row so the API can name what is missing', () => {
    expect(parsePhases({ 'phases.0.mw': '10', 'phases.0.neededBy': '' })).toEqual([{ mw: 10, neededBy: '' }]);
  });
});

describe('formValues', () => {
  it('joins repeated names and drops React’s internal $ fields', () => {
    const data = new FormData();
    data.append('scopes', 'ORG_READ');
    data.append('scopes', 'SITES_READ');
    data.append('$ACTION_ID_abc', 'x');
    data.append('name', 'key');
    expect(formValues(data)).toEqual({ scopes: 'ORG_READ,SITES_READ', name: 'key' });
  });
});

describe('coarseCentre', () => {
  it('places a listing at its region’s centre, else its country’s, never anywhere finer', () => {
    expect(coarseCentre('US', 'Texas')).toEqual([31.0, -99.0]);
    expect(coarseCentre('NO', 'Vestland')).toEqual([61.5, 9.0]);
    expect(coarseCentre('ZZ', 'Nowhere')).toBeNull();
  });
});
