// NUMERIC columns arrive as Decimals; the engines and the API take plain numbers.
import { Prisma } from '@gridshare/db';

type WithNumbers<Row> = { [K in keyof Row]: Row[K] extends Prisma.Decimal ? number : Row[K] extends Prisma.Decimal | null ? number | null : Row[K] };

/** The row with every Decimal column as a number (nulls stay null). */
export function withNumbers<Row extends object>(row: Row): WithNumbers<Row> {
  // Object.fromEntries forgets the keys' types; the mapping above restores them.
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, Prisma.Decimal.isDecimal(value) ? value.toNumber() : value])) as WithNumbers<Row>;
}
