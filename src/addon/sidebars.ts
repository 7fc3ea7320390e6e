/**
 * Opening the sidebars. Each is one self-contained HTML file of build/ (see scripts/sidebars.ts);
 * what the page asks of the server goes through entry points validated with zod.
 */
export interface Sidebar {
  /** The HTML file in build/, without `.html`. */
  readonly file: string;
  readonly title: string;
}

export function openSidebar(sidebar: Sidebar): void {
  const html = HtmlService.createHtmlOutputFromFile(sidebar.file).setTitle(sidebar.title);
  SpreadsheetApp.getUi().showSidebar(html);
}
