// Mounts the app, and registers the service worker that keeps it working offline.
import { mount } from 'svelte';
import App from './App.svelte';
import { registerServiceWorker } from '$lib/browser/service-worker';
import './app.css';

mount(App, { target: document.getElementById('app')! });

// Only a built site has sw.js; the single-file build (scripts/single-file.mjs) has none, and the constant
// drops this code there.
if (import.meta.env.PROD && import.meta.env.PRISM_SERVICE_WORKER) void registerServiceWorker('./sw.js', './');
