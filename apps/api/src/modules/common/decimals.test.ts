import { Prisma } from '@gridshare/db';
import { withNumbers } from './decimals';

it('turns Decimal columns into numbers and leaves nulls, strings, dates and numbers as they are', () => {
  const at = new Date('2026-01-01T00:00:00Z');
  const row = { mw: new Prisma.Decimal('12.345'), latency: null as Prisma.Decimal | null, name: 'A', at, cents: 1250 };
  expect(withNumbers(row)).toEqual({ mw: 12.345, latency: null, name: 'A', at, cents: 1250 });
});
