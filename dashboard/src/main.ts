import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import { router } from './router';
import { i18n } from './i18n';
import { closeBoot } from './api/http';
import './styles.css';

createApp(App).use(createPinia()).use(router).use(i18n).mount('#app');
// answers asked for by public/boot.js serve the first navigation only; closed a task later, once the
// requests its guard started (the school's names, then the first chart) have taken theirs
void router.isReady().finally(() => setTimeout(closeBoot, 0));
