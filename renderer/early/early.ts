/**
 * The classic script index.html runs first (scripts/build.mjs bundles it on its own and puts it in
 * the page's head): the board's first requests, while the console's modules load (early-calls.ts).
 */
import { startEarlyCallsInPage } from '../client/early-calls';

startEarlyCallsInPage();
