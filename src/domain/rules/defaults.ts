/**
 * What a rule set means where it says nothing, in one place. These are rules, not code
 * constants: "Tiêu chí" carries the personal target and the fail band (the user sees and
 * edits them there); these values only fill a blank or refused setting.
 */
export const RULE_DEFAULTS = {
  /** Share of applicable member indicators a member must meet (the Hà Nội plan: 90%). */
  personalTarget: 0.9,
  /** Requirement of a share indicator that names none: every counted member. */
  threshold: 1,
  /** Rating below the lowest band of a scored rule set. */
  failBand: 'Chưa đạt',
  /** Headers of the members' ordinal column: a number there alone does not make a member. */
  ordinalHeaders: ['STT', 'TT', 'Số TT', 'Số thứ tự'],
} as const;
