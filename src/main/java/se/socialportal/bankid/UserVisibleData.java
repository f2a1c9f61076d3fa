package se.socialportal.bankid;

/**
 * {@code userVisibleData} (+ {@code userVisibleDataFormat}): the text the BankID app shows the user. Give it as
 * plain text or simpleMarkdownV1; the client does the UTF-8 + base64 encoding. The length limits depend on the
 * endpoint and are checked by the request that carries it.
 */
public record UserVisibleData(String text, Format format) {

  public enum Format {
    PLAIN_TEXT(null),
    SIMPLE_MARKDOWN_V1("simpleMarkdownV1");

    private final String wireName;

    Format(String wireName) {
      this.wireName = wireName;
    }

    /** Null for plain text: BankID's default needs no format field. */
    public String wireName() {
      return wireName;
    }
  }

  public UserVisibleData {
    Fields.required("userVisibleData", text);
    if (format == null) {
      throw new InvalidRequestException("userVisibleDataFormat", "is required (PLAIN_TEXT or SIMPLE_MARKDOWN_V1)");
    }
  }

  public static UserVisibleData plainText(String text) {
    return new UserVisibleData(text, Format.PLAIN_TEXT);
  }

  public static UserVisibleData simpleMarkdown(String markdown) {
    return new UserVisibleData(markdown, Format.SIMPLE_MARKDOWN_V1);
  }

  /** What is sent: the text as UTF-8, base64-encoded. */
  public String encoded() {
    return Fields.base64OfUtf8(text);
  }

  /** Length and format only: the text may name the user. */
  @Override
  public String toString() {
    return "UserVisibleData[" + text.length() + " characters, " + format + "]";
  }

  void checkEncodedLength(int max) {
    if (encoded().length() > max) {
      throw new InvalidRequestException("userVisibleData", "must be at most " + max + " characters after base64 encoding");
    }
  }
}
