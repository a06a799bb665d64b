import { canonicalGridOperators, canonicalRegions } from './regions';

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

describe('canonicalGridOperators', () => {
  const listed = ['ERCOT', 'HYDRO_QUEBEC', 'NORDPOOL'];

  it('reads any case, accents, spaces and punctuation as the listed operator', () => {
    expect(canonicalGridOperators(['ercot', 'Nord Pool', 'Hydro-Québec'], listed)).toEqual(['ERCOT', 'NORDPOOL', 'HYDRO_QUEBEC']);
  });

  it('passes on what it does not know, trimmed and in capitals as operators are usually written', () => {
    expect(canonicalGridOperators([' caiso '], listed)).toEqual(['CAISO']);
  });
});
