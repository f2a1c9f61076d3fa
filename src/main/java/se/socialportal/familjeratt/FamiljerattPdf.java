package se.socialportal.familjeratt;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Familjerätt's one-page documents — the informationssamtal intyg and the letters to parents — as plain
 * text on A4 with an embedded font (DejaVu Sans, so å, ä, ö and names from other alphabets print). Blocking: call it
 * on a worker.
 */
final class FamiljerattPdf {

  private static final float MARGIN = 64;
  private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

  /** A document: a heading, paragraphs, and a sender block at the bottom. */
  record Content(String title, String heading, List<String> paragraphs, List<String> sender) {
  }

  private FamiljerattPdf() {
  }

  static byte[] write(Content content) {
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDType0Font regular = font(document, "/fonts/DejaVuSans.ttf");
      PDType0Font bold = font(document, "/fonts/DejaVuSans-Bold.ttf");
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      document.getDocumentInformation().setTitle(content.title());
      try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
        float y = PDRectangle.A4.getHeight() - MARGIN;
        y = paragraph(stream, bold, 16, content.heading(), y) - 12;
        for (String text : content.paragraphs()) {
          y = paragraph(stream, regular, 11, text, y) - 8;
        }
        y -= 16;
        for (String line : content.sender()) {
          y = paragraph(stream, regular, 11, line, y);
        }
      }
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static float paragraph(PDPageContentStream stream, PDType0Font font, float size, String text, float y)
    throws IOException {
    float leading = size * 1.4f;
    for (String line : wrap(printable(font, text), font, size)) {
      stream.beginText();
      stream.setFont(font, size);
      stream.newLineAtOffset(MARGIN, y);
      stream.showText(line);
      stream.endText();
      y -= leading;
    }
    return y;
  }

  private static List<String> wrap(String text, PDType0Font font, float size) throws IOException {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      String candidate = line.length() == 0 ? word : line + " " + word;
      if (line.length() > 0 && font.getStringWidth(candidate) / 1000 * size > WIDTH) {
        lines.add(line.toString());
        line = new StringBuilder(word);
      } else {
        line = new StringBuilder(candidate);
      }
    }
    lines.add(line.toString());
    return lines;
  }

  /** A character the font lacks prints as '?' rather than failing the document. */
  private static String printable(PDType0Font font, String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints().forEach(codePoint -> {
      try {
        font.encode(new String(Character.toChars(codePoint)));
        out.appendCodePoint(codePoint);
      } catch (IOException | IllegalArgumentException e) {
        out.append('?');
      }
    });
    return out.toString();
  }

  private static PDType0Font font(PDDocument document, String resource) throws IOException {
    try (InputStream in = FamiljerattPdf.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the classpath");
      }
      return PDType0Font.load(document, in, true);
    }
  }
}
