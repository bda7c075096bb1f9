/**
 * What CHANGELOG.md says of the checkout being released: the entries still under
 * “Chưa phát hành / Unreleased” are in this build but not in the version package.json names.
 */
'use strict';

/** Entries (top-level “- ” lines) of the Unreleased section; 0 when it is empty or absent. */
function unreleasedChanges(changelog) {
  const sections = changelog.split(/^## /m);
  const section = sections.find((s) => /^\[(Chưa phát hành|Unreleased)/.test(s));
  return section ? section.split('\n').filter((line) => /^- /.test(line)).length : 0;
}

/** The warning release.js prints, or null when the build is the released version. */
function versionNote({ version, unreleased, commit }) {
  if (!unreleased) return null;
  const at = commit ? ` (commit ${commit})` : '';
  return (
    `Lưu ý: CHANGELOG.md còn ${unreleased} thay đổi “Chưa phát hành” sau ${version}. Bản này${at} mang số ${version} ` +
    `nhưng khác bản ${version} đã phát hành: ghi lại mã commit để biết đang đặt bản nào, hoặc hỏi nhóm phát triển ` +
    `một bản có số phiên bản mới.\n` +
    `Note: CHANGELOG.md has ${unreleased} “Unreleased” changes after ${version}. This build${at} is numbered ${version} ` +
    `but differs from the released ${version}: record the commit, or ask for a release with a new version number.`
  );
}

module.exports = { unreleasedChanges, versionNote };
