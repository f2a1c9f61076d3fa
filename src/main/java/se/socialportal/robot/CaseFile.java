package se.socialportal.robot;

import io.vertx.core.json.JsonObject;
import se.socialportal.identity.PersonRepository.Protection;
import se.socialportal.identity.Personnummer;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Everything the pipeline reads about one job, loaded once before the first step: the application version, the adults
 * who applied, the household's earlier applications and the months each adult received försörjningsstöd.
 */
public record CaseFile(ClaimedJob job, Application application, List<Adult> adults, List<EarlierApplication> earlier,
                       Map<UUID, List<YearMonth>> bistandMonths) {

  public CaseFile {
    adults = List.copyOf(adults);
    earlier = List.copyOf(earlier);
    bistandMonths = Map.copyOf(bistandMonths);
  }

  /** The application row as the robot needs it; {@code content} follows schemas/application-content.schema.json. */
  public record Application(UUID id, String tenantId, YearMonth month, String kind, String channel, String status,
                            int version, UUID applicantId, Optional<UUID> coApplicantId, JsonObject content) {
  }

  /**
   * The applicant or co-applicant. The personnummer is here only for the register query; {@code toString} masks it.
   *
   * @param role "applicant" or "coApplicant", as in the content's person references
   */
  public record Adult(String role, UUID personId, Personnummer personnummer, Protection protection) {
    public boolean isProtected() {
      return protection != Protection.NONE;
    }
  }

  /** An earlier monthly application of the same household, with the robot's proposal for it if there is one. */
  public record EarlierApplication(UUID id, YearMonth month, JsonObject content, Optional<JsonObject> registerData,
                                   Optional<String> outcome) {
  }

  /** The application for the month before, if the household made one (the comparison's baseline). */
  public Optional<EarlierApplication> lastMonth() {
    YearMonth previous = application.month().minusMonths(1);
    return earlier.stream().filter(candidate -> candidate.month().equals(previous)).findFirst();
  }

  public List<YearMonth> bistandMonths(UUID personId) {
    return bistandMonths.getOrDefault(personId, List.of());
  }
}
