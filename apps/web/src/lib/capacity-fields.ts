import type { FieldSpec } from './fields';
import { allOf } from './enums';
import type { CapacityKind } from '@/generated/graphql';

export const CAPACITY_KINDS = allOf<CapacityKind>()('COLOCATION', 'POWERED_SHELL', 'BUILD_TO_SUIT', 'MINING_HOSTING');

export const CAPACITY_FIELDS: readonly FieldSpec[] = [
  { name: 'kind', label: 'Kind', type: 'select', required: true, options: CAPACITY_KINDS },
  { name: 'mw', label: 'MW', type: 'number', required: true, min: 0, max: 10_000 },
  { name: 'firmMw', label: 'Firm MW', type: 'number', required: true, min: 0, help: 'At most the block’s MW.' },
  { name: 'interruptibleMw', label: 'Interruptible MW', type: 'number', min: 0 },
  { name: 'availableFrom', label: 'Available from', type: 'date', required: true, notPast: true, help: 'Today or later.' },
  { name: 'priceUsdPerKwMonth', label: 'Price ($/kW-month)', type: 'number', required: true, min: 0 },
  { name: 'minTermMonths', label: 'Minimum term (months)', type: 'int', required: true, min: 1 },
];
