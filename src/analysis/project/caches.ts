import { clearParsedModules } from './modules.js';
import { clearProjectCaches, projectCacheSizes } from './store.js';

/**
 * Forgets every file read, resolved, parsed or summarised in this process, as a new process
 * starts; returns how many entries each cache held. For the benchmark (cold runs, the memory the
 * caches hold) and long-lived hosts.
 */
export function clearModuleCaches(): Record<string, number> {
  const parsed = clearParsedModules();
  return { ...clearProjectCaches(), 'parsed modules': parsed };
}

export { projectCacheSizes };
