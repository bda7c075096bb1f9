/**
 * A realistic sample unit (a lower-secondary school) for the preview's "Dữ liệu mẫu", the
 * CLI's --sample, tests and the benchmark. Deterministic: the same seed gives the same data.
 */
import { MEMBER_FIELDS } from '../domain/memberFields';
import type { CellInput } from '../workbook/port';
import type { CreateSheetsOptions } from './createSheets';
import { findPreset } from '../domain/rules/presets';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Thị', 'Văn', 'Hữu', 'Thanh', 'Minh', 'Ngọc', 'Thu', 'Đức', 'Quang', 'Hồng', 'Kim', 'Xuân'];
const GIVEN = ['An', 'Bình', 'Chi', 'Dũng', 'Hà', 'Hạnh', 'Hiếu', 'Hoa', 'Hùng', 'Hương', 'Lan', 'Linh', 'Long', 'Mai', 'Nam', 'Nga', 'Phương', 'Quân', 'Sơn', 'Tâm', 'Thảo', 'Trang', 'Tuấn', 'Vân', 'Yến'];
const POSITIONS = ['Giáo viên', 'Giáo viên', 'Giáo viên', 'Giáo viên', 'Tổ trưởng chuyên môn', 'Nhân viên văn thư', 'Nhân viên kế toán', 'Nhân viên thư viện'];
const TEAMS = ['Tổ Khoa học tự nhiên', 'Tổ Khoa học xã hội', 'Tổ Ngoại ngữ - Tin học', 'Tổ Văn phòng'];

/** Small deterministic generator (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SampleOptions {
  members?: number;
  seed?: number;
  /** Share of members meeting each yes/no indicator (default ~0.95). */
  rate?: number;
}

/** Member rows in the members sheet's column order. */
export function sampleMembers(options: SampleOptions = {}): CellInput[][] {
  const n = options.members ?? 42;
  const rand = rng(options.seed ?? 2025);
  const rate = options.rate ?? 0.95;
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const yes = () => (rand() < rate ? 'Có' : 'Không');
  const rows: CellInput[][] = [];
  for (let i = 0; i < n; i++) {
    const values: Record<string, CellInput> = {
      ordinal: i + 1,
      name: `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`,
      position: i === 0 ? 'Hiệu trưởng' : i === 1 ? 'Phó Hiệu trưởng' : pick(POSITIONS),
      team: i < 2 ? 'Ban giám hiệu' : pick(TEAMS),
      counted: i === n - 1 && n > 10 ? 'Không' : null,
      studyPlan: yes(),
      commitment: yes(),
      discipline: yes(),
      mandatoryTraining: yes(),
      digital: yes(),
      language: rand() < 0.6 ? 'Có' : 'Không',
      emulationTitle: rand() < 0.12 ? 'Chiến sĩ thi đua cơ sở' : rand() < rate ? 'Lao động tiên tiến' : 'Hoàn thành nhiệm vụ',
      disciplinary: null,
      cdhtScore: rand() < rate ? 80 + Math.floor(rand() * 20) : 65 + Math.floor(rand() * 15),
      cdhtTitle: null,
      cdhtCompetences: yes(),
      learningFamily: yes(),
      note: i === n - 1 && n > 10 ? 'Nghỉ thai sản từ tháng 3' : null,
    };
    const score = values.cdhtScore as number;
    values.cdhtTitle = score >= 80 ? 'Đạt' : 'Chưa đạt';
    rows.push(MEMBER_FIELDS.map((f) => values[f.key] ?? null));
  }
  return rows;
}

export function sampleLearners(seed = 7): CellInput[][] {
  const rand = rng(seed);
  const rows: CellInput[][] = [];
  let i = 1;
  for (const grade of [6, 7, 8, 9]) {
    for (const cls of ['A', 'B', 'C']) {
      const size = 35 + Math.floor(rand() * 8);
      rows.push([i++, `${grade}${cls}`, size, size - Math.floor(rand() * 2)]);
    }
  }
  return rows;
}

export function sampleUnit(options: SampleOptions & { presetId?: string } = {}): CreateSheetsOptions {
  const ruleSet = findPreset(options.presetId ?? 'tt24-co-so-md1')!;
  const answers: Record<string, string> = {};
  for (const ind of ruleSet.indicators) if (ind.measure.kind === 'unit') answers[ind.code] = 'Đạt';
  return {
    ruleSet,
    unit: {
      name: 'Trường THCS Nguyễn Du',
      type: 'Trường THCS',
      isPublic: true,
      year: 2025,
      receiver: 'UBND xã Hòa Bình',
      receiverTier: 'cấp xã',
      parent: 'UBND XÃ HÒA BÌNH',
      place: 'Hòa Bình',
      head: 'Nguyễn Thị Lan',
      headTitle: 'Hiệu trưởng',
      previousDate: null,
      previousLevel: '',
    },
    members: sampleMembers(options),
    learners: sampleLearners(),
    answers,
  };
}
