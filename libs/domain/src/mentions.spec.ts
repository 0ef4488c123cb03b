import { describe, expect, it } from '@jest/globals';
import { matchingMembers, mentionedIds, mentionQueryAt, mentionSegments } from './mentions.js';

const members = [
  { id: '1', name: 'Priya Shah' },
  { id: '2', name: 'Tom Okafor' },
  { id: '3', name: 'Hannah Williams' },
  { id: '4', name: 'Sam Patel' },
];

describe('mentions', () => {
  it('finds the mention being typed at the caret', () => {
    expect(mentionQueryAt('Thanks @Pri', 11)).toEqual({ start: 7, query: 'Pri' });
    expect(mentionQueryAt('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionQueryAt('Ask @Tom O', 10)).toEqual({ start: 4, query: 'Tom O' });
  });

  it('does not take an email address or finished text for a mention', () => {
    expect(mentionQueryAt('mail sam@example.nhs.uk', 23)).toBeNull();
    expect(mentionQueryAt('no mention here', 15)).toBeNull();
    expect(mentionQueryAt('@Tom\nnext line', 14)).toBeNull();
  });

  it('matches members by the start of their name or of any word in it', () => {
    expect(matchingMembers(members, 'p').map((m) => m.name)).toEqual(['Priya Shah', 'Sam Patel']);
    expect(matchingMembers(members, 'will').map((m) => m.name)).toEqual(['Hannah Williams']);
    expect(matchingMembers(members, '')).toHaveLength(4);
    expect(matchingMembers(members, 'zzz')).toEqual([]);
  });

  it('keeps only the chosen members still named in the body', () => {
    expect(mentionedIds('@Priya Shah and @Tom Okafor', [members[0]!, members[1]!])).toEqual([
      '1',
      '2',
    ]);
    expect(mentionedIds('Only @Tom Okafor now', [members[0]!, members[1]!])).toEqual(['2']);
    expect(mentionedIds('@Tom Okafor', [members[1]!, members[1]!])).toEqual(['2']);
  });

  it('splits a body into text and the mentions of the members named', () => {
    expect(mentionSegments('Ask @Tom Okafor and @Nobody <b>now</b>', [members[1]!])).toEqual([
      { text: 'Ask ', mention: false },
      { text: '@Tom Okafor', mention: true },
      { text: ' and @Nobody <b>now</b>', mention: false },
    ]);
    expect(mentionSegments('', [])).toEqual([]);
  });
});
