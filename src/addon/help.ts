/** `Lianes › Aide`: what each menu item does, in one line each, with the guide's link (build/aide.html). */
import { openSidebar } from "./sidebars";

export function menuHelp(): void {
  openSidebar({ file: "aide", title: "Aide Lianes" });
}
