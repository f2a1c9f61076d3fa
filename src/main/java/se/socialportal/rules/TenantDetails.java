package se.socialportal.rules;

import java.util.Optional;

/**
 * A municipality's own details from robots/tenants/&lt;id&gt;/tenant-*.json: what its letters and pages print. The
 * tenant table is brought in line with the file in force at every startup (TenantSync).
 */
public record TenantDetails(String id, String version, String name, String namnd, Optional<String> kommunkod,
                            Optional<String> organisationsnummer, String postalAddress, String phone, String email) {
}
