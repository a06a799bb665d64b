import { findShapeIssue, pathForUpdate } from './request-shape';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const phases = [
  { mw: 50, neededBy: day('2027-09-30') },
  { mw: 150, neededBy: day('2028-09-30') },
];

describe('findShapeIssue', () => {
  it('accepts phases in date order adding up to the total', () => {
    expect(findShapeIssue({ totalMw: 200, minContiguousMw: 50, phases })).toBeNull();
  });

  it('compares MW to the kW, so 0.1 + 0.2 MW make 0.3 MW', () => {
    expect(findShapeIssue({ totalMw: 0.3, minContiguousMw: 0.1, phases: [{ mw: 0.1, neededBy: day('2027-01-01') }, { mw: 0.2, neededBy: day('2027-02-01') }] })).toBeNull();
  });

  it.each([
    ['a contiguous minimum above the total', { totalMw: 200, minContiguousMw: 201, phases }, ['minContiguousMw']],
    ['phases out of order', { totalMw: 200, minContiguousMw: 50, phases: [...phases].reverse() }, ['phases', 1, 'neededBy']],
    ['two phases on one day', { totalMw: 200, minContiguousMw: 50, phases: phases.map((p) => ({ ...p, neededBy: day('2027-09-30') })) }, ['phases', 1, 'neededBy']],
    ['phases not adding up', { totalMw: 250, minContiguousMw: 50, phases }, ['phases']],
  ])('refuses %s', (_label, request, path) => {
    expect(findShapeIssue(request)?.paths[0]).toEqual(path);
  });

  it('names, for an update, the field the client sent', () => {
    const issue = findShapeIssue({ totalMw: 250, minContiguousMw: 50, phases })!;
    expect(pathForUpdate(issue, new Set(['totalMw']))).toEqual(['totalMw']);
    expect(pathForUpdate(issue, new Set(['phases', 'totalMw']))).toEqual(['phases']);
    expect(pathForUpdate(issue, new Set(['title']))).toEqual(['phases']);
  });
});
