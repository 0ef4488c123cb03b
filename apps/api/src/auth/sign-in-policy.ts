/** The delay before answering the nth failure: nothing at first, then doubling up to five seconds. */
export function failureDelayMs(failures: number, slowAfter: number): number {
  if (failures <= slowAfter) return 0;
  return Math.min(5000, 250 * 2 ** (failures - slowAfter - 1));
}
