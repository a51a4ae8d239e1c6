// The one place ECharts parts are registered (DESIGN.md convention 7): only the charts in use.
// SVG renderer: the labels are text in the page, readable by screen readers and by the e2e tests.
import { use } from 'echarts/core';
import { BarChart, HeatmapChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

use([BarChart, HeatmapChart, AriaComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, SVGRenderer]);
