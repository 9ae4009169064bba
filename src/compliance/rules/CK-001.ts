// CK-001: one công khai item of TT 09/2024/TT-BGDĐT. Verification follows the research notes:
// Điều 4 was read (VERIFIED).
import { disclosureItemRule } from '../disclosure-item-rule.ts';

export default disclosureItemRule('CK-001', 'thong-tin-chung', 'verified');
