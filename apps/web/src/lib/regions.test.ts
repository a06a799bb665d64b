import { canonicalRegions } from './regions';

describe('canonicalRegions', () => {
  const listed = ['Texas', 'Québec', 'Oklahoma'];

  it('reads any case, accents and state or province codes as the listed region', () => {
    expect(canonicalRegions(['texas', 'TX', ' TEXAS '], listed)).toEqual(['Texas', 'Texas', 'Texas']);
    expect(canonicalRegions(['quebec', 'QC'], listed)).toEqual(['Québec', 'Québec']);
  });

  it('passes on what it does not know, trimmed', () => {
    expect(canonicalRegions([' Atlantis '], listed)).toEqual(['Atlantis']);
    expect(canonicalRegions(['OH'], listed)).toEqual(['Ohio']);
  });
});
