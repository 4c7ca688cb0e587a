/**
 * What a page keeps in the browser's storage, named once: the HTTP transport, the device link, the
 * language choice and the early requests (early-calls.ts), which read them before the rest loads.
 */
/** sessionStorage: this tab's session token (each tab is its own signed-in person). */
export const TOKEN_KEY = 'frontdesk.token';
/** localStorage: the paired device's token (issue 15). */
export const DEVICE_TOKEN_KEY = 'frontdesk.deviceToken';
/** localStorage: the language chosen at this browser. */
export const LANGUAGE_KEY = 'frontdesk.lang';
