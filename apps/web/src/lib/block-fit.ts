// How well one of the host's blocks fits a tenant's request, in words, so the proposal form can offer the
// best block, leave out the ones the request rules out, and say what is off about the rest.

export interface FitRequest {
  totalMw: number;
  minContiguousMw: number;
  termMonths: number;
  maxPriceUsdPerKwMonth: number | null;
  /** First phase's date, YYYY-MM-DD. */
  neededBy: string;
}

export interface FitBlock {
  id: string;
  firmMw: number;
  priceUsdPerKwMonth: number;
  minTermMonths: number;
  availableFrom: string;
}

export interface BlockFit<B extends FitBlock> {
  block: B;
  /** The request's hard limits it breaks: such blocks are not offered. */
  violations: string[];
  /** What is off but still negotiable. */
  misfits: string[];
}

export function assessBlock<B extends FitBlock>(block: B, request: FitRequest): BlockFit<B> {
  const violations: string[] = [];
  const misfits: string[] = [];
  if (request.maxPriceUsdPerKwMonth !== null && block.priceUsdPerKwMonth > request.maxPriceUsdPerKwMonth) {
    violations.push(`its price of $${block.priceUsdPerKwMonth}/kW-month is above the $${request.maxPriceUsdPerKwMonth} ceiling`);
  }
  if (block.minTermMonths > request.termMonths) {
    violations.push(`its minimum term of ${block.minTermMonths} months is longer than the ${request.termMonths} asked`);
  }
  if (block.firmMw < request.minContiguousMw) {
    violations.push(`its ${block.firmMw} firm MW is less than the ${request.minContiguousMw} MW needed at one site`);
  }
  if (block.firmMw < request.totalMw && block.firmMw >= request.minContiguousMw) {
    misfits.push(`${block.firmMw} of the ${request.totalMw} MW asked: the rest must come from elsewhere`);
  }
  if (block.availableFrom.slice(0, 10) > request.neededBy.slice(0, 10)) {
    misfits.push(`available ${block.availableFrom.slice(0, 10)}, after the ${request.neededBy.slice(0, 10)} the first phase needs`);
  }
  return { block, violations, misfits };
}

/** Blocks the request allows, best first: the ones matching chose, then fewest misfits, most MW, cheapest. */
export function rankBlocks<B extends FitBlock>(blocks: readonly B[], request: FitRequest, matchedIds: ReadonlySet<string>) {
  const fits = blocks.map((b) => assessBlock(b, request));
  const offered = fits
    .filter((f) => f.violations.length === 0)
    .sort(
      (a, b) =>
        Number(matchedIds.has(b.block.id)) - Number(matchedIds.has(a.block.id)) ||
        a.misfits.length - b.misfits.length ||
        Math.min(b.block.firmMw, request.totalMw) - Math.min(a.block.firmMw, request.totalMw) ||
        a.block.priceUsdPerKwMonth - b.block.priceUsdPerKwMonth,
    );
  return { offered, hidden: fits.filter((f) => f.violations.length > 0) };
}

/** MW, price and term a proposal on this block starts from. */
export function proposalDefaults(block: FitBlock, request: FitRequest) {
  return {
    mw: String(Math.min(block.firmMw, request.totalMw)),
    priceUsdPerKwMonth: String(block.priceUsdPerKwMonth),
    termMonths: String(Math.max(request.termMonths, block.minTermMonths)),
  };
}
