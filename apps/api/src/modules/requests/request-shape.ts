// The rules that tie a request's numbers together. Create checks its input; update checks the request as
// it would stand after the change, so the same rules serve both.
import { isoDay } from '../common/dates';
import { mwToKw } from '../common/units';

export interface Phase {
  mw: number;
  neededBy: Date;
}

export interface RequestShape {
  totalMw: number;
  minContiguousMw: number;
  phases: readonly Phase[];
}

export type FieldPath = (string | number)[];

export interface ShapeIssue {
  /** The fields at fault, most specific first (update names the first one the client sent). */
  paths: [FieldPath, ...FieldPath[]];
  message: string;
}

// Compared in kW so float sums of 3-decimal MW do not refuse an exact fit.

export function findShapeIssue(request: RequestShape): ShapeIssue | null {
  const { totalMw, minContiguousMw, phases } = request;
  if (mwToKw(minContiguousMw) > mwToKw(totalMw)) {
    return { paths: [['minContiguousMw'], ['totalMw']], message: `minContiguousMw (${minContiguousMw} MW) must not exceed totalMw (${totalMw} MW)` };
  }
  for (const [i, phase] of phases.entries()) {
    const previous = phases[i - 1];
    if (previous && phase.neededBy <= previous.neededBy) {
      return {
        paths: [['phases', i, 'neededBy']],
        message: `phase ${i + 1} (${isoDay(phase.neededBy)}) must come after phase ${i} (${isoDay(previous.neededBy)}): list phases in date order`,
      };
    }
  }
  const sum = phases.reduce((total, phase) => total + mwToKw(phase.mw), 0) / 1000;
  if (mwToKw(sum) !== mwToKw(totalMw)) {
    return { paths: [['phases'], ['totalMw']], message: `the phases add up to ${sum} MW but totalMw is ${totalMw} MW; they must be equal` };
  }
  return null;
}

/** The path to report for an update: the first one at fault that the client actually sent. */
export function pathForUpdate(issue: ShapeIssue, sent: ReadonlySet<string>): FieldPath {
  return issue.paths.find((path) => sent.has(String(path[0]))) ?? issue.paths[0];
}
