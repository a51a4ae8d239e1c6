import type { FormRequest } from './forms/form-request';
import type { FormDocument } from './html/form-document';
import { pagePoolSize } from './pdf/page-pool';
import { finishForm, formDefinition, yearOf, type FormYear, type ProduceContext, type ProducedForm, type ProduceOptions } from './produce-form';

export interface BatchOptions extends Omit<ProduceOptions, 'allowed'> {
  /** called as each form is done (in completion order) */
  onForm?: (form: ProducedForm, index: number) => void;
  /** forms in flight at once; default one more than the browser's pages */
  workers?: number;
}

const groupKey = (r: FormRequest) => JSON.stringify([r.school ?? null, r.period ?? null, r.year ?? null]);

/**
 * Many forms of one kind (e.g. every class's F-SUMMARY), as produceForm would make them one by one:
 * the rows of each school are read once when the form can (`buildBatch`), and the forms are
 * pipelined: while the browser prints one, the next is built and the previous signed and archived.
 * Results are in request order; the first error stops the batch (forms done so far stay archived).
 */
export async function produceForms(ctx: ProduceContext, formId: string, reqs: FormRequest[], opts: BatchOptions = {}): Promise<ProducedForm[]> {
  const def = formDefinition(formId);
  const madeAt = opts.madeAt ?? new Date();
  const docs = new Map<string, Promise<FormDocument[]>>();
  const years = new Map<string, Promise<FormYear>>();
  const groups = new Map<string, number[]>();
  reqs.forEach((r, i) => groups.set(groupKey(r), [...(groups.get(groupKey(r)) ?? []), i]));

  const docOf = async (i: number): Promise<FormDocument> => {
    const req = reqs[i]!;
    if (!def.buildBatch) return def.build(ctx.warehouse, req, madeAt);
    const key = groupKey(req);
    const members = groups.get(key)!;
    let batch = docs.get(key);
    if (!batch) docs.set(key, (batch = def.buildBatch(ctx.warehouse, members.map((m) => reqs[m]!), madeAt)));
    return (await batch)[members.indexOf(i)]!;
  };
  const yearFor = (req: FormRequest): Promise<FormYear> => {
    const key = groupKey(req);
    let y = years.get(key);
    if (!y) years.set(key, (y = yearOf(ctx.warehouse, req, def.id)));
    return y;
  };

  const out: ProducedForm[] = new Array(reqs.length);
  let next = 0;
  let failed = false;
  // one worker more than pages: its build and signing overlap the pages' printing
  const worker = async () => {
    while (!failed && next < reqs.length) {
      const i = next++;
      try {
        const doc = await docOf(i);
        const year = opts.sign ? await yearFor(reqs[i]!) : null;
        out[i] = await finishForm(ctx, def, reqs[i]!, doc, year, { ...opts, madeAt });
        opts.onForm?.(out[i]!, i);
      } catch (err) {
        failed = true;
        throw err;
      }
    }
  };
  const settled = await Promise.allSettled(Array.from({ length: Math.min(opts.workers ?? pagePoolSize + 1, reqs.length) }, worker));
  const error = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (error) throw error.reason;
  return out;
}
