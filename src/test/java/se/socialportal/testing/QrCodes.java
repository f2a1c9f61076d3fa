package se.socialportal.testing;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.LuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;

/** Reads a QR code from a screenshot, as the BankID app's camera would. */
public final class QrCodes {

  private QrCodes() {
  }

  public static String decode(byte[] png) {
    try {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
      return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new ImageLuminance(image)))).getText();
    } catch (Exception e) {
      throw new AssertionError("no readable QR code in the screenshot: " + e, e);
    }
  }

  private static final class ImageLuminance extends LuminanceSource {
    private final byte[] luminance;

    ImageLuminance(BufferedImage image) {
      super(image.getWidth(), image.getHeight());
      luminance = new byte[image.getWidth() * image.getHeight()];
      for (int y = 0; y < image.getHeight(); y++) {
        for (int x = 0; x < image.getWidth(); x++) {
          int rgb = image.getRGB(x, y);
          int gray = (((rgb >> 16) & 0xff) * 299 + ((rgb >> 8) & 0xff) * 587 + (rgb & 0xff) * 114) / 1000;
          luminance[y * image.getWidth() + x] = (byte) gray;
        }
      }
    }

    @Override
    public byte[] getRow(int y, byte[] row) {
      byte[] result = row == null || row.length < getWidth() ? new byte[getWidth()] : row;
      System.arraycopy(luminance, y * getWidth(), result, 0, getWidth());
      return result;
    }

    @Override
    public byte[] getMatrix() {
      return luminance;
    }
  }
}
