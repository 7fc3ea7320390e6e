/** Rule tables as a rule sheet holds them (« Paramètre | Valeur », header in row 1), for tests. */
export type Table = (string | number)[][];

/** Fonds territoriaux Récital as its sheet reads: the rate in B4. */
export function recitalFtTable(): Table {
  return [
    ["Paramètre", "Valeur"],
    ["Identifiant", "RECITAL-FT"],
    ["Type", "taux"],
    ["Taux", 0.7],
    ["Aide minimale", 500],
    ["Aide maximale", 3000],
    ["Nom", "Fonds territoriaux Récital"],
  ];
}

export function recitalPsTable(): Table {
  return [
    ["Paramètre", "Valeur"],
    ["Identifiant", "RECITAL-PS"],
    ["Type", "taux annuel"],
    ["Taux", 0.7],
    ["Aide maximale par an", 5000],
    ["Années", 3],
    ["Nom", "Fonds Projets structurants"],
  ];
}

export function recitalTandemTable(): Table {
  return [
    ["Paramètre", "Valeur"],
    ["Identifiant", "RECITAL-TANDEM"],
    ["Type", "forfait"],
    ["Forfait", 600],
    ["Unité", "tandem"],
    ["Nom", "Tandems solidaires"],
  ];
}

/** A copy with one cell changed (row and column 1-based, as the sheet names them). */
export function withCell(table: Table, row: number, column: number, value: string | number): Table {
  const copy = table.map((r) => [...r]);
  while (copy.length < row) copy.push(["", ""]);
  (copy[row - 1] as (string | number)[])[column - 1] = value;
  return copy;
}
