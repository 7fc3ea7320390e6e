/** The Chromium harness of the local host (dev/host/browser.ts), for the sidebar tests. */
export { chromiumPath, launchBrowser, openSidebar, type PageWatch } from "../../dev/host/browser";
