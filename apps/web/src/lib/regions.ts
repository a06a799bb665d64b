// Reading the regions a person types into search: any case ("texas"), or a US state / Canadian province
// code ("TX"), becomes the region as listed ("Texas"); anything else is passed on as typed. Grid operators
// the same way, also ignoring spaces and punctuation ("nord pool", "Hydro-Québec" → NORDPOOL, HYDRO_QUEBEC).

const CODES: Readonly<Record<string, string>> = {
  AL: 'Alabama', AK: 'Alaska', AZ: 'Arizona', AR: 'Arkansas', CA: 'California', CO: 'Colorado', CT: 'Connecticut', DE: 'Delaware',
  FL: 'Florida', GA: 'Georgia', HI: 'Hawaii', ID: 'Idaho', IL: 'Illinois', IN: 'Indiana', IA: 'Iowa', KS: 'Kansas', KY: 'Kentucky',
  LA: 'Louisiana', ME: 'Maine', MD: 'Maryland', MA: 'Massachusetts', MI: 'Michigan', MN: 'Minnesota', MS: 'Mississippi',
  MO: 'Missouri', MT: 'Montana', NE: 'Nebraska', NV: 'Nevada', NH: 'New Hampshire', NJ: 'New Jersey', NM: 'New Mexico',
  NY: 'New York', NC: 'North Carolina', ND: 'North Dakota', OH: 'Ohio', OK: 'Oklahoma', OR: 'Oregon', PA: 'Pennsylvania',
  RI: 'Rhode Island', SC: 'South Carolina', SD: 'South Dakota', TN: 'Tennessee', TX: 'Texas', UT: 'Utah', VT: 'Vermont',
  VA: 'Virginia', WA: 'Washington', WV: 'West Virginia', WI: 'Wisconsin', WY: 'Wyoming', DC: 'District of Columbia',
  AB: 'Alberta', BC: 'British Columbia', MB: 'Manitoba', NB: 'New Brunswick', NL: 'Newfoundland and Labrador', NS: 'Nova Scotia',
  ON: 'Ontario', PE: 'Prince Edward Island', QC: 'Québec', SK: 'Saskatchewan',
};

/** Case- and accent-insensitive key: "Quebec" and "québec" meet "Québec". */
const key = (text: string) => text.normalize('NFD').replace(/\p{Diacritic}/gu, '').trim().toLowerCase();

export function canonicalRegions(typed: readonly string[], listed: readonly string[]): string[] {
  const byKey = new Map(listed.map((region) => [key(region), region]));
  return typed.map((text) => {
    const code = CODES[text.trim().toUpperCase()];
    return byKey.get(key(text)) ?? (code ? (byKey.get(key(code)) ?? code) : text.trim());
  });
}

/** Letters and digits only, in any case or accent: grid operators are spelled with and without separators. */
const compactKey = (text: string) => key(text).replace(/[^\p{L}\p{N}]/gu, '');

export function canonicalGridOperators(typed: readonly string[], listed: readonly string[]): string[] {
  const byKey = new Map(listed.map((operator) => [compactKey(operator), operator]));
  return typed.map((text) => byKey.get(compactKey(text)) ?? text.trim().toUpperCase());
}
