// Placing the map's labels so none covers another or another place's dot: each label tries positions
// around its dot (right, left, above, below, then the diagonals) and takes the first that is free and
// inside the map; the biggest places choose first. A label with no free position is left out (its dot
// keeps its tooltip and the results table names it), which beats letters printed over each other.

export interface LabelInput {
  id: string;
  text: string;
  /** The dot's centre and radius, in map units. */
  x: number;
  y: number;
  r: number;
  /** Larger chooses first. */
  weight: number;
}

export interface PlacedLabel {
  id: string;
  text: string;
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** An estimate of the text's box: the map's SVG text has no measuring on the server. */
const textWidth = (text: string, fontSize: number) => text.length * fontSize * 0.6;

export function placeLabels(inputs: readonly LabelInput[], size: { width: number; height: number }, fontSize = 10): PlacedLabel[] {
  const gap = 3;
  const taken: Box[] = inputs.map((p) => ({ left: p.x - p.r, top: p.y - p.r, right: p.x + p.r, bottom: p.y + p.r }));
  const placed: PlacedLabel[] = [];
  for (const p of [...inputs].sort((a, b) => b.weight - a.weight)) {
    const w = textWidth(p.text, fontSize);
    const h = fontSize;
    const d = p.r + gap;
    // [x of the text anchor, baseline y, anchor] for each position, and the box it would cover.
    const candidates: [number, number, PlacedLabel['anchor']][] = [
      [p.x + d, p.y + h / 3, 'start'],
      [p.x - d, p.y + h / 3, 'end'],
      [p.x, p.y - d, 'middle'],
      [p.x, p.y + d + h, 'middle'],
      [p.x + d * 0.7, p.y - d * 0.7, 'start'],
      [p.x - d * 0.7, p.y - d * 0.7, 'end'],
      [p.x + d * 0.7, p.y + d * 0.7 + h, 'start'],
      [p.x - d * 0.7, p.y + d * 0.7 + h, 'end'],
    ];
    const own = taken[inputs.indexOf(p)];
    for (const [x, y, anchor] of candidates) {
      const left = anchor === 'start' ? x : anchor === 'end' ? x - w : x - w / 2;
      const box = { left, top: y - h, right: left + w, bottom: y + h * 0.25 };
      const inside = box.left >= 0 && box.top >= 0 && box.right <= size.width && box.bottom <= size.height;
      if (inside && !taken.some((other) => other !== own && overlaps(box, other))) {
        taken.push(box);
        placed.push({ id: p.id, text: p.text, x, y, anchor });
        break;
      }
    }
  }
  return placed;
}
