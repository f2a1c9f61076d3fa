package se.socialportal.rules;

import java.util.Optional;

/**
 * A municipality's own details from robots/tenants/&lt;id&gt;/tenant-*.json: what its letters and pages print. The
 * tenant table is brought in line with the file in force at every startup (TenantSync).
 */
public record TenantDetails(String id, String version, String name, String namnd, Optional<String> kommunkod,
                            Optional<String> organisationsnummer, String postalAddress, String phone, String email,
                            Optional<String> openingHours, Optional<Integer> replyDays) {

  /** Without the optional details for residents (opening hours, reply time for messages). */
  public TenantDetails(String id, String version, String name, String namnd, Optional<String> kommunkod,
                       Optional<String> organisationsnummer, String postalAddress, String phone, String email) {
    this(id, version, name, namnd, kommunkod, organisationsnummer, postalAddress, phone, email, Optional.empty(),
      Optional.empty());
  }
}
