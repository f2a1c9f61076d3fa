package se.socialportal.rules;

/**
 * A municipality's handling of appeals from robots/tenants/&lt;id&gt;/overklagande-*.json: how many days after an
 * appeal arrives it should be with förvaltningsrätten when the nämnd does not change its decision (FL 46 § says
 * "skyndsamt"; the nämnd sets what that means for it).
 */
public record AppealRules(String version, int forwardWithinDays) {
}
