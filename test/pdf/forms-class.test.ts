import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { produceForm } from '../../reports/produce-form';
import { closeSharedBrowser } from '../../reports/pdf/browser';
import type { Warehouse } from '../../warehouse/open-warehouse';
import { addAbsences, formsContext } from '../fixtures/forms/forms-context';
import { exampleWarehouse } from '../fixtures/forms/load-bundle-rows';
import { pdfFonts, pdfPages, pdfText, squash } from '../fixtures/forms/pdf-tools';

// The example school (class 7Б, Yekaterinburg) plus two absences; numbers below are read off the CSV files.
let w: Warehouse;
let ctx: ReturnType<typeof formsContext>;
const madeAt = new Date('2025-11-05T07:30:00Z'); // 12:30 in Yekaterinburg

beforeAll(async () => {
  const ex = await exampleWarehouse();
  w = ex.w;
  ctx = formsContext(w, ex.dir);
  await addAbsences(w, ex.school);
});
afterAll(async () => {
  await closeSharedBrowser();
  w?.close();
});

describe('F-SUMMARY', () => {
  it('lists every student with the finals per subject, the counts, header and footer', async () => {
    const { pdf } = await produceForm(ctx, 'F-SUMMARY', { school: 'E1', class: 'E-7B' }, { madeAt });
    const text = squash(pdfText(pdf));
    expect(text).toContain('СВОДНАЯ ВЕДОМОСТЬ ИТОГОВЫХ ОТМЕТОК');
    expect(text).toContain('МАОУ СОШ № 12');
    expect(text).toContain('7Б класс · классный руководитель Шилов А. С.');
    expect(text).toContain('1 четверть');
    // subjects in name order: География, Физика
    expect(text).toMatch(/1 Алексеев Матвей 4 5/);
    expect(text).toMatch(/2 Баранова Полина н\/а 4/);
    expect(text).toMatch(/3 Виноградов Кирилл 3/);
    expect(text).toMatch(/4 Горбунова Таисия 5 осв/);
    expect(text).toMatch(/Количество «5» 1 1/);
    expect(text).toMatch(/Количество «3» 0 1/);
    expect(text).toMatch(/Количество «н\/а» 1 0/);
    expect(text).toMatch(/Количество «осв» 0 1/);
    expect(text).toMatch(/Директор \/ Носова Е\. В\./);
    expect(text).toContain('М.П.');
    expect(text).toMatch(/F-SUMMARY · сформировано 05\.11\.2025 12:30/);
    expect(text).toMatch(/стр\. 1 из 1/);
    const pages = pdfPages(pdf);
    expect(pages.pages).toBe(1);
    expect(pages.width).toBeGreaterThan(pages.height); // A4 landscape
    expect(Math.abs(pages.width - 841.9)).toBeLessThan(2); // A4: 297 mm
    expect(pdfFonts(pdf).every((f) => f.embedded)).toBe(true);
  });

  it('refuses an unknown class with a Russian message', async () => {
    await expect(produceForm(ctx, 'F-SUMMARY', { school: 'E1', class: 'NOPE' })).rejects.toThrow('Класс «NOPE» не найден в школе «E1»');
  });
});

describe('F-JOURNAL', () => {
  it('prints per subject the marks grid with absences and the lesson list', async () => {
    const { pdf } = await produceForm(ctx, 'F-JOURNAL', { school: 'E1', class: 'E-7B' }, { madeAt });
    const text = squash(pdfText(pdf));
    expect(text).toContain('КЛАССНЫЙ ЖУРНАЛ');
    expect(text).toContain('Физика · 7Б Физика · учитель Шилов А. С.');
    expect(text).toContain('География · 7Б География · учитель Рябова О. Н.');
    // physics grid: 09.09, 10.09, 17.10
    expect(text).toMatch(/№ Фамилия, имя 09\.09 10\.09 17\.10/);
    expect(text).toMatch(/1 Алексеев Матвей 5 4/);
    expect(text).toMatch(/2 Баранова Полина 4 3/);
    expect(text).toMatch(/3 Виноградов Кирилл н/);
    expect(text).toMatch(/4 Горбунова Таисия б/);
    // lesson list: EL3 had one absent (e3); EL1's sick e4 counts as absent too
    expect(text).toMatch(/1 09\.09\.2025 Физические величины §1 1/);
    expect(text).toMatch(/2 10\.09\.2025 Измерения 1/);
    expect(text).toMatch(/3 17\.10\.2025 Контрольная работа 0 Контрольная работа \(ВШК\)/);
    // geography: the written work's marks (e3: 5, e4: 4) on 17.10
    expect(text).toMatch(/2 17\.10\.2025 Письменная работа 0 Письменная работа/);
    const pages = pdfPages(pdf);
    expect(pages.width).toBeGreaterThan(pages.height);
    expect(pages.pages).toBe(2);
  });
});

describe('F-EXTRACT', () => {
  it("extracts one student's lessons, marks, absences and finals on portrait A4", async () => {
    const { pdf } = await produceForm(ctx, 'F-EXTRACT', { school: 'E1', student: 'e3' }, { madeAt });
    const text = squash(pdfText(pdf));
    expect(text).toContain('ВЫПИСКА ИЗ ЭЛЕКТРОННОГО ДНЕВНИКА');
    expect(text).toMatch(/Обучающийся: Виноградов Кирилл/);
    expect(text).toMatch(/Класс: 7Б/);
    // 5 lessons of 7Б; absent once (10.09); one mark (5 for the written work)
    expect(text).toMatch(/Уроков в выписке: 5; пропущено: 1; отметок: 1/);
    expect(text).toMatch(/10\.09\.2025 Физика Измерения н/);
    expect(text).toMatch(/География Письменная работа 5/);
    expect(text).toMatch(/Физика 1 четверть 3/);
    expect(text).toMatch(/Классный руководитель \/ Шилов А\. С\./);
    const pages = pdfPages(pdf);
    expect(pages.height).toBeGreaterThan(pages.width);
    expect(Math.abs(pages.width - 595.3)).toBeLessThan(2); // A4: 210 mm
  });
});
