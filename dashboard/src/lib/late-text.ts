/** Lateness for people: "2 д 3 ч", "45 мин", "рано на 1 д" for a negative value; null = not entered. */
export function lateText(minutes: number | null | undefined, minLabel = 'мин'): string | null {
  if (minutes === null || minutes === undefined) return null;
  const early = minutes < 0;
  let m = Math.abs(Math.round(minutes));
  const d = Math.floor(m / 1440);
  m -= d * 1440;
  const h = Math.floor(m / 60);
  m -= h * 60;
  const parts = [d ? `${d} д` : '', h ? `${h} ч` : '', m || (!d && !h) ? `${m} ${minLabel}` : ''].filter(Boolean).join(' ');
  return early ? `−${parts}` : parts;
}
