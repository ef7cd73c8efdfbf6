import { describe, expect, it } from 'vitest';
import { saveDownload } from './download.js';

describe('saveDownload', () => {
  it('clicks a temporary link to an object URL of the text, named as asked', async () => {
    const clicked: { href: string; download: string; attached: boolean }[] = [];
    const appended = new Set<object>();
    const link = {
      href: '',
      download: '',
      hidden: false,
      click() {
        clicked.push({ href: this.href, download: this.download, attached: appended.has(this) });
      },
      remove() {
        appended.delete(this);
      },
    };
    const doc = {
      createElement: () => link,
      body: { append: (el: object) => appended.add(el) },
    } as unknown as Document;
    saveDownload({ fileName: 'Bank menu.json', text: '{"Version":"2019-10-30"}' }, doc);
    expect(clicked).toEqual([
      { href: expect.stringMatching(/^blob:/), download: 'Bank menu.json', attached: true },
    ]);
    expect(appended.size).toBe(0);
    const blob = await fetch(clicked[0]?.href ?? '')
      .then((r) => r.text())
      .catch(() => undefined);
    // Node serves object URLs to fetch only in some versions; when it does, the text is the file.
    if (blob !== undefined) expect(blob).toBe('{"Version":"2019-10-30"}');
  });
});
