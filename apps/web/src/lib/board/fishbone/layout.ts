import type { Fishbone, FactorNode } from '@debrief/model';
import { CHAR_WIDTH, LINE_HEIGHT, wrapText } from './wrap.ts';

/** An axis-aligned rectangle in diagram coordinates. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Line {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** A factor's place: its box, wrapped text, and the line that ties it to its bone or its parent. */
export interface FactorBox extends Box {
  id: string;
  parentId: string | null;
  depth: number;
  lines: string[];
  connector: Line;
}

/** One bone: its label, the slanted bone line, its factors and the slot for its "add" control. */
export interface ColumnLayout {
  categoryId: string;
  /** Across: bones above and below a horizontal spine. Down: bones left and right of a vertical one. */
  side: 'top' | 'bottom' | 'left' | 'right';
  label: Box & { lines: string[] };
  bone: Line;
  factors: FactorBox[];
  addSlot: Box;
}

export interface FishboneLayout {
  /** `across`: the classic fish, head at the right; `down`: the same fish upright, head at the bottom, for narrow screens. */
  orientation: 'across' | 'down';
  width: number;
  height: number;
  spine: Line;
  head: Box & { lines: string[] };
  columns: ColumnLayout[];
}

export const METRICS = {
  margin: 24,
  columnWidth: 200,
  indent: 18,
  boneGap: 14,
  slant: 44,
  columnGap: 24,
  labelHeight: 36,
  padX: 8,
  padY: 6,
  gap: 8,
  addSlotHeight: 26,
  spineClearance: 22,
  headWidth: 200,
} as const;

const M = METRICS;
const columnSpan = M.columnWidth + M.boneGap + M.slant;

/** A bone's name, wrapped in bold type, and the label height it needs (at least the standard height). */
function labelBox(name: string) {
  const lines = wrapText(name || 'Unnamed bone', (M.columnWidth + M.boneGap - 2 * M.padX - 4) / (CHAR_WIDTH + 0.6));
  return { lines, height: Math.max(M.labelHeight, lines.length * LINE_HEIGHT + 2 * M.padY + 4) };
}

function textBox(text: string, width: number) {
  const lines = wrapText(text || ' ', (width - 2 * M.padX) / CHAR_WIDTH);
  return { lines, height: lines.length * LINE_HEIGHT + 2 * M.padY };
}

/** Factors of one bone in reading order with their wrapped sizes (before positions are known). */
function measure(factors: FactorNode[]) {
  const out: { node: FactorNode; width: number; lines: string[]; height: number }[] = [];
  const walk = (list: FactorNode[]) => {
    for (const node of list) {
      const width = M.columnWidth - node.depth * M.indent;
      out.push({ node, width, ...textBox(node.text || 'Untitled factor', width) });
      walk(node.children);
    }
  };
  walk(factors);
  return out;
}

const stackHeight = (items: { height: number }[]) => items.reduce((sum, item) => sum + item.height + M.gap, 0) + M.addSlotHeight;

/**
 * Lays out the fishbone across (the classic fish) when that is at most `maxWidth` wide, otherwise upright, which
 * is about 560 units wide however many bones there are: a diagram that fits its space without shrinking its text.
 */
export function layoutFishbone(fishbone: Fishbone, maxWidth = Infinity): FishboneLayout {
  const across = layoutAcross(fishbone);
  return across.width <= maxWidth ? across : layoutDown(fishbone);
}

/** Places one bone's factors in reading order from `y`, joined to the bone (or their parent) by connectors. */
function placeFactors(items: ReturnType<typeof measure>, x0: number, y: number, boneXAt: (y: number) => number, side: ColumnLayout['side']) {
  const placed = new Map<string, FactorBox>();
  const factors = items.map(({ node, width, lines, height }) => {
    const x = x0 + node.depth * M.indent;
    const mid = y + height / 2;
    const parent = node.parentId ? placed.get(node.parentId) : undefined;
    // Factors on the bone reach across to it; whys hang off their parent like a tree.
    const connector = parent
      ? { x1: parent.x + M.indent / 2, y1: parent.y + parent.height, x2: x, y2: mid }
      : side === 'right'
        ? { x1: x, y1: mid, x2: boneXAt(mid), y2: mid }
        : { x1: x + width, y1: mid, x2: boneXAt(mid), y2: mid };
    const box: FactorBox = { id: node.id, parentId: parent ? node.parentId : null, depth: node.depth, x, y, width, height, lines, connector };
    placed.set(node.id, box);
    y += height + M.gap;
    return box;
  });
  return { factors, end: y };
}

/**
 * The fish upright: a vertical spine with the head at the bottom, bones alternating left and right of it in rows,
 * each bone a label over its factors with the bone slanting from the label down into the spine. Rows follow each
 * other down the spine and the two sides never share horizontal space, so nothing overlaps.
 */
function layoutDown(fishbone: Fishbone): FishboneLayout {
  const measured = fishbone.categories.map((category) => ({ category, items: measure(category.factors), label: labelBox(category.name) }));
  const leftX = M.margin;
  const spineX = leftX + M.columnWidth + M.boneGap + M.slant;
  const rightX = spineX + M.slant + M.boneGap;
  const blockHeight = (m: (typeof measured)[number]) => m.label.height + M.gap + stackHeight(m.items);
  const columns: ColumnLayout[] = [];
  let rowY = M.margin;
  for (let row = 0; row * 2 < measured.length; row++) {
    const pair = measured.slice(row * 2, row * 2 + 2);
    const boneEnd = rowY + Math.max(...pair.map(blockHeight)) + M.spineClearance;
    pair.forEach(({ category, items, label: measuredLabel }, i) => {
      const side = i === 0 ? 'left' : 'right';
      const x0 = side === 'left' ? leftX : rightX;
      const label = {
        x: side === 'left' ? x0 : x0 - M.boneGap,
        y: rowY,
        width: M.columnWidth + M.boneGap,
        height: measuredLabel.height,
        lines: measuredLabel.lines,
      };
      const boneStartX = side === 'left' ? x0 + M.columnWidth + M.boneGap : x0 - M.boneGap;
      const bone = { x1: boneStartX, y1: rowY + label.height / 2, x2: spineX, y2: boneEnd };
      const boneXAt = (y: number) => bone.x1 + ((y - bone.y1) / (bone.y2 - bone.y1 || 1)) * (bone.x2 - bone.x1);
      const { factors, end } = placeFactors(items, x0, rowY + label.height + M.gap, boneXAt, side);
      columns.push({
        categoryId: category.id,
        side,
        label,
        bone,
        factors,
        addSlot: { x: x0, y: end, width: M.columnWidth, height: M.addSlotHeight },
      });
    });
    rowY = boneEnd + M.spineClearance;
  }
  const spineEnd = Math.max(rowY, M.margin + M.spineClearance);
  const headText = textBox(fishbone.problem || 'Problem statement', M.headWidth);
  const head = { x: spineX - M.headWidth / 2, y: spineEnd + M.gap, width: M.headWidth, height: headText.height, lines: headText.lines };
  return {
    orientation: 'down',
    width: rightX + M.columnWidth + M.margin,
    height: head.y + head.height + M.margin,
    spine: { x1: spineX, y1: M.margin, x2: spineX, y2: head.y },
    head,
    columns,
  };
}

/**
 * The classic fish: bones alternate above and below the spine, staggered, each a column whose factors stack along
 * it. Columns never share horizontal space within a row and rows are separated by the spine, so nothing overlaps
 * however many factors or however long their text.
 */
function layoutAcross(fishbone: Fishbone): FishboneLayout {
  const measured = fishbone.categories.map((category) => ({ category, items: measure(category.factors), label: labelBox(category.name) }));
  const top = measured.filter((_, i) => i % 2 === 0);
  const bottom = measured.filter((_, i) => i % 2 === 1);
  const topExtent = Math.max(0, ...top.map((c) => c.label.height + M.gap + stackHeight(c.items)));
  const bottomContent = Math.max(0, ...bottom.map((c) => stackHeight(c.items)));
  const bottomLabelHeight = Math.max(0, ...bottom.map((c) => c.label.height));

  const labelTop = M.margin;
  const spineY = labelTop + topExtent + M.spineClearance;
  const bottomLabelY = spineY + M.spineClearance + bottomContent + M.gap;
  const rowWidth = (count: number, offset: number) => (count ? offset + count * columnSpan + (count - 1) * M.columnGap : 0);
  const stagger = (columnSpan + M.columnGap) / 2;
  const spineEnd = M.margin + Math.max(rowWidth(top.length, 0), rowWidth(bottom.length, stagger), columnSpan) + M.columnGap;

  const columns: ColumnLayout[] = measured.map(({ category, items, label: measuredLabel }, index) => {
    const side = index % 2 === 0 ? 'top' : 'bottom';
    const slot = Math.floor(index / 2);
    const x0 = M.margin + (side === 'bottom' ? stagger : 0) + slot * (columnSpan + M.columnGap);
    const boneX = x0 + M.columnWidth + M.boneGap;
    const labelY = side === 'top' ? labelTop : bottomLabelY;
    const label = { x: x0, y: labelY, width: M.columnWidth + M.boneGap, height: measuredLabel.height, lines: measuredLabel.lines };
    const boneFar = side === 'top' ? labelY + label.height : labelY;
    const bone = { x1: boneX, y1: boneFar, x2: boneX + M.slant, y2: spineY };
    const boneXAt = (y: number) => bone.x1 + ((y - bone.y1) / (bone.y2 - bone.y1 || 1)) * M.slant;

    const start = side === 'top' ? labelY + label.height + M.gap : spineY + M.spineClearance;
    const { factors, end: y } = placeFactors(items, x0, start, boneXAt, side);
    const addSlot = { x: x0, y, width: M.columnWidth, height: M.addSlotHeight };
    return { categoryId: category.id, side, label, bone, factors, addSlot };
  });

  const headText = textBox(fishbone.problem || 'Problem statement', M.headWidth);
  const head = { x: spineEnd + M.gap, y: spineY - headText.height / 2, width: M.headWidth, height: headText.height, lines: headText.lines };
  const height = Math.max(bottomLabelY + bottomLabelHeight, head.y + head.height, spineY + M.spineClearance) + M.margin;
  return {
    orientation: 'across',
    width: head.x + head.width + M.margin,
    height: Math.max(height, head.y + head.height + M.margin),
    spine: { x1: M.margin, y1: spineY, x2: spineEnd + M.gap, y2: spineY },
    head,
    columns,
  };
}
