import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { produceForm } from '../../reports/produce-form';
import { closeSharedBrowser } from '../../reports/pdf/browser';
import type { Warehouse } from '../../warehouse/open-warehouse';
import { runModels } from '../../warehouse/run-models';
import { addAbsences, formsContext } from '../fixtures/forms/forms-context';
import { exampleWarehouse } from '../fixtures/forms/load-bundle-rows';
import { pdfPages, pdfText, squash } from '../fixtures/forms/pdf-tools';

// Forms built from the marts, on the example school as of 2025-11-05 (its README explains each number)
// plus two absences and one mark of 2 (e3, physics, 09.09, on time: R-MARK-DAY judges 3 marks).
let w: Warehouse;
let ctx: ReturnType<typeof formsContext>;
const asOf = '2025-11-05';
const text = async (form: string, req: Record<string, string>) => {
  const { pdf } = await produceForm(ctx, form, { ...req, asOf });
  return { text: squash(pdfText(pdf)), pages: pdfPages(pdf) };
};

beforeAll(async () => {
  const ex = await exampleWarehouse();
  w = ex.w;
  ctx = formsContext(w, ex.dir);
  await addAbsences(w, ex.school);
  await w.withConnection(async (c) => c.run(`insert into raw.marks values ('E1', 'EM7', 'EL1', 'e3', '2', 'oral', 1, '2025-09-09T12:00:00+05:00', 'E-T1', false, null)`).then(() => undefined));
  await runModels(w);
});
afterAll(async () => {
  await closeSharedBrowser();
  w?.close();
});

describe('forms from the marts', () => {
  it('F-PASS: per subject the spec example (physics 3 of 3, geography 2 of 4, СОУ 42,75), landscape, chart', async () => {
    const { text: t, pages } = await text('F-PASS', { school: 'E1', class: 'E-7B' });
    expect(t).toContain('ОТЧЁТ ОБ УСПЕВАЕМОСТИ И КАЧЕСТВЕ ЗНАНИЙ');
    expect(t).toMatch(/7Б География 1 четверть 4 2 50,0 % 50,0 % 42,8 % 4,50/);
    expect(t).toMatch(/7Б Физика 1 четверть 3 3 100,0 % 66,7 % 66,7 % 4,00/);
    // per student: Баранова has physics 4 and geography н/а -> 1 of 2
    expect(t).toMatch(/Баранова Полина 1 четверть 2 1 50,0 %/);
    expect(t).toContain('Успеваемость, % (1 четверть)'); // chart legend
    expect(pages.width).toBeGreaterThan(pages.height);
  });

  it('F-COMPLIANCE: breaches per teacher and rule (EM2 5 minutes late, EL2 homework late, …)', async () => {
    const { text: t } = await text('F-COMPLIANCE', { school: 'E1' });
    expect(t).toMatch(/Шилов Антон Сергеевич Отметка в день урока \d+ 1 /);
    expect(t).toMatch(/Рябова Ольга Николаевна Домашнее задание в срок 1 1 0,0 %/);
    expect(t).toMatch(/Шилов Антон Сергеевич Отметки за контрольную \(ВШК\) за 3 дня 2 1 50,0 %/);
    expect(t).toMatch(/Рябова Ольга Николаевна Отметки за письменную работу за 7 дней 2 1 50,0 %/);
  });

  it('F-VSHK: the ВШК work of 17.10 and its late mark (480 minutes)', async () => {
    const { text: t } = await text('F-VSHK', { school: 'E1' });
    expect(t).toContain('СПРАВКА О РЕЗУЛЬТАТАХ ВНУТРИШКОЛЬНОГО КОНТРОЛЯ (ВШК)');
    // EM3 4 and EM4 3: two marks, one «4», one «3», average 3,50
    expect(t).toMatch(/7Б Физика 17\.10\.2025 2 0 1 1 0 100,0 % 50,0 % 3,50/);
    expect(t).toMatch(/Шилов Антон Сергеевич 7Б Физика EM4 Баранова Полина 21\.10\.2025 00:00 21\.10\.2025 08:00 480/);
  });

  it('F-MISSED and F-UNSAT: the absences and the 2 with their lesson topics, portrait', async () => {
    const missed = await text('F-MISSED', { school: 'E1', class: 'E-7B' });
    expect(missed.text).toMatch(/1 Виноградов Кирилл 10\.09\.2025 Физика Измерения отсутствовал\(а\) нет/);
    expect(missed.text).toMatch(/2 Горбунова Таисия 09\.09\.2025 Физика Физические величины болезнь нет/);
    expect(missed.pages.height).toBeGreaterThan(missed.pages.width);
    const unsat = await text('F-UNSAT', { school: 'E1', class: 'E-7B' });
    expect(unsat.text).toMatch(/1 Виноградов Кирилл 09\.09\.2025 Физика Физические величины 2/);
    await expect(produceForm(ctx, 'F-MISSED', { school: 'E1' })).rejects.toThrow('Для формы F-MISSED укажите параметр «class»');
  });

  it('F-PLAN: hours planned and held per subject (physics 68 h, 3 held)', async () => {
    const { text: t } = await text('F-PLAN', { school: 'E1' });
    expect(t).toMatch(/7Б — Физика 68,00 3,00 4,4 %/);
    expect(t).toMatch(/7Б — География 34,00 2,00 5,9 %/);
  });

  it('F-DISTRICT: per school of the district, headed by the district', async () => {
    const { text: t } = await text('F-DISTRICT', { district: 'D-EKB' });
    expect(t).toContain('Кировский район');
    expect(t).toMatch(/МАОУ СОШ № 12 Отметка в день урока 3 1 66,7 %/);
    expect(t).toMatch(/МАОУ СОШ № 12 7Б 1 четверть 4 2 50,0 %/);
    await expect(produceForm(ctx, 'F-DISTRICT', { district: 'NOPE' })).rejects.toThrow('Район «NOPE» не найден');
  });
});
