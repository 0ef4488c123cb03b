/** A round top for a chart's value axis, and the ticks up to it (0 and 4 more at most). */
export function niceScale(max: number): { top: number; ticks: number[] } {
  if (max <= 0) return { top: 1, ticks: [0, 1] };
  const rough = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough)!;
  const wholeStep = Math.max(1, Math.round(step));
  const top = Math.ceil(max / wholeStep) * wholeStep;
  const ticks: number[] = [];
  for (let tick = 0; tick <= top; tick += wholeStep) ticks.push(tick);
  return { top, ticks };
}

/** Which of many day labels to print along the axis so they do not overlap. */
export function labelEvery(count: number, room = 8): number {
  return Math.max(1, Math.ceil(count / room));
}
