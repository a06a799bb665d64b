'use server';
import { redirect } from 'next/navigation';
import { formValues, type FormState } from '@/lib/form';
import { refused, submitMutation } from '@/lib/refused';
import { gqlMutation } from '@/lib/session';
import {
  AcceptDealDocument,
  AcceptDealMwChangeDocument,
  ActivateDealDocument,
  DeclineDealMwChangeDocument,
  EndDealDocument,
  ProposeDealDocument,
  ProposeDealMwChangeDocument,
  RejectDealDocument,
  SignDealDocument,
  WithdrawDealDocument,
} from '@/generated/graphql';

const MOVES = {
  accept: AcceptDealDocument,
  reject: RejectDealDocument,
  withdraw: WithdrawDealDocument,
  sign: SignDealDocument,
  activate: ActivateDealDocument,
  end: EndDealDocument,
  acceptMwChange: AcceptDealMwChangeDocument,
  declineMwChange: DeclineDealMwChangeDocument,
} as const;

/** Accept, reject, withdraw, sign, activate, end, or accept/decline a change of MW: the API checks who may make which move in which state. */
export async function moveDeal(_prev: FormState, formData: FormData): Promise<FormState> {
  const id = String(formData.get('id'));
  const name = String(formData.get('move'));
  // Own keys only: MOVES['toString'] would be a function.
  const move = Object.hasOwn(MOVES, name) ? MOVES[name as keyof typeof MOVES] : undefined;
  if (!move) return { ok: false, message: 'Unknown action', fieldErrors: {}, values: {} };
  if (move === SignDealDocument) {
    // One of the deal's revenue scenarios, or none: the deal's own terms (DEFAULT).
    const scenarioId = String(formData.get('scenarioId') ?? '') || null;
    return submitMutation(SignDealDocument, { id, scenarioId }, {});
  }
  return submitMutation(move, { id }, {});
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
    const data = await gqlMutation(ProposeDealDocument, { input });
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
  return submitMutation(ProposeDealMwChangeDocument, { input }, values, {
    message: 'Change proposed; the other party accepts or declines it.',
  });
}
