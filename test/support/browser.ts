/** The Chromium harness of the local host (dev/host/browser.ts), for the sidebar tests. */
export {
  findChromium,
  launchBrowser,
  npmChromium,
  openSidebar,
  type PageWatch,
  systemChromium,
} from "../../dev/host/browser";
