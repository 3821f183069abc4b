/**
 * One CSV record as go-csvvalue reads a `--mount` value (comma separated, `"` quoting with `""`, strict quotes),
 * keeping for every character of every field its index in the input.
 */
export interface CsvField {
  text: string;
  indices: number[];
}

export function csvFields(input: string): CsvField[] | { error: string } {
  let line = input;
  if (line.endsWith('\r\n')) line = line.slice(0, -2);
  else if (line.endsWith('\n')) line = line.slice(0, -1);
  if (line.length === 0) return { error: 'EOF' };
  const fields: CsvField[] = [];
  let pos = 0;
  for (;;) {
    if (line[pos] !== '"') {
      const comma = line.indexOf(',', pos);
      const end = comma === -1 ? line.length : comma;
      const quote = line.indexOf('"', pos);
      if (quote !== -1 && quote < end)
        return { error: `parse error on column ${quote + 1}: bare " in non-quoted-field` };
      fields.push(plainField(line, pos, end));
      if (comma === -1) return fields;
      pos = comma + 1;
      continue;
    }
    const field: CsvField = { text: '', indices: [] };
    fields.push(field);
    pos++;
    for (;;) {
      const close = line.indexOf('"', pos);
      if (close === -1) return { error: `parse error on column ${pos + 1}: extraneous or missing " in quoted-field` };
      appendRange(field, line, pos, close);
      pos = close + 1;
      if (line[pos] === '"') {
        appendRange(field, line, pos, pos + 1);
        pos++;
        continue;
      }
      if (line[pos] === ',') {
        pos++;
        break;
      }
      if (pos === line.length) return fields;
      return { error: `parse error on column ${pos}: extraneous or missing " in quoted-field` };
    }
  }
}

function plainField(line: string, from: number, to: number): CsvField {
  const field: CsvField = { text: '', indices: [] };
  appendRange(field, line, from, to);
  return field;
}

function appendRange(field: CsvField, line: string, from: number, to: number): void {
  field.text += line.slice(from, to);
  for (let i = from; i < to; i++) field.indices.push(i);
}
