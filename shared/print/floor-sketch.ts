/**
 * A small floor sketch for the directions slip: the destination floor as a box, the lift and
 * stairs at the front, every room of the floor at its position (rooms.pos_x / pos_y, edited in
 * settings), the destination filled and a dashed path to it. Pure: rooms in, SVG markup out.
 */
import { escapeHtml } from './appointment-slip';

export interface SketchRoom {
  code: string;
  posX: number;
  posY: number;
  target: boolean;
}

const WIDTH = 200;
const HEIGHT = 120;
const PAD = 10;

/** Plan coordinates (0–100 each way; y 0 at the lift, 100 at the back) to SVG's. */
function place(posX: number, posY: number) {
  return { x: PAD + ((WIDTH - 2 * PAD) * posX) / 100, y: HEIGHT - PAD - ((HEIGHT - 2 * PAD) * posY) / 100 };
}

/**
 * @example floorSketchSvg([{ code: '401', posX: 70, posY: 60, target: true }], { lift: '电梯', stairs: '楼梯', you: '' })
 */
export function floorSketchSvg(rooms: readonly SketchRoom[], labels: { lift: string; stairs: string }): string {
  const lift = place(12, 0);
  const stairs = place(88, 0);
  const target = rooms.find((room) => room.target);
  const boxes = rooms
    .map((room) => {
      const { x, y } = place(room.posX, room.posY);
      return `<g><rect x="${x - 14}" y="${y - 8}" width="28" height="16" rx="2" fill="${room.target ? '#000' : '#fff'}" stroke="#000" stroke-width="${room.target ? 1.6 : 0.8}"/><text x="${x}" y="${y + 3.5}" font-size="9" text-anchor="middle" fill="${room.target ? '#fff' : '#000'}" font-weight="${room.target ? 700 : 400}">${escapeHtml(room.code)}</text></g>`;
    })
    .join('');
  const path = target
    ? (() => {
        const end = place(target.posX, target.posY);
        return `<path d="M ${lift.x} ${lift.y - 6} L ${lift.x} ${end.y} L ${end.x - 14} ${end.y}" fill="none" stroke="#000" stroke-width="1.4" stroke-dasharray="3 2"/>`;
      })()
    : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT + 14}" role="img">
<rect x="2" y="2" width="${WIDTH - 4}" height="${HEIGHT - 4}" fill="none" stroke="#000" stroke-width="1.2"/>
${path}${boxes}
<rect x="${lift.x - 12}" y="${lift.y - 6}" width="24" height="12" fill="#ddd" stroke="#000" stroke-width="0.8"/>
<text x="${lift.x}" y="${HEIGHT + 10}" font-size="8.5" text-anchor="middle">${escapeHtml(labels.lift)}</text>
<rect x="${stairs.x - 12}" y="${stairs.y - 6}" width="24" height="12" fill="none" stroke="#000" stroke-width="0.8" stroke-dasharray="2 1"/>
<text x="${stairs.x}" y="${HEIGHT + 10}" font-size="8.5" text-anchor="middle">${escapeHtml(labels.stairs)}</text>
</svg>`;
}
