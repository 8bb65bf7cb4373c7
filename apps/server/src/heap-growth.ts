import { setFlagsFromString } from 'node:v8';

/**
 * After each full collection V8 lets the old generation grow to up to four times what survived (on a machine with
 * gigabytes to spare) before it collects again. Under thousands of connections most of that growth is garbage (a
 * heap snapshot under 5,000 connections held 122 MB live in a 280 MB process), so the server's memory tracked V8's
 * headroom, not its work. A fixed 1.3 keeps the process about 15 % smaller under that load, with no CPU cost the
 * benchmark could tell apart (docs/benchmarks.md). V8 reads the flag at every full collection; main.ts imports
 * this before anything else of its own, so it holds however the server is launched.
 */
setFlagsFromString('--heap-growing-percent=30');
