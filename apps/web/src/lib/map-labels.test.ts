import { type LabelInput, placeLabels } from './map-labels';

const size = { width: 960, height: 420 };
const box = (l: { x: number; y: number; anchor: string; text: string }) => {
  const w = l.text.length * 6;
  const left = l.anchor === 'start' ? l.x : l.anchor === 'end' ? l.x - w : l.x - w / 2;
  return { left, right: left + w, top: l.y - 10, bottom: l.y + 2.5 };
};

describe('map labels', () => {
  it('places labels of neighbouring places so that none overlaps another or a dot', () => {
    // Texas, Oklahoma and Kansas sit one above the other at this scale: labels to the right would collide.
    const inputs: LabelInput[] = [
      { id: 'tx', text: 'Texas', x: 216, y: 148, r: 17, weight: 400 },
      { id: 'ok', text: 'Oklahoma', x: 220, y: 135, r: 8, weight: 100 },
      { id: 'ks', text: 'Kansas', x: 218, y: 126, r: 6, weight: 50 },
    ];
    const placed = placeLabels(inputs, size);
    expect(placed.map((l) => l.id).sort()).toEqual(['ks', 'ok', 'tx']);
    const boxes = placed.map(box);
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i]!, boxes[j]!];
        expect(a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom).toBe(false);
      }
      // Another place's dot; a label may touch the corner of its own dot's square.
      for (const p of inputs.filter((input) => input.id !== placed[i]!.id)) {
        const a = boxes[i]!;
        const overDot = a.left < p.x + p.r && p.x - p.r < a.right && a.top < p.y + p.r && p.y - p.r < a.bottom;
        expect(overDot).toBe(false);
      }
    }
  });

  it('keeps labels inside the map, and the biggest place is labelled first', () => {
    const placed = placeLabels([{ id: 'edge', text: 'Far East Region', x: 955, y: 5, r: 4, weight: 1 }], size);
    expect(placed).toHaveLength(1);
    const b = box(placed[0]!);
    expect(b.right).toBeLessThanOrEqual(960);
    expect(b.top).toBeGreaterThanOrEqual(0);
  });

  it('leaves a label out rather than print it over another', () => {
    // Ten places on one spot: not all fit around it.
    const crowd = Array.from({ length: 10 }, (_, i) => ({ id: `p${i}`, text: `Place number ${i}`, x: 480, y: 210, r: 5, weight: 10 - i }));
    const placed = placeLabels(crowd, size);
    expect(placed.length).toBeLessThan(10);
    expect(placed[0]!.id).toBe('p0');
  });
});
