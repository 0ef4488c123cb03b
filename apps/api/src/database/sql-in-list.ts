/**
 * A check constraint's list of allowed values, from the domain's own list, so the database refuses
 * exactly what the code does. Values are the domain's fixed identifiers, never user input.
 */
export function sqlInList(column: string, values: readonly string[]): string {
  return `${column} IN (${values.map((value) => `'${value}'`).join(', ')})`;
}
