import type { Orientation } from './form-document';

/** Print CSS of every form: A4, DejaVu/Liberation (Cyrillic), bordered tables that repeat their header. */
export function printCss(orientation: Orientation): string {
  return `
@page { size: A4 ${orientation}; }
* { box-sizing: border-box; }
body { font-family: 'DejaVu Serif', 'Liberation Serif', serif; font-size: 9.5pt; color: #000; margin: 0; }
.form-head { text-align: center; margin-bottom: 4mm; }
.form-head .school { font-size: 10.5pt; font-weight: bold; text-transform: none; }
.form-head h1 { font-size: 13pt; margin: 2mm 0 1mm; text-transform: uppercase; letter-spacing: 0.3pt; }
.form-head .subtitle { font-size: 10.5pt; margin-bottom: 1mm; }
.form-head .period { font-size: 10pt; }
h2 { font-size: 10.5pt; margin: 4mm 0 1.5mm; break-after: avoid; }
table { border-collapse: collapse; width: 100%; margin-bottom: 3mm; font-family: 'DejaVu Sans', 'Liberation Sans', sans-serif; font-size: 8pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 0.6pt solid #000; padding: 0.8mm 1.2mm; vertical-align: top; }
th { background: #eee; font-weight: bold; text-align: center; vertical-align: middle; }
td.num, th.num { text-align: center; white-space: nowrap; }
td.name { white-space: nowrap; min-width: 48mm; }
table.grid { width: auto; min-width: 50%; }
table.grid td.num, table.grid th.num { min-width: 8mm; }
tr.total td { font-weight: bold; background: #f5f5f5; }
.bad { font-weight: bold; }
.muted { color: #444; }
.note { font-size: 8pt; margin: 1mm 0 3mm; }
.facts { margin: 0 0 3mm; }
.facts td { border: none; padding: 0.3mm 2mm 0.3mm 0; font-size: 9pt; }
.chart { text-align: center; margin: 2mm 0 4mm; break-inside: avoid; }
.signatures { margin-top: 8mm; break-inside: avoid; font-size: 10pt; display: flex; justify-content: space-between; align-items: flex-start; gap: 6mm; }
.sign-line { display: flex; align-items: flex-end; margin-bottom: 5mm; }
.sign-line .pos { min-width: 60mm; }
.sign-line .blank { display: inline-block; width: 45mm; border-bottom: 0.6pt solid #000; margin: 0 2mm; }
.sign-line .fio { margin-left: 2mm; }
.mp { margin-top: 2mm; margin-left: 10mm; }
.stamp { margin-top: 0; border: 1.2pt solid #1d3f8f; color: #1d3f8f; border-radius: 2mm; padding: 2mm 3mm;
  width: 118mm; display: flex; gap: 3mm; align-items: center; break-inside: avoid; font-family: 'DejaVu Sans', sans-serif; font-size: 7.5pt; }
.stamp .qr svg { width: 24mm; height: 24mm; display: block; }
.stamp .title { font-weight: bold; font-size: 8pt; white-space: nowrap; margin-bottom: 1mm; }
.stamp .url { word-break: break-all; }
`;
}
