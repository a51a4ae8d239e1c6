// Same seed = byte-identical bundles; another seed = other data; the tiny hand-checkable configuration
// (--students 30, seed 1) gives the asserted structure and breach counts.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDistrict } from '../../ingest/demo/generate-district';

const tmp = () => mkdtempSync(join(tmpdir(), 'demo-det-'));
const filesOf = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f))]));

describe('svodka demo is deterministic', () => {
  it('two runs with the same seed write the same bytes, another seed does not', () => {
    const [a, b, c] = [tmp(), tmp(), tmp()];
    const opts = { schools: 2, students: 30 };
    generateDistrict({ ...opts, seed: 5, outDir: a });
    generateDistrict({ ...opts, seed: 5, outDir: b });
    generateDistrict({ ...opts, seed: 6, outDir: c });
    for (const school of ['S01', 'S02']) {
      const [fa, fb, fc] = [a, b, c].map((d) => filesOf(join(d, school)));
      expect(Object.keys(fa!)).toContain('violations.json');
      for (const f of Object.keys(fa!)) expect(fa![f]!.equals(fb![f]!), `${school}/${f}`).toBe(true);
      expect(fa!['students.csv']!.equals(fc!['students.csv']!)).toBe(false);
    }
  });

  it('schools of a district differ in zone and never share an id', () => {
    const dir = tmp();
    generateDistrict({ schools: 2, seed: 1, outDir: dir, students: 30 });
    const zone = (s: string) => readFileSync(join(dir, s, 'manifest.csv'), 'utf8').match(/timezone,(.*)/)![1];
    expect([zone('S01'), zone('S02')]).toEqual(['Europe/Moscow', 'Asia/Yekaterinburg']);
    const ids = (s: string) => readFileSync(join(dir, s, 'students.csv'), 'utf8').split('\n').slice(1).filter(Boolean).map((l) => l.split(',')[0]);
    expect(ids('S01').every((id) => id!.startsWith('S01-'))).toBe(true);
    expect(ids('S02').every((id) => id!.startsWith('S02-'))).toBe(true);
  });
});

describe('the tiny configuration (--students 30 --seed 1)', () => {
  const dir = tmp();
  const [school] = generateDistrict({ schools: 1, seed: 1, outDir: dir, students: 30 }).schools;
  const csv = (f: string) => readFileSync(join(school!.dir, `${f}.csv`), 'utf8').trimEnd().split('\n').slice(1);

  it('keeps the grades that show every feature: 10А+10Б with their stream, 5А with subgroups, 1А without marks', () => {
    expect(csv('classes')).toEqual([
      expect.stringMatching(/^S01-C01A,1,А,/), expect.stringMatching(/^S01-C05A,5,А,/),
      expect.stringMatching(/^S01-C10A,10,А,.*,science$/), expect.stringMatching(/^S01-C10B,10,Б,.*,humanities$/),
    ]);
    expect(csv('groups').filter((g) => g.includes(',stream,'))).toEqual([expect.stringMatching(/^S01-GS10-ELPH,S01-ELPH,,10АБ /)]);
    expect(csv('students')).toHaveLength(30 + 1); // one admitted mid-year
  });

  it('counts the breaches the marts must report as of 2026-05-29', () => {
    expect(JSON.parse(readFileSync(join(school!.dir, 'violations.json'), 'utf8'))).toEqual({
      'R-MARK-DAY': 100, 'R-HOMEWORK': 74, 'R-ATTENDANCE': 72, 'R-TOPIC': 89, 'R-SUBSTITUTION': 12, 'R-CONTROL-WORK': 27,
      'R-WRITTEN-WORK': 36, 'R-PERIOD-FINAL': 29, 'R-FINALS-LOCK': 1, 'R-SETUP': 2, 'R-ARCHIVE': 0,
    });
  });

  it('with every rate at 0 nothing breaches', () => {
    const zero = Object.fromEntries(['markLate', 'homeworkLate', 'attendanceMissing', 'attendanceLate', 'topicMissing', 'topicLate',
      'lessonUnrecorded', 'substitutionMissing', 'substitutionLate', 'controlWorkLate', 'writtenWorkLate', 'finalMissing', 'finalEarly',
      'finalLate', 'finalDeferred', 'finalsLockEdit', 'setupLate', 'setupMissing'].map((k) => [k, 0]));
    const [clean] = generateDistrict({ schools: 1, seed: 1, outDir: tmp(), students: 30, rates: zero }).schools;
    expect(Object.values(clean!.violations).every((n) => n === 0), JSON.stringify(clean!.violations)).toBe(true);
  });
});
