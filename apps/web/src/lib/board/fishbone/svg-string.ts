import type { FishboneLayout } from './layout.ts';
import { DIAGRAM_FONT as FONT, FONT_SIZE, LINE_HEIGHT } from './wrap.ts';

/** Escapes text for XML content and attribute values. */
export function xml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

function lines(texts: string[], x: number, top: number, attrs: string): string {
  const spans = texts.map((t, i) => `<tspan x="${x}" y="${top + 6 + LINE_HEIGHT * (i + 1) - 4}">${xml(t)}</tspan>`).join('');
  return `<text font-family="${FONT}" font-size="${FONT_SIZE}" ${attrs}>${spans}</text>`;
}

/**
 * A static drawing of a laid-out fishbone as an SVG document string, for the published report (shown as an image, so
 * nothing in it can run). Same layout as the live diagram; every text is escaped.
 */
export function fishboneSvgString(layout: FishboneLayout): string {
  const parts: string[] = [
    `<rect width="${layout.width}" height="${layout.height}" fill="#ffffff"/>`,
    `<line x1="${layout.spine.x1}" y1="${layout.spine.y1}" x2="${layout.spine.x2}" y2="${layout.spine.y2}" stroke="#2f5d50" stroke-width="4" stroke-linecap="round"/>`,
  ];
  for (const column of layout.columns) {
    const { bone, label } = column;
    parts.push(`<line x1="${bone.x1}" y1="${bone.y1}" x2="${bone.x2}" y2="${bone.y2}" stroke="#4c5852" stroke-width="2.5"/>`);
    parts.push(`<rect x="${label.x}" y="${label.y}" width="${label.width}" height="${label.height}" rx="8" fill="#2f5d50"/>`);
    parts.push(
      lines(label.lines, label.x + 10, label.y + (label.height - label.lines.length * LINE_HEIGHT) / 2 - 6 + 6, 'font-weight="700" fill="#ffffff"'),
    );
    for (const box of column.factors) {
      const c = box.connector;
      parts.push(`<line x1="${c.x1}" y1="${c.y1}" x2="${c.x2}" y2="${c.y2}" stroke="#9aa39e" stroke-width="1.5"/>`);
      if (box.parentId) parts.push(`<line x1="${c.x1}" y1="${c.y1}" x2="${c.x1}" y2="${c.y2}" stroke="#9aa39e" stroke-width="1.5"/>`);
      parts.push(
        `<rect x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" rx="6" fill="${box.depth ? '#f6f4ef' : '#ffffff'}" stroke="#bdb7aa"/>`,
      );
      parts.push(lines(box.lines, box.x + 8, box.y, 'fill="#1d2521"'));
    }
  }
  const head = layout.head;
  parts.push(
    `<rect x="${head.x}" y="${head.y}" width="${head.width}" height="${head.height}" rx="10" fill="#fdf3dc" stroke="#c98a12" stroke-width="2.5"/>`,
  );
  parts.push(lines(head.lines, head.x + 8, head.y, 'font-weight="700" fill="#1d2521"'));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}">${parts.join('')}</svg>`;
}
