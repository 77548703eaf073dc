import { mount } from 'svelte';
import App from './App.svelte';
import { ensureLanguage, language } from './i18n/i18n.svelte.ts';
import './styles.css';

// The strings of the language on screen first; the app never shows a bare key.
void ensureLanguage(language()).then(() => mount(App, { target: document.getElementById('app')! }));
