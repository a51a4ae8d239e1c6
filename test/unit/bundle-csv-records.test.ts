// Header names and physical lines of records: quoted fields spanning lines, blank lines, CRLF, BOM.
import { describe, expect, it } from 'vitest';
import { lineOfRow, parseHeader, recordStarts } from '../../ingest/bundle/csv-records';

const buf = (s: string) => Buffer.from(s, 'utf8');

describe('parseHeader', () => {
  it('reads quoted names and strips a BOM', () => {
    expect(parseHeader(buf('\uFEFFa,"b ""x""",c\r\n1,2,3\n'))).toEqual(['a', 'b "x"', 'c']);
  });
  it('says null for an empty file', () => {
    expect(parseHeader(buf(''))).toBeNull();
    expect(parseHeader(buf('\n\n'))).toBeNull();
  });
});

describe('recordStarts / lineOfRow', () => {
  // line 1 header; record 1 spans lines 2-3; line 4 blank; record 2 on 5; record 3 on 6 (CRLF)
  const text = 'a,b\n1,"x\ny"\n\n2,z\r\n3,w\n';
  const starts = recordStarts(buf(text));

  it('finds where every record starts, skipping blank lines', () => {
    expect(starts.lines).toEqual([1, 2, 5, 6]);
    expect(starts.offsets).toEqual([0, 4, 13, 18]);
  });

  it('maps rows to lines around records DuckDB dropped, at or just after their start', () => {
    const { rowLines, lineAtPosition } = lineOfRow(starts, [15]);
    expect(rowLines).toEqual([2, 6]);
    expect(lineAtPosition(15)).toBe(5);
    expect(lineAtPosition(4)).toBe(2);
  });
});
