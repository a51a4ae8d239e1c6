// Russian and English texts of every import issue code, in one place.
import type { ImportIssue } from '../../common/import-report';

export interface IssueFacts {
  file: string;
  line: number | null;
  column: string | null;
  code: string;
  value?: string | null;
  /** code-specific facts: allowed values, the referenced file, the line of the first duplicate, … */
  detail?: string | null;
  /** an example UTC offset of the school (`+05:00`), for the timestamp hint */
  offset?: string;
}

type Text = (f: IssueFacts, v: string) => [ru: string, en: string];

const texts: Record<string, Text> = {
  missing_file: () => ['обязательный файл отсутствует', 'required file is missing'],
  empty_file: () => ['файл пуст: нет строки заголовка', 'file is empty: no header row'],
  unreadable_file: (f) => [`файл не читается как CSV (${f.detail ?? ''})`, `file cannot be read as CSV (${f.detail ?? ''})`],
  missing_column: () => ['обязательный столбец отсутствует в заголовке', 'required column is missing from the header'],
  unknown_column: () => ['неизвестный столбец — удалите его или импортируйте с параметром «пропускать неизвестные столбцы»',
    'unknown column (remove it or import with ignore-unknown-columns)'],
  duplicate_column: () => ['столбец повторяется в заголовке', 'column appears twice in the header'],
  bad_encoding: () => ['текст не в кодировке UTF-8 — сохраните файл в UTF-8', 'text is not UTF-8'],
  wrong_column_count: (f) => [`неверное число значений в строке (${f.detail ?? ''})`, `wrong number of values in the row (${f.detail ?? ''})`],
  bad_quoting: () => ['нарушены кавычки CSV (незакрытая или лишняя кавычка)', 'broken CSV quoting'],
  malformed_row: (f) => [`строка CSV не разбирается (${f.detail ?? ''})`, `malformed CSV row (${f.detail ?? ''})`],
  missing_required: () => ['обязательное значение не заполнено', 'required value is empty'],
  missing_final_value: () => ['итоговая отметка пуста, а даты переноса (deferred_until) нет', 'final mark value is empty and there is no deferred_until'],
  bad_date: (_f, v) => [`неверная дата ${v} — нужен формат ГГГГ-ММ-ДД, например 2025-09-01`, `bad date ${v} (expected YYYY-MM-DD)`],
  bad_time: (_f, v) => [`неверное время ${v} — нужен формат ЧЧ:ММ, например 08:30`, `bad time ${v} (expected HH:MM)`],
  timestamp_without_offset: (f, v) => [`время без смещения часового пояса ${v} — укажите, например, ${f.offset ?? '+03:00'}`,
    `timestamp without a UTC offset ${v}`],
  bad_timestamp: (f, v) => [`неверная отметка времени ${v} — нужен формат ГГГГ-ММ-ДДTЧЧ:ММ:СС со смещением, например 2025-09-08T10:41:00${f.offset ?? '+03:00'}`,
    `bad timestamp ${v} (expected ISO 8601 with an offset)`],
  bad_int: (_f, v) => [`${v} — не целое число`, `${v} is not an integer`],
  bad_number: (_f, v) => [`${v} — не число (дробная часть отделяется точкой)`, `${v} is not a number`],
  out_of_range: (f, v) => [`значение ${v} вне допустимых пределов (${f.detail ?? ''})`, `value ${v} out of range (${f.detail ?? ''})`],
  bad_bool: (_f, v) => [`${v} — нужно true или false`, `${v} is not true/false`],
  bad_enum: (f, v) => [`недопустимое значение ${v}; допустимы: ${f.detail ?? ''}`, `value ${v} not allowed; allowed: ${f.detail ?? ''}`],
  bad_mark: (f, v) => [`недопустимая отметка ${v} для шкалы школы; допустимы: ${f.detail ?? ''}`, `mark ${v} not allowed by the school's scale; allowed: ${f.detail ?? ''}`],
  bad_timezone: (_f, v) => [`неизвестный часовой пояс ${v} — нужен идентификатор IANA, например Europe/Moscow`, `unknown time zone ${v} (expected an IANA name)`],
  duplicate_id: (f) => [`повтор: такой же ключ уже в строке ${f.detail ?? '?'}`, `duplicate key, first seen on line ${f.detail ?? '?'}`],
  dangling_reference: (f, v) => [`ссылка ${v} не найдена в ${f.detail ?? ''}`, `reference ${v} not found in ${f.detail ?? ''}`],
  rejected_reference: (f, v) => [`ссылка ${v} указывает на отклонённую строку (${f.detail ?? ''})`, `reference ${v} points to a rejected row (${f.detail ?? ''})`],
  unknown_key: (_f, v) => [`неизвестный ключ манифеста ${v}`, `unknown manifest key ${v}`],
  unknown_file: () => ['неизвестный файл в наборе данных — удалите его или импортируйте с параметром «пропускать неизвестные столбцы»',
    'unknown file in the bundle'],
  missing_key: () => ['обязательный ключ манифеста отсутствует', 'required manifest key is missing'],
};

const quote = (v: string | null | undefined): string => (v == null ? '(пусто)' : `«${v}»`);

/** Builds the issue with its Russian and English text. */
export function issue(f: IssueFacts): ImportIssue {
  const text = texts[f.code] ?? (() => [`ошибка ${f.code}`, `error ${f.code}`]);
  const [ru, en] = text(f, quote(f.value));
  const whereRu = [`${f.file}`, f.line != null ? `строка ${f.line}` : null, f.column ? `поле ${f.column}` : null].filter(Boolean).join(', ');
  const whereEn = [`${f.file}`, f.line != null ? `line ${f.line}` : null, f.column ? `column ${f.column}` : null].filter(Boolean).join(', ');
  return {
    file: f.file, line: f.line, column: f.column, code: f.code,
    message: `${whereRu}: ${ru}`,
    logMessage: `${whereEn}: ${en.replace(/[«»]/g, '"')}`,
    value: f.value ?? null,
  };
}

/** `+05:00` for an IANA zone (at the given instant), for hints in messages. */
export function utcOffsetOf(timeZone: string, at = new Date()): string | undefined {
  try {
    const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(at).find((p) => p.type === 'timeZoneName')?.value;
    if (!name) return undefined;
    return name === 'GMT' ? '+00:00' : name.replace('GMT', '');
  } catch {
    return undefined;
  }
}
