// CK-014: the GDTX công khai item of TT 09/2024/TT-BGDĐT Điều 10 khoản 4 (foreign or integrated
// programmes), read through LawNet's English rendering (research notes §8.2). Due only when the
// centre runs such programmes (`foreignPrograms: true` in school.yaml).
import { disclosureItemRule } from '../disclosure-item-rule.ts';

export default disclosureItemRule('CK-014', 'chuong-trinh-nuoc-ngoai', 'verified');
