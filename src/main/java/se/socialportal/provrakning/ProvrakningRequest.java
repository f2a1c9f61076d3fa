package se.socialportal.provrakning;

import se.socialportal.norm.NormInput;

import java.util.List;

/**
 * A schema-valid request turned into the engine's input.
 *
 * @param roles the API role of each person ("applicant", "otherAdult", ...), for naming people in the lines
 */
record ProvrakningRequest(NormInput input, List<String> roles) {

  ProvrakningRequest {
    roles = List.copyOf(roles);
  }
}
