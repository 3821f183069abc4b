/** ANSI styling only for people at a terminal, and never when NO_COLOR is set (https://no-color.org). */
export interface TerminalStyle {
  dim: (text: string) => string;
  bold: (text: string) => string;
  red: (text: string) => string;
  yellow: (text: string) => string;
  green: (text: string) => string;
}

const plain = (text: string) => text;
const wrap = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

export function terminalStyle(isTty: boolean, env: Record<string, string | undefined>): TerminalStyle {
  const colour = isTty && !env.NO_COLOR && env.TERM !== 'dumb';
  if (!colour) return { dim: plain, bold: plain, red: plain, yellow: plain, green: plain };
  return { dim: wrap(2, 22), bold: wrap(1, 22), red: wrap(31, 39), yellow: wrap(33, 39), green: wrap(32, 39) };
}
