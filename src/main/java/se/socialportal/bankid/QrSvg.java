package se.socialportal.bankid;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import java.util.Map;

/**
 * Renders a QR payload as a small SVG: a white background and all dark modules as one {@code <path>}, no script and
 * no style element, so it passes our CSP whether inlined or served as an image.
 */
public final class QrSvg {

  /** The quiet zone the QR standard asks for, in modules. */
  private static final int QUIET_ZONE = 4;

  private QrSvg() {
  }

  /** @param label the accessible name, e.g. "QR-kod för BankID" */
  public static String render(String payload, String label) {
    BitMatrix matrix;
    try {
      matrix = new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, 0, 0, Map.of(
        EncodeHintType.MARGIN, QUIET_ZONE,
        EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.L,
        EncodeHintType.CHARACTER_SET, "UTF-8"));
    } catch (WriterException e) {
      throw new IllegalArgumentException("the payload does not fit in a QR code", e);
    }
    int width = matrix.getWidth();
    int height = matrix.getHeight();
    StringBuilder path = new StringBuilder();
    for (int y = 0; y < height; y++) {
      int x = 0;
      while (x < width) {
        if (!matrix.get(x, y)) {
          x++;
          continue;
        }
        int run = 1;
        while (x + run < width && matrix.get(x + run, y)) {
          run++;
        }
        // One rectangle per horizontal run of dark modules keeps the path short.
        path.append('M').append(x).append(' ').append(y).append('h').append(run).append("v1h-").append(run).append('z');
        x += run;
      }
    }
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + width + " " + height + "\""
      + " shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"" + escapeAttribute(label) + "\">"
      + "<rect width=\"" + width + "\" height=\"" + height + "\" fill=\"#fff\"/>"
      + "<path fill=\"#000\" d=\"" + path + "\"/></svg>";
  }

  private static String escapeAttribute(String text) {
    return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
