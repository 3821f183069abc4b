import { isGoSpace } from '../go-space';

/**
 * Splits lexer output into words after expansion (BuildKit's wordsStruct): unquoted white space separates words.
 * The buffer is shared by nested expansions, as in BuildKit, so that word splitting matches it exactly.
 */
export class WordCollector {
  buf = '';
  inWord = false;

  start(): WordList {
    this.buf = '';
    return new WordList(this);
  }

  take(): string {
    const word = this.buf;
    this.buf = '';
    this.inWord = false;
    return word;
  }

  append(text: string): void {
    this.buf += text;
    this.inWord = true;
  }
}

/** One processStopOn call's words, written through the shared buffer. */
export class WordList {
  private readonly words: string[] = [];

  constructor(private readonly shared: WordCollector) {}

  addChar(code: number): void {
    if (!isGoSpace(code)) this.addRawChar(code);
    else if (this.shared.inWord && this.shared.buf.length !== 0) this.words.push(this.shared.take());
  }

  addRawChar(code: number): void {
    this.shared.append(String.fromCodePoint(code));
  }

  addString(text: string): void {
    for (const ch of text) this.addChar(ch.codePointAt(0) as number);
  }

  addRaw(text: string): void {
    this.shared.append(text);
  }

  finish(): string[] {
    if (this.shared.buf.length > 0) this.words.push(this.shared.take());
    return this.words;
  }
}
