import { ValidationError } from '../../common/errors';

export interface FieldError {
  field: string;
  reason: string;
}

/** Collects every bad field of a request; `throwIfAny` raises one ValidationError naming them all. */
export class FieldErrors {
  readonly list: FieldError[] = [];

  add(field: string, reason: string): void {
    this.list.push({ field, reason });
  }

  throwIfAny(): void {
    if (this.list.length === 0) return;
    const shown = this.list.slice(0, 5).map((e) => `«${e.field}»: ${e.reason}`).join('; ');
    const more = this.list.length > 5 ? ` и ещё ${this.list.length - 5}` : '';
    throw new ValidationError('invalid_entry', `Запись не сохранена. Ошибки в полях: ${shown}${more}`,
      `entry rejected: ${this.list.map((e) => e.field).join(', ')}`, this.list);
  }
}

export const isDate = (s: unknown): s is string =>
  typeof s === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
  new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
