/**
 * The header the service worker (src/sw.ts) adds to an answer it gives from its kept copies
 * instead of the network, so the app can say it is showing what the person saw last. Its own
 * module, without side effects: the service worker imports it too.
 */
export const OFFLINE_COPY_HEADER = 'X-Vitrin-Offline-Copy'
