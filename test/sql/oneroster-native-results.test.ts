// A big results.csv is read by DuckDB (ingest/oneroster/native-results.ts). Whatever the file holds,
// the outcome must be the one of the JS reader: same issues (text, line, column, order), same bundle
// bytes, same provenance of every mark. nativeFrom: 0 sends the small fixture down the DuckDB path.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { sourceOf, writeBundleDraft } from '../../ingest/oneroster/bundle-draft';
import { convertOneRoster, convertOneRosterFiles, type OneRosterConversion } from '../../ingest/oneroster/convert-oneroster';
import { csvRecordLines, lineOfRecord } from '../../ingest/oneroster/csv-record-lines';
import { parseCsvRecords } from '../../ingest/oneroster/parse-csv';

const fixture = 'test/fixtures/imports/oneroster-gradebook';
const ts = '2025-09-08T12:30:00+05:00';
const header = 'sourcedId,status,dateLastModified,lineItemSourcedId,studentSourcedId,scoreStatus,score,textScore,comment';

/** every branch of the results mapper: clean marks, skipped, JS-only values, errors */
const oddRows = [
  `r1,active,${ts},li1,s1,fully graded,5,,`,
  `r2,tobedeleted,${ts},li1,s2,fully graded,2,,`,
  `r3,Inactive,${ts},li1,s2,fully graded,2,,`,
  `r4,active,${ts},li2,s2,exempt,,,`,
  `r5,active,2025-09-09T10:00:00Z,li1,s2,fully graded,4.0,,`, // accepted by JS only: 4.0 -> 4
  `r6,active,${ts},li1,s1,fully graded,85,,`, // not a mark
  'r7,active,2025-09-08 12:30,li1,s2,fully graded,5,,', // no offset
  'r8,active,2025-09-08T12:30+05:00,li2,s1,fully graded,3,,', // no seconds: JS decides
  `r9,active,${ts},li2,s2,fully graded,,4,`, // textScore
  `r10,active,${ts},li-missing,s1,fully graded,5,,`,
  `r11,active,${ts},li1,s-missing,fully graded,5,,`,
  `r12,active,${ts},li1,\u00a0s1\u00a0,fully graded,4,,устно`, // JS trims NBSP
  'r13,active,2025-02-30T10:00:00Z,li1,s1,fully graded,4,,', // no such day
  `r14,active,${ts},li1,s2,not submitted,,,`,
  `r15,active,${ts},li1,s2,partially graded,,,`,
  `r16,active,${ts},li1,s1,FULLY GRADED,1,,`,
];

function files(results: string | Uint8Array, extra: Record<string, string> = {}): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>(readdirSync(fixture).map((f) => [f, new Uint8Array(readFileSync(join(fixture, f)))]));
  for (const [f, lines] of Object.entries(extra)) out.set(f, new Uint8Array(Buffer.concat([Buffer.from(out.get(f)!), Buffer.from(lines)])));
  out.set('results.csv', typeof results === 'string' ? new Uint8Array(Buffer.from(results)) : new Uint8Array(results));
  return out;
}

/** a second school (sch-2: class 5А, teacher t2, student s9, lineItem li9) appended to the fixture's files */
const secondSchool = {
  'orgs.csv': 'sch-2,active,2025-09-01T00:00:00Z,Школа № 2,school,,dist-1\n',
  'classes.csv': 'c5a,active,2025-09-01T00:00:00Z,5А,05,,,homeroom,,sch-2,y2025,,,\nm5a,active,2025-09-01T00:00:00Z,Математика 5А,05,math5,,scheduled,,sch-2,y2025,,,\n',
  'courses.csv': 'math5,active,2025-09-01T00:00:00Z,y2025,Математика,,05,sch-2,,\n',
  'users.csv': 't2,active,2025-09-01T00:00:00Z,true,t2,,Олег,Ершов,,,,,,,,,,,,,sch-2,\ns9,active,2025-09-01T00:00:00Z,true,s9,,Ива,Юрьева,,,,,,,5,,,,,,sch-2,\n',
  'enrollments.csv': 'e9,active,2025-09-01T00:00:00Z,c5a,sch-2,t2,teacher,true,,\ne10,active,2025-09-01T00:00:00Z,c5a,sch-2,s9,student,false,2025-09-01,\n'
    + 'e11,active,2025-09-01T00:00:00Z,m5a,sch-2,t2,teacher,true,,\ne12,active,2025-09-01T00:00:00Z,m5a,sch-2,s9,student,false,,\n',
  'lineItems.csv': 'li9,active,2025-09-01T00:00:00Z,Диктант,,2025-09-10,,m5a,,q1,,,1,5\n',
};

async function bothWays(results: string | Uint8Array, extra: Record<string, string> = {}): Promise<{ js: OneRosterConversion; native: OneRosterConversion }> {
  const f = files(results, extra);
  const dir = mkdtempSync(join(tmpdir(), 'h7-native-'));
  for (const [name, bytes] of f) writeFileSync(join(dir, name), bytes);
  const opts = { timezone: 'Asia/Yekaterinburg' };
  return { js: convertOneRosterFiles(f, opts), native: await convertOneRoster(dir, { ...opts, nativeFrom: 0 }) };
}

/** the two conversions are the same: issues, drafts, bundle bytes and provenance */
function expectSame(js: OneRosterConversion, native: OneRosterConversion): void {
  expect(native.issues).toEqual(js.issues);
  expect(native.drafts.length).toBe(js.drafts.length);
  js.drafts.forEach((d, k) => {
    const n = native.drafts[k]!;
    const [a, b] = [mkdtempSync(join(tmpdir(), 'h7-js-')), mkdtempSync(join(tmpdir(), 'h7-nat-'))];
    writeBundleDraft(d, a);
    writeBundleDraft(n, b);
    for (const f of readdirSync(a)) expect(`${f}:\n${readFileSync(join(b, f), 'utf8')}`).toBe(`${f}:\n${readFileSync(join(a, f), 'utf8')}`);
    expect(readdirSync(b)).toEqual(readdirSync(a));
    const marks = d.files.marks?.rows.length ?? 0;
    for (let line = 2; line < marks + 3; line++) expect(sourceOf(n, 'marks.csv', line)).toEqual(sourceOf(d, 'marks.csv', line));
  });
}

describe('results.csv read by DuckDB', () => {
  it('quoted values (line scan): same issues, bundle and provenance as the JS reader', async () => {
    const text = `${header}\n${oddRows.join('\n')}\n"r17",active,${ts},li2,s1,fully graded,5,,"многострочный\nкомментарий, с ""кавычками"""\n\nr18,active,${ts},li2,s2,fully graded,2,,\n`;
    const { js, native } = await bothWays(text);
    expect(native.drafts[0]!.files.marks!.spill).toBeDefined();
    // the hand-read outcome: r6 r7 r10 r11 are errors; r13's 30 February passes the converter (JS Date rolls it
    // over; the bundle importer rejects it) — what matters here is that both readers agree on it
    expect(js.drafts[0]!.files.marks!.rows.map((m) => `${m.mark_id}=${m.value}`)).toEqual(['r1=5', 'r5=4', 'r8=3', 'r9=4', 'r12=4', 'r13=4', 'r16=1', 'r17=5', 'r18=2']);
    expect(js.issues.filter((i) => i.severity === 'error').map((i) => `${i.line}:${i.column}:${i.code}`)).toEqual([
      '7:score:bad_mark', '8:dateLastModified:bad_timestamp', '11:lineItemSourcedId:dangling_reference', '12:studentSourcedId:dangling_reference']);
    expect(js.issues.map((i) => i.message)).toContain('results.csv: 1 записей со статусом tobedeleted не перенесены');
    expectSame(js, native);
    native.dispose?.();
  });

  it('one record per line (no scan), trailing unnamed column with values: same as the JS reader', async () => {
    const rows = [...oddRows.map((r, i) => `${r},${i === 3 ? 'лишнее' : ''}`), `r20,active,${ts},li2,s1,fully graded,4,,,x`];
    const { js, native } = await bothWays(`${header},\n${rows.join('\n')}\n`);
    expect(native.drafts[0]!.files.marks!.spill).toBeDefined();
    expect(js.issues.filter((i) => i.code === 'value_without_header').map((i) => i.message)).toEqual([
      'results.csv, строка 5: в столбце №10 без заголовка есть значения (2 строк, например «лишнее») — они пропущены']);
    expectSame(js, native);
    native.dispose?.();
  });

  it('only clean marks, skipped rows and errors (no mark needs the JS mapper): same as the JS reader', async () => {
    const rows = [oddRows[0], oddRows[1], oddRows[3], oddRows[5], oddRows[9], `r21,active,${ts},li2,s2,fully graded,,5,`, `r22,active,${ts},li2,s1,fully graded,4,,`];
    const { js, native } = await bothWays(`${header}\n${rows.join('\n')}\n`);
    expect(native.drafts[0]!.files.marks!.spill).toBeDefined();
    expect(js.drafts[0]!.files.marks!.rows.map((m) => m.mark_id)).toEqual(['r1', 'r21', 'r22']);
    expectSame(js, native);
    native.dispose?.();
  });

  it('a results.csv of several MB with quoted line breaks (DuckDB\'s serial reader): same as the JS reader', async () => {
    const rows = Array.from({ length: 40_000 }, (_, i) => (i % 997 === 0
      ? `q${i},active,${ts},li${1 + (i % 2)},s${1 + (i % 2)},fully graded,${1 + (i % 5)},,"строка\nвторая, с запятой"`
      : `q${i},active,${ts},li${1 + (i % 2)},s${1 + (i % 2)},fully graded,${1 + (i % 5)},,`));
    const { js, native } = await bothWays(`${header}\n${rows.join('\n')}\n${oddRows.join('\n')}\n`);
    expect(native.drafts[0]!.files.marks!.spill).toBeDefined();
    expectSame(js, native);
    native.dispose?.();
  }, 60_000);

  it('two schools: each draft gets its own marks, issues in the JS order', async () => {
    const rows = [...oddRows, `r30,active,${ts},li9,s9,fully graded,5,,`, `r31,active,${ts},li9,s1,fully graded,4,,`, `r32,tobedeleted,${ts},li9,s9,fully graded,4,,`];
    const { js, native } = await bothWays(`${header}\n${rows.join('\n')}\n`, secondSchool);
    expect(js.drafts.map((d) => [d.schoolId, d.files.marks?.rows.map((m) => m.mark_id).join(' ')])).toEqual([
      ['sch-1', 'r1 r5 r8 r9 r12 r13 r16'], ['sch-2', 'r30']]);
    // r31: s1 is not a student of sch-2; li1/li2 results are another school's for sch-2 and skipped silently there
    expect(js.issues.filter((i) => i.severity === 'error').map((i) => `${i.line}:${i.code}`)).toContain('19:dangling_reference');
    expect(native.drafts.every((d) => d.files.marks!.spill)).toBe(true);
    expectSame(js, native);
    native.dispose?.();
  });

  it('what DuckDB would read otherwise (CP1251, too many cells, unclosed quote) is left to the JS reader', async () => {
    const good = `${header}\n${oddRows.slice(0, 3).join('\n')}\n`;
    for (const bad of [iconv.encode(`${good}r30,active,${ts},li1,s1,fully graded,5,,Ошибка\n`, 'win1251'),
      Buffer.from(`${good}r31,active,${ts},li1,s1,fully graded,5,,,zzz,yyy\n`), Buffer.from(`${good}"r32,active\n`)]) {
      const { js, native } = await bothWays(bad);
      expect(native.drafts[0]?.files.marks?.spill).toBeUndefined();
      expect(native).toEqual(js);
    }
  });
});

describe('csvRecordLines', () => {
  it.each([
    'a,b\n1,2\n', 'a,b\r\n1,"x\ny"\r\n\r\n3,4', '\uFEFFa\n""\n\n1\n', 'a,b\r1,2\r3,4\r', '\n\n', 'a,b\n,\n"",""\n"a""b",c\n',
    'x,"q\n\n\nr",z\n1,2,3', 'a\r\n\r\n\r\nb\r\n', 'a\rb\nc\r\n"d"\r\n', 'h\n1\n   \n2',
  ])('lines of %j are those of parse-csv', (text) => {
    const r = csvRecordLines(Buffer.from(text))!;
    const want = parseCsvRecords(text).lines;
    expect(want.map((_, k) => lineOfRecord(r, k))).toEqual(want);
  });

  it.each(['a,b\n"x"y,2\n', 'a\n"unclosed\n'])('%j is a syntax error (null)', (text) => expect(csvRecordLines(Buffer.from(text))).toBeNull());
});
