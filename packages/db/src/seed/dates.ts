// Demo dates are written as `YYYY-MM-DD`; @db.Date columns come back as Dates at UTC midnight.

const DAY_MS = 86_400_000;

export function utcDay(iso: string): Date {
  const date = new Date(`${iso}T00:00:00.000Z`);
  // Rejects typos such as 2027-02-30 that Date would silently roll over.
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso) {
    throw new Error(`Demo data: "${iso}" is not a YYYY-MM-DD date`);
  }
  return date;
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}
