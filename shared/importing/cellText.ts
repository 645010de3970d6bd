/**
 * Text that a spreadsheet would run as a formula. Exported lists and appendices are XLSX,
 * where a text cell stays text; but an office that opens one and saves it "as CSV" writes the
 * bare text, and the next program to open that CSV runs any cell beginning with one of these
 * characters as a formula (`=HYPERLINK(…)`, `@SUM(…)`, `+cmd|…`). A name or a note typed into
 * the registry must not become that.
 */
const formulaStart = /^[=+\-@\t\r]/;

/** A number written as text ("-5", "+84", "1.5e3") is read back as that number, never as a formula. */
const plainNumber = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)(e[+-]?\d+)?$/i;

function couldRunAsFormula(text: string): boolean {
  return text.length > 1 && formulaStart.test(text) && !plainNumber.test(text);
}

/** The text as it is written into an exported spreadsheet: with a leading apostrophe, as Excel itself marks text, where it could run as a formula. */
export function inertCellText(text: string): string {
  return couldRunAsFormula(text) ? `'${text}` : text;
}

/** The text of an imported cell with the apostrophe `inertCellText` added taken off again, so an exported list imports back unchanged. */
export function importedCellText(text: string): string {
  return text.startsWith("'") && couldRunAsFormula(text.slice(1)) ? text.slice(1) : text;
}
