import type { Action } from 'svelte/action';
import type { Chart, ChartConfiguration } from 'chart.js';

/**
 * Draws a Chart.js chart on a canvas and keeps it in step with its configuration. Chart.js is loaded on first
 * use, so pages without charts do not carry it.
 */
export const chart: Action<HTMLCanvasElement, ChartConfiguration> = (canvas, initial) => {
  let config = initial;
  let instance: Chart | undefined;
  let destroyed = false;
  const draw = async () => {
    const { Chart } = await import('chart.js/auto');
    if (destroyed) return;
    instance?.destroy();
    instance = new Chart(canvas, config);
  };
  void draw();
  return {
    update(next) {
      config = next;
      void draw();
    },
    destroy() {
      destroyed = true;
      instance?.destroy();
    },
  };
};

/**
 * The options every chart here shares: it fills its figure's height, draws at once (no animation to wait for in a
 * print or a screenshot), and has its title above and its legend below.
 */
export function chartOptions(title: string) {
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    plugins: { legend: { position: 'bottom' }, title: { display: true, text: title } },
  } as const;
}
