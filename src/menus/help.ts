/** `Lianes › Aide`: what each menu item does, in one line each, with the guide's link (build/aide.html). */
import { openSidebar } from "../addon/sidebars";

export function menuAide(): void {
  openSidebar({ file: "aide", title: "Aide Lianes" });
}
