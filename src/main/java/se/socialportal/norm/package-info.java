/**
 * The norm calculation for försörjningsstöd: riksnorm (SoF 2025:468 12 kap. 2–3 §§) + skäliga kostnader − counted
 * income (12 kap. 1 § SoL 2025:400), as a pure function. No Vert.x, no I/O, no static mutable state: the same
 * {@link se.socialportal.norm.NormInput} and {@link se.socialportal.norm.NormRules} always give the same
 * {@link se.socialportal.norm.NormResult}, so a beslutsförslag can be recomputed and explained years later.
 * See docs/norm.md.
 */
package se.socialportal.norm;
