import { SHORTCUTS } from '../editor/keys.js';
import './panels.css';

/** How a shortcut's keys read on this platform. */
export const keyLabel = (keys: string, mac: boolean): string =>
  keys.replace('Mod', mac ? '⌘' : 'Ctrl').replace('Shift', mac ? '⇧' : 'Shift');

/** Every keyboard shortcut, plus the canvas's own gestures; `?` shows and hides it, Escape closes it. */
export function ShortcutSheet({ mac, onClose }: { mac: boolean; onClose: () => void }) {
  const multi = mac ? '⌘' : 'Ctrl';
  return (
    <div className="sheet-backdrop">
      <dialog open className="shortcut-sheet" aria-label="Keyboard shortcuts">
        <h2>Keyboard shortcuts</h2>
        <table>
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.command}>
                <td>
                  {s.keys.map((k) => (
                    <kbd key={k}>{keyLabel(k, mac)}</kbd>
                  ))}
                </td>
                <td>{s.help}</td>
              </tr>
            ))}
            <tr>
              <td>
                <kbd>{keyLabel('Shift', mac)}</kbd> + drag
              </td>
              <td>Select the blocks in a box</td>
            </tr>
            <tr>
              <td>
                <kbd>{multi}</kbd> + click
              </td>
              <td>Add a block to the selection</td>
            </tr>
            <tr>
              <td>Drag a branch handle</td>
              <td>Connect the branch to a block; drag an edge's end to reconnect it</td>
            </tr>
          </tbody>
        </table>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </dialog>
    </div>
  );
}
