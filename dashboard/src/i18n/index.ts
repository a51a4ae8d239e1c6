import { createI18n } from 'vue-i18n';
import ru from './ru';
import en from './en';

const saved = typeof localStorage !== 'undefined' ? localStorage.getItem('svodka.locale') : null;

export const i18n = createI18n({
  legacy: false,
  locale: saved === 'en' ? 'en' : 'ru',
  fallbackLocale: 'ru',
  messages: { ru, en },
});

export function setLocale(locale: 'ru' | 'en'): void {
  i18n.global.locale.value = locale;
  localStorage.setItem('svodka.locale', locale);
  document.documentElement.lang = locale;
}
