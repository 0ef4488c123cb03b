/**
 * Colours for people's carets and initials: dark enough for white text on them (contrast of at
 * least 4.5:1, WCAG AA), and far enough apart in hue to tell two people apart.
 */
export const userColours = [
  '#005eb8', // NHS blue
  '#007f3b', // NHS green
  '#330072', // NHS purple
  '#7c2855', // NHS dark pink
  '#8a1538', // deep red
  '#00586b', // deep teal
  '#6b4500', // brown
  '#425563', // NHS dark grey
  '#1d4f1d', // forest green
  '#5c2d91', // violet
  '#a00054', // magenta
  '#003087', // NHS dark blue
] as const;

/** The same colour for the same person on every device and every visit, from their user id. */
export function userColour(userId: string): string {
  // FNV-1a: a small, well-spread string hash.
  let hash = 0x811c9dc5;
  for (let i = 0; i < userId.length; i += 1) {
    hash ^= userId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return userColours[hash % userColours.length]!;
}

/** Up to two initials for an avatar: "Hannah Williams" -> "HW", "Sam Taylor (administrator)" -> "ST". */
export function userInitials(name: string): string {
  const words = name
    .replace(/\(.*?\)/g, ' ')
    .split(/\s+/)
    .filter((word) => /\p{L}/u.test(word));
  const letters = words.length > 1 ? [words[0]!, words[words.length - 1]!] : words;
  const initials = letters.map((word) => [...word.replace(/^\P{L}+/u, '')][0] ?? '').join('');
  return initials.toLocaleUpperCase() || '?';
}
