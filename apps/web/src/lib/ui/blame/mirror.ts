/** Text metrics a layer must share with a field for its letters to land exactly where the field's do. */
const COPIED = [
  'fontFamily',
  'fontSize',
  'fontWeight',
  'fontStyle',
  'fontStretch',
  'lineHeight',
  'letterSpacing',
  'wordSpacing',
  'textIndent',
  'textTransform',
  'tabSize',
  'paddingTop',
  'paddingRight',
  'paddingBottom',
  'paddingLeft',
  'overflowWrap',
  'wordBreak',
] as const;

/**
 * Lays `layer` exactly over the text area of `field` (inside its border, beside any scrollbar) with the same
 * metrics and scroll position, so the underlines it draws sit under the field's own words.
 */
export function mirrorField(field: HTMLTextAreaElement, layer: HTMLElement): void {
  const style = getComputedStyle(field);
  for (const property of COPIED) layer.style[property] = style[property];
  layer.style.left = `${field.offsetLeft + field.clientLeft}px`;
  layer.style.top = `${field.offsetTop + field.clientTop}px`;
  layer.style.width = `${field.clientWidth}px`;
  layer.style.height = `${field.clientHeight}px`;
  layer.scrollTop = field.scrollTop;
  layer.scrollLeft = field.scrollLeft;
}
