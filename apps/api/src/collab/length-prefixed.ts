/**
 * The update log read back as one value: each update as a 4-byte big-endian length, then its
 * bytes (`int4send(length(update)) || update`, as SectionUpdateLog's load query concatenates it).
 */
export function splitLengthPrefixed(data: Buffer): Uint8Array[] {
  const parts: Uint8Array[] = [];
  let offset = 0;
  while (offset + 4 <= data.length) {
    const length = data.readUInt32BE(offset);
    offset += 4;
    if (offset + length > data.length) throw new Error('the stored update log is truncated');
    parts.push(data.subarray(offset, offset + length));
    offset += length;
  }
  if (offset !== data.length) throw new Error('the stored update log is truncated');
  return parts;
}
