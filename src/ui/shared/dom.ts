/**
 * Browser helpers shared by the sidebars. Data is only ever shown through textContent and
 * attribute setters: no HTML is built from data.
 */
export function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} missing`);
  return element as T;
}

type Attributes = Record<string, string | number | boolean | undefined>;

/** An element with attributes and text (or children), never parsed as HTML. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children)
    element.append(typeof child === "string" ? document.createTextNode(child) : child);
  return element;
}

/** Shows a field's error next to it (and tells assistive technology), or clears it. */
export function showFieldError(input: HTMLElement, message: string | undefined): void {
  const box = document.getElementById(`${input.id}-erreur`);
  input.setAttribute("aria-invalid", message ? "true" : "false");
  if (box) box.textContent = message ?? "";
}
