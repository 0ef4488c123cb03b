import { describe, expect, it } from '@jest/globals';
import { userColour, userColours, userInitials } from './user-colour.js';

function relativeLuminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const channel = parseInt(hex.slice(i, i + 2), 16) / 255;
    return channel <= 0.039_28 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

describe('colours for people', () => {
  it('gives the same person the same colour every time', () => {
    const id = '7b0c1f9e-4d2a-4c8e-9f3b-2a6d5e8c1b40';
    expect(userColour(id)).toBe(userColour(id));
    expect(userColour(id)).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('spreads people over the palette', () => {
    const used = new Set(
      Array.from({ length: 200 }, (_, i) =>
        userColour(`00000000-0000-4000-8000-${String(i).padStart(12, '0')}`),
      ),
    );
    expect(used.size).toBe(userColours.length);
  });

  it('only uses colours that white text can be read on', () => {
    for (const colour of userColours) {
      const contrast = 1.05 / (relativeLuminance(colour) + 0.05);
      expect(contrast).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('initials for avatars', () => {
  it('takes the first and last names', () => {
    expect(userInitials('Hannah Williams')).toBe('HW');
    expect(userInitials('Mary Ann de la Cruz')).toBe('MC');
    expect(userInitials('Sam Taylor (administrator)')).toBe('ST');
  });

  it('copes with one name, accents and stray punctuation', () => {
    expect(userInitials('Prince')).toBe('P');
    expect(userInitials('élodie o’neill')).toBe('ÉO');
    expect(userInitials('  ')).toBe('?');
  });
});
