// Worker threads start without the main thread's tsx loader on Node 20: register it, then load the TypeScript probe.
import { register } from 'tsx/esm/api';

register();
await import('./probe-worker.ts');
