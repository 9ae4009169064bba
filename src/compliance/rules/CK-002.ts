// CK-002: one công khai item of TT 09/2024/TT-BGDĐT. Verification follows the research notes:
// §8.2 of the research notes: the article was read (LawNet English rendering), so it is an error.
import { disclosureItemRule } from '../disclosure-item-rule.ts';

export default disclosureItemRule('CK-002', 'tai-chinh', 'verified');
