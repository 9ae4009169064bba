// CK-004: one công khai item of TT 09/2024/TT-BGDĐT. Verification follows the research notes:
// the article title was read, its content only in secondary sources.
import { disclosureItemRule } from '../disclosure-item-rule.ts';

export default disclosureItemRule('CK-004', 'co-so-vat-chat', 'partial');
