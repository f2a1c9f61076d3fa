package se.socialportal.payment.iso;

import java.text.Normalizer;

/** Free text for a payment file: characters XML and the banks accept, one line, within the field's length. */
public final class Texts {

  private Texts() {
  }

  /**
   * Composed Unicode (å as one character), no control or format characters, runs of white space as one space,
   * trimmed, at most {@code max} characters (a name is cut, never refused: the bank compares it loosely). Never empty.
   */
  public static String clean(String text, int max) {
    String composed = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFC);
    StringBuilder out = new StringBuilder(composed.length());
    boolean space = false;
    for (int i = 0; i < composed.length(); ) {
      int codePoint = composed.codePointAt(i);
      i += Character.charCount(codePoint);
      int type = Character.getType(codePoint);
      if (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)) {
        space = out.length() > 0;
        continue;
      }
      if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
          || type == Character.PRIVATE_USE || type == Character.UNASSIGNED) {
        continue;
      }
      if (space) {
        out.append(' ');
        space = false;
      }
      out.appendCodePoint(codePoint);
    }
    String cleaned = out.codePointCount(0, out.length()) > max
      ? out.substring(0, out.offsetByCodePoints(0, max)).strip() : out.toString();
    return cleaned.isEmpty() ? "-" : cleaned;
  }
}
