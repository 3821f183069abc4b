/**
 * Shell wildcard patterns of `${V#p}`, `${V%p}` and `${V/p/r}`, matched as BuildKit does: the pattern becomes a
 * regular expression (`*`, `?`, escapes of `*?\`, no bracket expressions) with RE2 semantics (`.` stops at `\n`).
 */

export class PatternError extends Error {}

const REGEX_SPECIAL = new Set(['[', ']', '{', '}', '.', '+', '(', ')', '|', '^', '$']);

/** convertShellPatternToRegex: `greedy` picks `*` as longest or shortest, `anchored` matches only at the start. */
export function shellPatternToRegex(pattern: string, greedy: boolean, anchored: boolean): RegExp {
  const chars = Array.from(pattern);
  let out = anchored ? '^' : '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    if (ch === '*') out += greedy ? '[^\\n]*' : '[^\\n]*?';
    else if (ch === '?') out += '[^\\n]';
    else if (ch === '\\') {
      const next = chars[i + 1];
      // `}` and `/` are escaped only to survive `${}` parsing; the escape is not part of the pattern.
      if (next === '}' || next === '/') continue;
      if (next !== '*' && next !== '?' && next !== '\\')
        throw new PatternError(`invalid escape '\\${next ?? '\uFFFD'}'`);
      out += '\\' + next;
      i++;
    } else out += REGEX_SPECIAL.has(ch) ? '\\' + ch : ch;
  }
  return new RegExp(out, 'u');
}

/** Removes the shortest (or longest) prefix of `value` matching `pattern`. */
export function trimPrefix(pattern: string, value: string, greedy: boolean): string {
  const match = shellPatternToRegex(pattern, greedy, true).exec(value);
  return match ? value.slice(match[0].length) : value;
}

/** Removes the shortest (or longest) suffix: a prefix match on the reversed pattern and value. */
export function trimSuffix(pattern: string, value: string, greedy: boolean): string {
  const reversed = trimPrefix(reversePattern(pattern), Array.from(value).reverse().join(''), greedy);
  return Array.from(reversed).reverse().join('');
}

/** Reverses a pattern while keeping each escape before the character it escapes (`a\*c` → `c\*a`). */
export function reversePattern(pattern: string): string {
  const chars = Array.from(pattern);
  const out: string[] = new Array<string>(chars.length);
  const last = chars.length - 1;
  for (let i = 0; i <= last;) {
    const ch = chars[i] as string;
    if (ch === '\\' && i !== last) {
      out[last - i - 1] = ch;
      out[last - i] = chars[i + 1] as string;
      i += 2;
    } else {
      out[last - i] = ch;
      i++;
    }
  }
  return out.join('');
}

/** `${V/p/r}` and `${V//p/r}`: Go's FindStringIndex / ReplaceAllString, including `$` expansion in `r`. */
export function replacePattern(pattern: string, value: string, replacement: string, all: boolean): string {
  const re = new RegExp(shellPatternToRegex(pattern, true, false).source, 'gu');
  let out = '';
  let lastEnd = 0;
  let searchPos = 0;
  while (searchPos <= value.length) {
    re.lastIndex = searchPos;
    const m = re.exec(value);
    if (!m) break;
    const start = m.index;
    const end = start + m[0].length;
    out += value.slice(lastEnd, start);
    // Go skips an empty match right after a previous match, so `x*` does not replace twice.
    if (end > lastEnd || start === 0) out += expandTemplate(replacement, m[0]);
    lastEnd = end;
    if (!all) break;
    const width = (value.codePointAt(searchPos) ?? 0) > 0xffff ? 2 : 1;
    searchPos = searchPos + width > end ? searchPos + width : end;
  }
  return out + value.slice(lastEnd);
}

const TEMPLATE_NAME = /^(?:\{([\p{L}\p{Nd}_]+)\}|([\p{L}\p{Nd}_]+))/u;

/** Go's Regexp.Expand with no capture groups: `$$` → `$`, `$0`/`${0}` → the match, other names → empty. */
function expandTemplate(template: string, match: string): string {
  if (!template.includes('$')) return template;
  let out = '';
  let i = 0;
  while (i < template.length) {
    const dollar = template.indexOf('$', i);
    if (dollar === -1) break;
    out += template.slice(i, dollar);
    i = dollar + 1;
    if (template[i] === '$') {
      out += '$';
      i++;
      continue;
    }
    const name = TEMPLATE_NAME.exec(template.slice(i));
    if (!name) {
      out += '$';
      continue;
    }
    i += name[0].length;
    const key = name[1] ?? name[2] ?? '';
    if (/^\d+$/.test(key) && Number(key) === 0) out += match;
  }
  return out + template.slice(i);
}
