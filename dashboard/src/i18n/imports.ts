// Texts of the import screen (AdminImportsPage). Used as the page's local messages; the dashboard's
// global ru/en files may merge them under `imports`.
export default {
  ru: {
    imports: {
      title: 'Импорт из других журналов',
      intro: 'Выгрузка OneRoster (zip), таблицы XLSX/CSV другого журнала или набор данных Сводки (zip). Загрузка заменяет все данные школы: загружайте все файлы школы вместе.',
      file: 'Файл', format: 'Формат', auto: 'определить автоматически', options: 'Параметры',
      timezone: 'Часовой пояс школы', academicYear: 'Учебный год', profile: 'Профиль таблицы', anyProfile: 'по заголовкам',
      className: 'Класс', subject: 'Предмет', teacher: 'Учитель', classTeacher: 'Классный руководитель',
      partial: 'Загрузить правильные строки, если есть ошибки', dryRun: 'Только проверить, ничего не записывать',
      preview: 'Предпросмотр', start: 'Загрузить', detected: 'Определён формат', sheets: 'Листы и профили',
      firstRows: 'Первые строки после преобразования', of: 'из', errors: 'Ошибки', warnings: 'Предупреждения', more: 'и ещё',
      progress: 'Ход загрузки', phase: { received: 'файл получен', converting: 'преобразование', importing: 'запись в хранилище', done: 'готово', failed: 'ошибка' },
      report: 'Отчёт о загрузке', status: { applied: 'загружено', unchanged: 'без изменений: эти данные уже загружены', rejected: 'отклонено: в хранилище ничего не изменилось', dry_run: 'проверка без записи' },
      fileCol: 'Файл', read: 'Прочитано', accepted: 'Принято', rejected: 'Отклонено', changes: 'Что изменится',
      added: 'добавится', changed: 'изменится', removed: 'удалится', unchanged: 'без изменений',
      download: 'Скачать отчёт об ошибках (CSV)', history: 'История загрузок', when: 'Когда', source: 'Источник', who: 'Кто',
      none: 'Загрузок ещё не было', rowsRead: 'прочитано строк', chooseFile: 'Выберите файл', noSchool: 'Школа не выбрана',
    },
  },
  en: {
    imports: {
      title: 'Imports from other journals',
      intro: 'A OneRoster export (zip), XLSX/CSV sheets of another journal, or a Svodka bundle (zip). An import replaces all of the school\'s data: upload all of its files together.',
      file: 'File', format: 'Format', auto: 'detect', options: 'Options',
      timezone: 'School time zone', academicYear: 'Academic year', profile: 'Sheet profile', anyProfile: 'by headers',
      className: 'Class', subject: 'Subject', teacher: 'Teacher', classTeacher: 'Class teacher',
      partial: 'Load the valid rows when some are rejected', dryRun: 'Check only, write nothing',
      preview: 'Preview', start: 'Import', detected: 'Detected format', sheets: 'Sheets and profiles',
      firstRows: 'First rows after mapping', of: 'of', errors: 'Errors', warnings: 'Warnings', more: 'and more',
      progress: 'Progress', phase: { received: 'received', converting: 'converting', importing: 'writing', done: 'done', failed: 'failed' },
      report: 'Import report', status: { applied: 'applied', unchanged: 'unchanged: already loaded', rejected: 'rejected: nothing changed', dry_run: 'dry run' },
      fileCol: 'File', read: 'Read', accepted: 'Accepted', rejected: 'Rejected', changes: 'What would change',
      added: 'added', changed: 'changed', removed: 'removed', unchanged: 'unchanged',
      download: 'Download the error report (CSV)', history: 'Import history', when: 'When', source: 'Source', who: 'Who',
      none: 'No imports yet', rowsRead: 'rows read', chooseFile: 'Choose a file', noSchool: 'No school selected',
    },
  },
};
