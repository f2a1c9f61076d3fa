package se.socialportal.bankid;

import java.util.Base64;

/**
 * {@code userNonVisibleData}: data signed along with the order but not shown to the user (e.g. a digest of the
 * application being signed). 1–1 500 characters after base64 encoding.
 */
public record UserNonVisibleData(String encoded) {

  static final int MAX_ENCODED_LENGTH = 1500;

  public UserNonVisibleData {
    if (!Fields.isBase64(encoded)) {
      throw new InvalidRequestException("userNonVisibleData", "must be base64");
    }
    Fields.maxLength("userNonVisibleData", encoded, MAX_ENCODED_LENGTH);
  }

  public static UserNonVisibleData ofText(String utf8Text) {
    return new UserNonVisibleData(Fields.base64OfUtf8(Fields.required("userNonVisibleData", utf8Text)));
  }

  public static UserNonVisibleData ofBytes(byte[] data) {
    return new UserNonVisibleData(Base64.getEncoder().encodeToString(data));
  }
}
