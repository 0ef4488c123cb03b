/**
 * Runs of typing in a section's stored log, joined before Yjs reads them.
 *
 * A person typing sends one update per keystroke or two, so a long log is mostly updates holding
 * one text item each: a few characters inserted straight after the same person's previous ones,
 * before the same right-hand neighbour. Yjs joins such items into one as soon as they sit side by
 * side in a document, and writes them as one whenever it encodes that document; reading them one
 * update at a time costs it far more (decoding, integrating and merging each) than reading the
 * run once. `joinTypingRuns` writes each run of such updates, consecutive in the log, as the one
 * update Yjs itself would write for it, and leaves every other update as it was, in the same order.
 *
 * Why the document is the same: an item is joined to the run only when it comes straight after the
 * run's last character in its author's clock, names that character as its left origin and has the
 * run's right origin. Whenever Yjs later needs a position inside a joined item (someone typed
 * between two of its characters, concurrently or not), it splits the item and gives the second
 * part exactly that origin and right origin again, so every integration sees what it would have
 * seen with the separate items. Anything unusual (several clients or deletions in one update,
 * other content, a parent named instead of an origin, malformed or non-UTF-8 bytes) is not joined,
 * and Yjs reads that update as it is, failing on damaged bytes exactly as it would have.
 */
import * as encoding from 'lib0/encoding';

/** Yjs's content reference for a string (`ContentString`), in the low five bits of an item's info. */
const contentStringRef = 4;
const hasOrigin = 0x80;
const hasRightOrigin = 0x40;
const hasParentSub = 0x20;

/** As lib0 decodes strings for Yjs: fatal on bad UTF-8, byte order marks kept as characters. */
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * One text item of an update: who wrote it, where it goes, and where its characters (UTF-8) are in
 * the update.
 */
export interface TypedItem {
  client: number;
  clock: number;
  originClient: number;
  originClock: number;
  /** -1 when the item has no right origin (typed at the end of its text). */
  rightClient: number;
  rightClock: number;
  textStart: number;
  textEnd: number;
  /** Its length in Yjs's clock: UTF-16 code units. */
  length: number;
}

const anItem = (): TypedItem => ({
  client: 0,
  clock: 0,
  originClient: 0,
  originClock: 0,
  rightClient: -1,
  rightClock: -1,
  textStart: 0,
  textEnd: 0,
  length: 0,
});

/**
 * Reads the items of typing updates one at a time into one `TypedItem`, and lib0's variable-length
 * unsigned integers (-1 past the end or too large). Nothing is allocated per update: a long log
 * has a hundred thousand of them, and making objects and views for each cost more than reading.
 */
class TypingReader {
  readonly item = anItem();
  private bytes: Uint8Array = new Uint8Array();
  private pos = 0;
  private remaining = 0;
  private failed = false;

  /** Whether the update has items left to read. */
  get hasMore(): boolean {
    return this.remaining > 0;
  }

  /** Starts an update; false when it is not one client's text items and nothing else. */
  start(update: Uint8Array): boolean {
    this.bytes = update;
    this.pos = 0;
    this.failed = false;
    if (this.uint() !== 1) return false;
    this.remaining = this.uint();
    this.item.client = this.uint();
    // The clock of the first item; next() moves it on past each item read.
    this.item.clock = this.uint();
    this.item.length = 0;
    return this.remaining >= 1 && this.item.client >= 0 && this.item.clock >= 0;
  }

  /** Reads the next item into `item`; false when there is none or it is not a typed one. */
  next(): boolean {
    if (this.remaining === 0) return false;
    this.remaining -= 1;
    if (this.readItem()) return true;
    this.failed = true;
    return false;
  }

  private readItem(): boolean {
    const { bytes, item } = this;
    item.clock += item.length;
    if (this.pos >= bytes.length) return false;
    const info = bytes[this.pos++]!;
    if ((info & 0x1f) !== contentStringRef || (info & hasParentSub) !== 0) return false;
    if ((info & hasOrigin) === 0) return false;
    item.originClient = this.uint();
    item.originClock = this.uint();
    item.rightClient = -1;
    item.rightClock = -1;
    if ((info & hasRightOrigin) !== 0) {
      item.rightClient = this.uint();
      item.rightClock = this.uint();
      if (item.rightClient < 0 || item.rightClock < 0) return false;
    }
    const byteLength = this.uint();
    if (item.originClient < 0 || item.originClock < 0 || byteLength < 1) return false;
    item.textStart = this.pos;
    item.textEnd = this.pos + byteLength;
    if (item.textEnd > bytes.length) return false;
    this.pos = item.textEnd;
    item.length = utf16Length(bytes, item.textStart, item.textEnd);
    return item.length >= 1;
  }

  /** After the last item: whether the update ends with an empty delete set and nothing more. */
  finished(): boolean {
    return (
      !this.failed && this.remaining === 0 && this.uint() === 0 && this.pos === this.bytes.length
    );
  }

  private uint(): number {
    const { bytes } = this;
    let value = 0;
    let scale = 1;
    while (this.pos < bytes.length) {
      const byte = bytes[this.pos++]!;
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 128;
      if (value > Number.MAX_SAFE_INTEGER) return -1;
    }
    return -1;
  }
}

/** The UTF-16 length of well-formed UTF-8, or -1 when it is not well-formed. */
function utf16Length(bytes: Uint8Array, start: number, end: number): number {
  let i = start;
  while (i < end && bytes[i]! < 0x80) i += 1;
  if (i === end) return end - start;
  try {
    return utf8.decode(bytes.subarray(start, end)).length;
  } catch {
    return -1;
  }
}

/**
 * The text items of an update that holds nothing else: one client's items, each a string with a
 * left origin, and no deletions. Null for any other update.
 */
export function readTypedItems(update: Uint8Array): TypedItem[] | null {
  const reader = new TypingReader();
  if (!reader.start(update)) return null;
  const items: TypedItem[] = [];
  while (reader.next()) items.push({ ...reader.item });
  return reader.finished() ? items : null;
}

/**
 * A run being gathered: its first item, then the characters of every item joined to it, as the
 * updates they are in and where in them.
 */
class Run {
  readonly first = anItem();
  /** The update the first item came in, written back unchanged when nothing joined it. */
  update: Uint8Array | null = null;
  readonly sources: Uint8Array[] = [];
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  bytes = 0;
  nextClock = 0;

  get empty(): boolean {
    return this.sources.length === 0;
  }

  begin(item: TypedItem, source: Uint8Array, alone: boolean): void {
    Object.assign(this.first, item);
    this.update = alone ? source : null;
    this.sources.length = 0;
    this.starts.length = 0;
    this.ends.length = 0;
    this.bytes = 0;
    this.add(item, source);
  }

  /** Whether an item comes straight after the run: its author's next clock, typed after its end. */
  continuedBy(item: TypedItem): boolean {
    const { first } = this;
    return (
      !this.empty &&
      item.client === first.client &&
      item.clock === this.nextClock &&
      item.originClient === first.client &&
      item.originClock === this.nextClock - 1 &&
      item.rightClient === first.rightClient &&
      item.rightClock === first.rightClock
    );
  }

  add(item: TypedItem, source: Uint8Array): void {
    this.sources.push(source);
    this.starts.push(item.textStart);
    this.ends.push(item.textEnd);
    this.bytes += item.textEnd - item.textStart;
    this.nextClock = item.clock + item.length;
  }

  /** The run as one update (the one it came in when nothing joined it); empties the run. */
  take(): Uint8Array {
    const taken = this.sources.length === 1 && this.update ? this.update : this.encode();
    this.sources.length = 0;
    return taken;
  }

  /** The update Yjs writes for one text item holding the whole run. */
  private encode(): Uint8Array {
    const { first } = this;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint(encoder, first.client);
    encoding.writeVarUint(encoder, first.clock);
    const right = first.rightClient >= 0;
    encoding.writeUint8(encoder, contentStringRef | hasOrigin | (right ? hasRightOrigin : 0));
    encoding.writeVarUint(encoder, first.originClient);
    encoding.writeVarUint(encoder, first.originClock);
    if (right) {
      encoding.writeVarUint(encoder, first.rightClient);
      encoding.writeVarUint(encoder, first.rightClock);
    }
    encoding.writeVarUint(encoder, this.bytes);
    const text = new Uint8Array(this.bytes);
    let at = 0;
    for (let part = 0; part < this.sources.length; part += 1) {
      const source = this.sources[part]!;
      for (let i = this.starts[part]!; i < this.ends[part]!; i += 1) text[at++] = source[i]!;
    }
    encoding.writeUint8Array(encoder, text);
    encoding.writeVarUint(encoder, 0);
    return encoding.toUint8Array(encoder);
  }
}

/**
 * The log's updates with each run of consecutive typing written as one update; every other update
 * unchanged and in its place. Applying the result gives the same document as applying `updates`.
 */
export function joinTypingRuns(updates: readonly Uint8Array[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  const reader = new TypingReader();
  const run = new Run();
  const passOn = (update: Uint8Array) => {
    if (!run.empty) out.push(run.take());
    out.push(update);
  };
  const take = (item: TypedItem, update: Uint8Array, alone: boolean) => {
    if (run.continuedBy(item)) return run.add(item, update);
    if (!run.empty) out.push(run.take());
    run.begin(item, update, alone);
  };
  for (const update of updates) {
    if (!reader.start(update) || !reader.next()) {
      passOn(update);
    } else if (!reader.hasMore) {
      // The usual update: one item, read in place.
      if (reader.finished()) take(reader.item, update, true);
      else passOn(update);
    } else {
      // Several items (rare): all must be typing before any joins the run, so read them all.
      const items = readTypedItems(update);
      if (!items) passOn(update);
      else for (const item of items) take(item, update, false);
    }
  }
  if (!run.empty) out.push(run.take());
  return out;
}
