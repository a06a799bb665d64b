// Whether a host's proposal fits its blocks and the request, and how its MW spread over the blocks.
// Pure, so every rule is testable without a database; MW are handled in whole kW to avoid float drift.
import { isoDay } from '../common/dates';
import { mwToKw } from '../common/units';

export interface OfferedBlock {
  id: string;
  siteId: string;
  mw: number;
  minTermMonths: number;
  availableFrom: Date;
}

export interface ProposalTerms {
  mw: number;
  termMonths: number;
  startDate: Date;
}

export interface RequestSize {
  totalMw: number;
  minContiguousMw: number;
}

export interface TermsIssue {
  /** The input field at fault, e.g. `mw` or `blockIds.1`. */
  field: string;
  message: string;
}

export interface Allocation {
  blockId: string;
  mw: number;
}


/** Fills the blocks in the order given, each as far as it goes, until the deal's MW are covered. */
export function allocateMw(blocks: readonly OfferedBlock[], mw: number): Allocation[] {
  let left = mwToKw(mw);
  return blocks.map((block) => {
    const take = Math.min(left, mwToKw(block.mw));
    left -= take;
    return { blockId: block.id, mw: take / 1000 };
  });
}

function sizeIssue(terms: ProposalTerms, request: RequestSize, blocks: readonly OfferedBlock[]): TermsIssue | null {
  const offeredMw = blocks.reduce((sum, block) => sum + mwToKw(block.mw), 0) / 1000;
  if (mwToKw(terms.mw) > mwToKw(offeredMw)) return { field: 'mw', message: `must not exceed the blocks' ${offeredMw} MW` };
  if (mwToKw(terms.mw) < mwToKw(request.minContiguousMw)) return { field: 'mw', message: `must be at least the request's minContiguousMw (${request.minContiguousMw} MW)` };
  if (mwToKw(terms.mw) > mwToKw(request.totalMw)) return { field: 'mw', message: `must not exceed the request's totalMw (${request.totalMw} MW)` };
  return null;
}

function blockIssue(terms: ProposalTerms, blocks: readonly OfferedBlock[]): TermsIssue | null {
  const longTerm = blocks.find((block) => block.minTermMonths > terms.termMonths);
  if (longTerm) return { field: 'termMonths', message: `block ${longTerm.id} needs a term of at least ${longTerm.minTermMonths} months` };
  const late = blocks.find((block) => block.availableFrom > terms.startDate);
  if (late) return { field: 'startDate', message: `block ${late.id} is available only from ${isoDay(late.availableFrom)}` };
  const unneeded = allocateMw(blocks, terms.mw).findIndex((share) => share.mw === 0);
  if (unneeded >= 0) return { field: `blockIds.${unneeded}`, message: `not needed: the blocks before it already cover ${terms.mw} MW; leave it out` };
  return null;
}

/** The first rule the proposal breaks, or null. `blocks` are in the order the host listed them. */
export function findTermsIssue(terms: ProposalTerms, request: RequestSize, blocks: readonly OfferedBlock[]): TermsIssue | null {
  if (new Set(blocks.map((block) => block.siteId)).size > 1) {
    return { field: 'blockIds', message: 'must all be on one site; propose one deal per site' };
  }
  return sizeIssue(terms, request, blocks) ?? blockIssue(terms, blocks);
}
