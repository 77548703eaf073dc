import { mount } from 'svelte';
import App from './App.svelte';
import { ensureLanguage, language, setLanguage } from './i18n/i18n.svelte.ts';
import { route } from './router.svelte.ts';
import './styles.css';

// A link names its language (`lang=zh`): opening it sets the language, and the reader's choice is
// remembered from then on. Otherwise the language chosen before, or the browser's.
const linked = route().lang;
const ready = linked ? setLanguage(linked) : ensureLanguage(language());

// The strings of the language on screen first; the app never shows a bare key.
void ready.then(() => mount(App, { target: document.getElementById('app')! }));
