// The heatmap's ECharts parts, in a chunk of their own (registered by echarts-setup's useHeatmapParts).
import { HeatmapChart } from 'echarts/charts';
import { VisualMapComponent } from 'echarts/components';

export const heatmapParts = [HeatmapChart, VisualMapComponent];
