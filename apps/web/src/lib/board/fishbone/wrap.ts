/**
 * Word wrap by character count. The layout must be deterministic and testable without a browser, so it
 * measures text by a conservative average glyph width instead of asking the DOM.
 */
/** The diagram's typeface, the same on screen and in exported SVG and PNG files. */
export const DIAGRAM_FONT = 'Inter, Segoe UI, system-ui, sans-serif';
export const FONT_SIZE = 13;
export const LINE_HEIGHT = 17;
/** Wider than the average glyph of the UI font at 13px, so real text never overflows its box. */
export const CHAR_WIDTH = 7.4;

/** Lines of at most `maxChars` characters, breaking at spaces and splitting words that are too long. */
export function wrapText(text: string, maxChars: number): string[] {
  const limit = Math.max(1, Math.floor(maxChars));
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      let rest = word;
      while (rest.length > limit) {
        if (line) {
          lines.push(line);
          line = '';
        }
        lines.push(rest.slice(0, limit));
        rest = rest.slice(limit);
      }
      if (!line) line = rest;
      else if (line.length + 1 + rest.length <= limit) line += ` ${rest}`;
      else {
        lines.push(line);
        line = rest;
      }
    }
    lines.push(line);
  }
  return lines.length ? lines : [''];
}

/** Where wrapped lines start so that they sit in the middle of a box's height (a bone's label). */
export const centredTop = (box: { y: number; height: number; lines: readonly string[] }) => box.y + (box.height - box.lines.length * LINE_HEIGHT) / 2;
