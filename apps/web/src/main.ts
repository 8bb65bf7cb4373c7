import { mount } from 'svelte';
import App from './App.svelte';
import { startLoadingBlameModel } from './lib/ui/blame/checker.svelte.ts';
import './styles/global.css';

mount(App, { target: document.getElementById('app')! });
startLoadingBlameModel();
