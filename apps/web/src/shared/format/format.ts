const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hour12: true,
});
const numberFormat = new Intl.NumberFormat('en-GB');

/** "18 December 2026": the GOV.UK and NHS style for dates. Accepts ISO timestamps and YYYY-MM-DD. */
export function formatDate(value: string): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00`) : new Date(value);
  return Number.isNaN(date.getTime()) ? value : dateFormat.format(date);
}

/** "18 December 2026, 2:05pm". */
export function formatDateTime(value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return dateTimeFormat.format(date).replace(/\s?([ap])m$/i, (_m, half: string) => `${half}m`);
}

export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/** A footprint's population, saying so when the figure is only an illustration (demo data). */
export function formatPopulation(footprint: {
  population: number;
  populationIsEstimate: boolean;
}): string {
  const figure = formatNumber(footprint.population);
  return footprint.populationIsEstimate ? `${figure} (illustrative figure)` : figure;
}

export function formatPeriod(start: string, end: string): string {
  return start === end ? start : `${start} to ${end}`;
}
