import type * as vscode from 'vscode';
import type { Log } from '../core/registry/ports';

/**
 * The core's log events into a LogOutputChannel. The core never puts credentials in a message (its errors and
 * URLs are stripped of them), so events are written as they come.
 */
export function toCoreLog(channel: vscode.LogOutputChannel): Log {
  return (event) => {
    const text = event.registry ? `[${event.registry}] ${event.message}` : event.message;
    if (event.level === 'warn') channel.warn(text);
    else if (event.level === 'info') channel.info(text);
    else channel.debug(text);
  };
}
