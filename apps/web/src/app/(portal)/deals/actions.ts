'use server';
import { redirect } from 'next/navigation';
import { formValues, type FormState } from '@/lib/form';
import { refused, submitMutation } from '@/lib/refused';
import { gqlMutation } from '@/lib/session';

const MOVES = {
  accept: 'acceptDeal',
  reject: 'rejectDeal',
  withdraw: 'withdrawDeal',
  sign: 'signDeal',
  activate: 'activateDeal',
  end: 'endDeal',
  acceptMwChange: 'acceptDealMwChange',
  declineMwChange: 'declineDealMwChange',
} as const;

/** Accept, reject, withdraw, sign, activate, end, or accept/decline a change of MW: the API checks who may make which move in which state. */
export async function moveDeal(_prev: FormState, formData: FormData): Promise<FormState> {
  const id = String(formData.get('id'));
  const name = String(formData.get('move'));
  // Own keys only: MOVES['toString'] would be a function.
  const move = Object.hasOwn(MOVES, name) ? MOVES[name as keyof typeof MOVES] : undefined;
  if (!move) return { ok: false, message: 'Unknown action', fieldErrors: {}, values: {} };
  if (move === 'signDeal') {
    // One of the deal's revenue scenarios, or none: the deal's own terms (DEFAULT).
    const scenarioId = String(formData.get('scenarioId') ?? '') || null;
    return submitMutation('mutation($id: ID!, $scenarioId: ID) { signDeal(id: $id, scenarioId: $scenarioId) { id } }', { id, scenarioId }, {});
  }
  return submitMutation(`mutation($id: ID!) { ${move}(id: $id) { id } }`, { id }, {});
}

export async function proposeDeal(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const input = {
    requestId: values.requestId,
    blockIds: (values.blockIds ?? '').split(',').filter(Boolean),
    mw: Number(values.mw),
    priceUsdPerKwMonth: Number(values.priceUsdPerKwMonth),
    termMonths: Number.parseInt(values.termMonths ?? '', 10),
    startDate: values.startDate,
  };
  let id: string;
  try {
    const data = await gqlMutation<{ proposeDeal: { id: string } }>('mutation($input: ProposeDealInput!) { proposeDeal(input: $input) { id } }', { input });
    id = data.proposeDeal.id;
  } catch (error) {
    return refused(error, values);
  }
  redirect(`/deals/${id}`);
}

/** Either party of an ACTIVE deal proposes a new MW; the other accepts or declines it (moveDeal). */
export async function proposeDealMwChange(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const input = { dealId: values.dealId, mw: Number(values.mw) };
  return submitMutation('mutation($input: ProposeDealMwChangeInput!) { proposeDealMwChange(input: $input) { id } }', { input }, values, {
    message: 'Change proposed; the other party accepts or declines it.',
  });
}
