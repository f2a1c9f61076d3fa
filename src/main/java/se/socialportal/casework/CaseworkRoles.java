package se.socialportal.casework;

import se.socialportal.identity.session.Session;
import se.socialportal.platform.http.ApiException;

import java.util.Set;

/**
 * Which staff roles work with försörjningsstöd cases. Access to personal data is limited to what each role needs
 * (SoLPuL 10 §): familjerätt, attestants and administrators do not read these cases (administrators and unit managers
 * pull the control reports, reports.ReportRoutes).
 */
public final class CaseworkRoles {

  public static final Set<String> CASE_ROLES = Set.of("handlaggare", "socialsekreterare", "gruppledare", "enhetschef",
    "utskott");
  /** May assign and reassign cases to others, and give named staff access to protected cases. */
  public static final Set<String> DISTRIBUTORS = Set.of("gruppledare", "enhetschef");

  private CaseworkRoles() {
  }

  public static boolean any(Session session, Set<String> roles) {
    return session.roles().stream().anyMatch(roles::contains);
  }

  /** For case routes: someone without a case role learns nothing, not even that a case exists. */
  public static void requireCaseRole(Session session) {
    if (!any(session, CASE_ROLES)) {
      throw ApiException.notFound();
    }
  }

  public static void require(Session session, Set<String> roles) {
    if (!any(session, roles)) {
      throw ApiException.forbidden("forbidden");
    }
  }
}
