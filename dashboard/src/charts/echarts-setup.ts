// The one place ECharts parts are registered (DESIGN.md convention 7): only the charts in use.
// SVG renderer: the labels are text in the page, readable by screen readers and by the e2e tests.
// The bar chart is on every first screen and loads with the page; the heatmap and its visual map
// load with the card that draws them (useHeatmapParts), after the first chart is on screen.
import { use } from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

use([BarChart, AriaComponent, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

let heatmap: Promise<void> | null = null;

/** Registers the heatmap chart and visual map (once); await it before drawing a heatmap. */
export function useHeatmapParts(): Promise<void> {
  heatmap ??= import('./echarts-heatmap').then((m) => use(m.heatmapParts));
  return heatmap;
}
