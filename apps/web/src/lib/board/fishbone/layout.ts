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
  side: 'top' | 'bottom';
  label: Box & { lines: string[] };
  bone: Line;
  factors: FactorBox[];
  addSlot: Box;
}

export interface FishboneLayout {
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
 * Lays out the fishbone: bones alternate above and below the spine, staggered, each a column whose factors
 * stack along it. Columns never share horizontal space within a row and rows are separated by the spine, so
 * nothing overlaps however many factors or however long their text.
 */
export function layoutFishbone(fishbone: Fishbone): FishboneLayout {
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

    let y = side === 'top' ? labelY + label.height + M.gap : spineY + M.spineClearance;
    const placed = new Map<string, FactorBox>();
    const factors = items.map(({ node, width, lines, height }) => {
      const x = x0 + node.depth * M.indent;
      const mid = y + height / 2;
      const parent = node.parentId ? placed.get(node.parentId) : undefined;
      // Factors on the bone reach right to it; whys hang off their parent like a tree.
      const connector = parent
        ? { x1: parent.x + M.indent / 2, y1: parent.y + parent.height, x2: x, y2: mid }
        : { x1: x + width, y1: mid, x2: boneXAt(mid), y2: mid };
      const box: FactorBox = { id: node.id, parentId: parent ? node.parentId : null, depth: node.depth, x, y, width, height, lines, connector };
      placed.set(node.id, box);
      y += height + M.gap;
      return box;
    });
    const addSlot = { x: x0, y, width: M.columnWidth, height: M.addSlotHeight };
    return { categoryId: category.id, side, label, bone, factors, addSlot };
  });

  const headText = textBox(fishbone.problem || 'Problem statement', M.headWidth);
  const head = { x: spineEnd + M.gap, y: spineY - headText.height / 2, width: M.headWidth, height: headText.height, lines: headText.lines };
  const height = Math.max(bottomLabelY + bottomLabelHeight, head.y + head.height, spineY + M.spineClearance) + M.margin;
  return {
    width: head.x + head.width + M.margin,
    height: Math.max(height, head.y + head.height + M.margin),
    spine: { x1: M.margin, y1: spineY, x2: spineEnd + M.gap, y2: spineY },
    head,
    columns,
  };
}
