/**
 * `npm run release` from a checkout whose CHANGELOG still has unreleased changes: the pages and the
 * manifest carry package.json's version, which then names another build too, so the script says so
 * and names the commit, for the officer to record what is hosted.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the release scripts are CommonJS JavaScript
const { unreleasedChanges, versionNote } = require('../../scripts/release/changelog.js') as {
  unreleasedChanges(changelog: string): number;
  versionNote(o: { version: string; unreleased: number; commit?: string }): string | null;
};

const LOG = (unreleased: string) => `# Nhật ký thay đổi / Changelog

Lời giới thiệu.

## [Chưa phát hành / Unreleased]
${unreleased}
## [0.1.0] — 2026-12-02

### Thêm mới

- Bản đầu tiên.
- Lệnh dvht.
`;

describe('unreleased changes at release time', () => {
  it('counts the entries under “Chưa phát hành / Unreleased”, not those of released versions', () => {
    expect(unreleasedChanges(LOG('\n### Thêm mới / Added\n\n- Một.\n  tiếp dòng.\n- Hai.\n\n### Sửa lỗi / Fixed\n\n- Ba.\n'))).toBe(3);
    expect(unreleasedChanges(LOG('\n'))).toBe(0);
    expect(unreleasedChanges(LOG('').replace(/## \[Chưa phát hành[^\n]*\n/, ''))).toBe(0);
  });

  it('says nothing for a released version, and otherwise that the number names another build, with the commit', () => {
    expect(versionNote({ version: '0.1.0', unreleased: 0, commit: 'abc1234' })).toBeNull();
    const note = versionNote({ version: '0.1.0', unreleased: 12, commit: 'abc1234' })!;
    expect(note).toContain('0.1.0');
    expect(note).toContain('12');
    expect(note).toContain('abc1234');
    expect(note.indexOf('Chưa phát hành')).toBeLessThan(note.indexOf('Unreleased'));
    expect(versionNote({ version: '0.1.0', unreleased: 1 })).not.toContain('undefined');
  });
});
