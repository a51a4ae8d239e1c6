import * as echarts from 'echarts';

export interface BarSeries {
  name: string;
  values: (number | null)[];
}

/** A grouped bar chart rendered on the server to SVG (ECharts SSR), for print: no animation, black text. */
export function barChartSvg(categories: string[], series: BarSeries[], opts: { width?: number; height?: number; max?: number } = {}): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: opts.width ?? 900, height: opts.height ?? (categories.length > 8 ? 300 : 240) });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: 'DejaVu Sans', color: '#000' },
      color: ['#2f4f8f', '#9bb0d6', '#555'],
      legend: { top: 0, textStyle: { fontSize: 11 } },
      grid: { left: 40, right: 10, top: 30, bottom: categories.length > 8 ? 90 : 40 },
      xAxis: { type: 'category', data: categories.map((c) => (c.length > 18 ? `${c.slice(0, 17)}…` : c)), axisLabel: { fontSize: 10, interval: 0, rotate: categories.length > 8 ? 35 : 0 } },
      yAxis: { type: 'value', max: opts.max, axisLabel: { fontSize: 10 } },
      series: series.map((s) => ({
        name: s.name, type: 'bar', data: s.values,
        label: { show: true, position: 'top', fontSize: 9, formatter: (p: { value: number }) => (p.value == null ? '' : String(Math.round(p.value))) },
      })),
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
