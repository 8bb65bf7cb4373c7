import type { FactorNode, Fishbone } from '@debrief/model';
import type { Report, ReportCitation, ReportFactor } from '@debrief/protocol';

/** The report's fishbone in the shape the board's layout expects (ids are only for the layout). */
export function reportFishbone(report: Report): Fishbone {
  let n = 0;
  const nodes = (list: ReportFactor[], categoryId: string, parentId: string | null, depth: number): FactorNode[] =>
    list.map((f) => {
      const id = `f${n++}`;
      return { id, categoryId, parentId, text: f.text, order: n, depth, evidence: null, children: nodes(f.children, categoryId, id, depth + 1) };
    });
  return {
    problem: report.contributingFactors.fishbone.problem,
    categories: report.contributingFactors.fishbone.categories.map((c, i) => ({
      id: `c${i}`,
      name: c.name,
      order: i,
      factors: nodes(c.factors, `c${i}`, null, 0),
    })),
  };
}

/** A bone's factors as indented lines, each with what it cites (the diagram's text, for reading and for print). */
export function factorLines(list: ReportFactor[], depth = 0): { text: string; cites: ReportCitation | null; depth: number }[] {
  return list.flatMap((f) => [{ text: f.text, cites: f.cites, depth }, ...factorLines(f.children, depth + 1)]);
}
