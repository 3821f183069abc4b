import { lexWord } from './shell-lexer';

/**
 * Heredoc words (`<<EOF`, `<<-EOF`, `3<<'EOF'`) as BuildKit finds them on a RUN/COPY/ADD line. Detection always uses
 * the backslash escape, whatever the escape directive says, as BuildKit does.
 */

export interface HeredocWord {
  name: string;
  fileDescriptor: number;
  expand: boolean;
  chomp: boolean;
}

const keepAll = () => true;
const noEnv = () => undefined;

/** ParseHeredoc: `^(\d*)<<(-?)\s*([^<]*)$`; null when the word is no heredoc, an error string when it is malformed. */
export function parseHeredocWord(word: string): HeredocWord | null | { error: string } {
  const match = /^(\d*)<<(-?)[\t\n\f\r ]*([^<]*)$/.exec(word);
  if (!match) return null;
  const rest = match[3] ?? '';
  if (rest === '') return null;
  const plain = lexWord(rest, noEnv, { keepUnset: keepAll });
  if (!plain.ok) return { error: plain.error };
  if (plain.words.length !== 1) return null;
  const raw = lexWord(rest, noEnv, { keepUnset: keepAll, rawQuotes: true });
  if (!raw.ok) return { error: raw.error };
  if (raw.words.length !== 1) return { error: `internal lexing of heredoc produced inconsistent results: ${rest}` };
  const name = plain.words[0] as string;
  // A quoted part in the delimiter (`'EOF'`, `E"O"F`) turns expansion of the content off.
  const expand = countQuotes(name) === countQuotes(raw.words[0] as string);
  return { name, fileDescriptor: Number(match[1] || 0), expand, chomp: match[2] === '-' };
}

function countQuotes(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22 || code === 0x27) count++;
  }
  return count;
}

/** heredocsFromLine: every heredoc word of a whole instruction line, in order. */
export function heredocsFromLine(line: string): HeredocWord[] | { error: string } {
  const lexed = lexWord(line, noEnv, { keepUnset: keepAll, rawQuotes: true, rawEscapes: true });
  const words = lexed.ok ? lexed.words : [];
  const docs: HeredocWord[] = [];
  for (const word of words) {
    const heredoc = parseHeredocWord(word);
    if (heredoc && 'error' in heredoc) return heredoc;
    if (heredoc) docs.push(heredoc);
  }
  return docs;
}
