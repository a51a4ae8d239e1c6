import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import { router } from './router';
import { i18n } from './i18n';
import { closeBoot } from './api/http';
import './styles.css';

createApp(App).use(createPinia()).use(router).use(i18n).mount('#app');
// answers asked for by public/boot.js serve the first navigation only
void router.isReady().finally(closeBoot);
