/** The local host with a call's form created through the menu, as staff would do it. */
import { createHost, type FakeForm, type Host } from "../../dev/host";

export function hostWithForm(callId: string): { host: Host; form: FakeForm } {
  const host = createHost();
  host.call("onOpen", {});
  host.runMenuItem("Créer le formulaire…", { kind: "prompt", button: "OK", text: callId });
  const form = [...host.forms.forms.values()].at(-1);
  if (!form) throw new Error(`pas de formulaire pour ${callId}`);
  return { host, form };
}
