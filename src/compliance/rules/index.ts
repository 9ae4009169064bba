/**
 * Every compliance rule, in report order. One file per rule id; the id is also the name of
 * its tests and fixtures. Adding a rule: create `<ID>.ts` with `defineRule`, list it here, add
 * it to the presets that enforce it (`../presets.ts`) and give it pass and fail tests.
 */
import type { Rule } from '../rule.ts';
import ID_001 from './ID-001.ts';
import ID_002 from './ID-002.ts';
import ID_003 from './ID-003.ts';
import ID_004 from './ID-004.ts';
import ID_005 from './ID-005.ts';
import SEC_001 from './SEC-001.ts';
import SEC_002 from './SEC-002.ts';
import SEC_003 from './SEC-003.ts';
import SEC_004 from './SEC-004.ts';
import SEC_005 from './SEC-005.ts';
import SEC_006 from './SEC-006.ts';
import SEC_007 from './SEC-007.ts';
import SEC_008 from './SEC-008.ts';
import SEC_009 from './SEC-009.ts';
import SEC_011 from './SEC-011.ts';
import SEC_012 from './SEC-012.ts';
import SEC_013 from './SEC-013.ts';
import CK_001 from './CK-001.ts';
import CK_002 from './CK-002.ts';
import CK_003 from './CK-003.ts';
import CK_004 from './CK-004.ts';
import CK_005 from './CK-005.ts';
import CK_006 from './CK-006.ts';
import CK_007 from './CK-007.ts';
import CK_008 from './CK-008.ts';
import CK_009 from './CK-009.ts';
import CK_010 from './CK-010.ts';
import CK_011 from './CK-011.ts';
import CK_012 from './CK-012.ts';
import CK_013 from './CK-013.ts';
import CK_014 from './CK-014.ts';
import TECH_001 from './TECH-001.ts';
import TECH_002 from './TECH-002.ts';
import TECH_003 from './TECH-003.ts';
import TECH_004 from './TECH-004.ts';
import TECH_005 from './TECH-005.ts';
import TECH_006 from './TECH-006.ts';
import TECH_007 from './TECH-007.ts';
import TECH_008 from './TECH-008.ts';
import TECH_009 from './TECH-009.ts';
import FRESH_001 from './FRESH-001.ts';
import FRESH_002 from './FRESH-002.ts';
import PRIV_001 from './PRIV-001.ts';

export const RULES: readonly Rule[] = [
  ID_001,
  ID_002,
  ID_003,
  ID_004,
  ID_005,
  SEC_001,
  SEC_002,
  SEC_003,
  SEC_004,
  SEC_005,
  SEC_006,
  SEC_007,
  SEC_008,
  SEC_009,
  SEC_011,
  SEC_012,
  SEC_013,
  CK_001,
  CK_002,
  CK_003,
  CK_004,
  CK_005,
  CK_006,
  CK_007,
  CK_008,
  CK_009,
  CK_010,
  CK_011,
  CK_012,
  CK_013,
  CK_014,
  TECH_001,
  TECH_002,
  TECH_003,
  TECH_004,
  TECH_005,
  TECH_006,
  TECH_007,
  TECH_008,
  TECH_009,
  FRESH_001,
  FRESH_002,
  PRIV_001,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.id, r]));
