import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium: playwright-core downloads no browser of its own (../shared/VSCODE-E2E.md). */
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** Drives one VS Code window through the keyboard, as a user would; selectors from VSCODE-E2E.md. */
export class Workbench {
  constructor(readonly page: Page) {}

  static async open(browser: Browser, url: string): Promise<Workbench> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    // A loaded 2-CPU machine takes tens of seconds for a first quick open; CI alone is much faster.
    page.setDefaultTimeout(60_000);
    await page.goto(url);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    return new Workbench(page);
  }

  /** Ctrl+P with a file name; waits for its editor tab. */
  async openFile(name: string): Promise<void> {
    await this.quickOpen(name);
    await this.page.locator(`.tab[aria-label^="${name}"]`).first().waitFor();
  }

  /** Moves the cursor with Ctrl+P `:line:column`, until the status bar says it is there. */
  async goTo(line: number, column: number, timeoutMs = 60_000): Promise<void> {
    const there = this.page.locator('.statusbar-item', { hasText: `Ln ${line}, Col ${column}` }).first();
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      // Enter can come before the quick input has read the text as a position: check, and go again.
      await this.quickOpen(`:${line}:${column}`);
      if (
        await there.waitFor({ timeout: 3000 }).then(
          () => true,
          () => false,
        )
      )
        return;
      await this.page.keyboard.press('Escape');
    }
    throw new Error(`the cursor never reached ${line}:${column}`);
  }

  /** Shows the hover at the cursor (editor.action.showHover) until `until` holds for its text. */
  async hoverText(until: (text: string) => boolean, timeoutMs = 60_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let text = '';
    while (Date.now() < deadline) {
      await this.page.keyboard.press('Control+K');
      await this.page.keyboard.press('Control+I');
      const hover = this.page.locator('.monaco-hover-content').first();
      text =
        (await hover.waitFor({ timeout: 5000 }).then(
          () => hover.innerText(),
          () => '',
        )) ?? '';
      if (until(text)) return text;
      await this.page.keyboard.press('Escape');
      await this.page.waitForTimeout(500);
    }
    throw new Error(`the hover never matched; last text:\n${text}`);
  }

  /**
   * The Problems panel's rows, once `until` holds for them. The panel's list is virtualized (only the rows in view
   * exist), so `filter` narrows it with the panel's own filter box to the rows a test is about.
   */
  async problems(until: (rows: string[]) => boolean, filter = '', timeoutMs = 60_000): Promise<string[]> {
    await this.command('View: Focus Problems');
    await this.page.locator('.part.panel [placeholder^="Filter"]').first().fill(filter);
    const deadline = Date.now() + timeoutMs;
    let rows: string[] = [];
    while (Date.now() < deadline) {
      rows = await this.page.locator('.markers-panel .monaco-list-row').allInnerTexts();
      if (until(rows)) return rows;
      await this.page.waitForTimeout(500);
    }
    throw new Error(`the Problems panel never matched; rows:\n${rows.join('\n')}`);
  }

  /** Opens the quick fix menu at the cursor and picks the entry whose title starts with `title`. */
  async quickFix(title: string, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const item = this.page.locator('.action-widget .monaco-list-row', { hasText: title }).first();
    // The menu can open before the code actions arrive ("no code actions"): ask again until the entry is there.
    while (Date.now() < deadline) {
      await this.page.keyboard.press('Control+.');
      if (
        await item.waitFor({ timeout: 5000 }).then(
          () => true,
          () => false,
        )
      ) {
        await item.click();
        return;
      }
      await this.page.keyboard.press('Escape');
    }
    throw new Error(`no quick fix '${title}'`);
  }

  /** The text of the editor whose tab starts with `name`, once `until` holds for it (it may be re-rendered). */
  async editorText(name: string, until: (text: string) => boolean, timeoutMs = 60_000): Promise<string> {
    const tab = this.page.locator(`.tab[aria-label^="${name}"]`).first();
    await tab.waitFor();
    const deadline = Date.now() + timeoutMs;
    let text = '';
    while (Date.now() < deadline) {
      await tab.click();
      const lines = this.page.locator('.editor-group-container.active .monaco-editor .view-lines').first();
      // Monaco renders spaces as non-breaking ones.
      text = (await lines.innerText()).replace(/\u00a0/g, ' ');
      if (until(text)) return text;
      await this.page.waitForTimeout(500);
    }
    throw new Error(`the editor ${name} never matched; last text:\n${text}`);
  }

  async closeEditor(): Promise<void> {
    await this.page.keyboard.press('Control+W');
  }

  /** Answers the input box (or quick pick) that shows `prompt`: types `text` and presses Enter. */
  async answer(prompt: string, text: string): Promise<void> {
    const widget = this.page.locator('.quick-input-widget', { hasText: prompt });
    await widget.waitFor();
    await widget.locator('input').first().fill(text);
    await this.page.keyboard.press('Enter');
    await widget.waitFor({ state: 'hidden' }).catch(() => undefined);
  }

  /** Runs a command from the palette by its full title. */
  async command(title: string): Promise<void> {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`>${title}`);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
    await this.page.keyboard.press('Enter');
  }

  async save(): Promise<void> {
    await this.page.keyboard.press('Control+S');
  }

  private async quickOpen(text: string): Promise<void> {
    await this.page.keyboard.press('Control+P');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(text);
    if (!text.startsWith(':')) {
      // The list shows recent files first: wait until the one asked for is there.
      await this.page.locator('.quick-input-list .monaco-list-row', { hasText: text }).first().waitFor();
    }
    await this.page.keyboard.press('Enter');
  }
}
