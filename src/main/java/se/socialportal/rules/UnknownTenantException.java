package se.socialportal.rules;

/** robots/tenants/ has no rules for this tenant. */
public final class UnknownTenantException extends RuntimeException {

  private final String tenant;

  public UnknownTenantException(String tenant) {
    super("no rules for tenant '" + tenant + "' in robots/tenants/", null, false, false);
    this.tenant = tenant;
  }

  public String tenant() {
    return tenant;
  }
}
