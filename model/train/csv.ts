// A small RFC 4180 reader (quoted fields, doubled quotes, CRLF) for the CSV files under shared/data.
// Shared by build-dataset.ts and real-code.ts so both read the data the same way.

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let field = '';
  let rowFields: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      rowFields.push(field);
      field = '';
    } else if (c === '\n') {
      rowFields.push(field.replace(/\r$/, ''));
      rows.push(rowFields);
      rowFields = [];
      field = '';
    } else field += c;
  }
  if (field || rowFields.length) rows.push([...rowFields, field]);
  return rows;
}

/** Rows as objects keyed by the header line; missing trailing cells read as ''. */
export function parseCsvRecords(text: string): Record<string, string>[] {
  const [header, ...body] = parseCsv(text.replace(/^\uFEFF/, ''));
  if (!header) return [];
  return body
    .filter((r) => r.some((cell) => cell !== ''))
    .map((r) => Object.fromEntries(header.map((h, i) => [h.trim(), r[i] ?? ''])));
}
