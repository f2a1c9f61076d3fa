package se.socialportal.platform.pdf;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes flowing text on A4 pages: wraps words to the margins, starts a new page when one is full, numbers the pages.
 * Used for decision letters and for the receipts of what a resident signed. The font is embedded (DejaVu Sans) so å, ä, ö and names from other alphabets print the same everywhere; a character
 * the font lacks is printed as '?' instead of failing the whole letter.
 */
public final class PdfPageWriter implements AutoCloseable {

  public static final float MARGIN = 56;
  private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
  private static final float BOTTOM = MARGIN + 24;

  private final PDDocument document;
  private final PDType0Font regular;
  private final PDType0Font bold;
  private final Map<Integer, Boolean> glyphs = new HashMap<>();
  private final List<PDPage> pages = new ArrayList<>();
  private PDPageContentStream content;
  private float y;

  public PdfPageWriter(PDDocument document) {
    this.document = document;
    this.regular = load(document, "/fonts/DejaVuSans.ttf");
    this.bold = load(document, "/fonts/DejaVuSans-Bold.ttf");
    newPage();
  }

  private static PDType0Font load(PDDocument document, String resource) {
    try (InputStream in = PdfPageWriter.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the classpath");
      }
      return PDType0Font.load(document, in, true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void heading(String text, float size) {
    space(size * 0.6f);
    paragraph(text, bold, size);
    space(size * 0.3f);
  }

  public void text(String text) {
    paragraph(text, regular, 10.5f);
  }

  public void boldText(String text) {
    paragraph(text, bold, 10.5f);
  }

  public void space(float points) {
    y -= points;
  }

  /** A label on the left and an amount right-aligned on the same line (calculation rows). */
  public void row(String label, String amount, boolean strong) {
    PDFont font = strong ? bold : regular;
    float size = 10.5f;
    float amountWidth = width(amount, font, size);
    List<String> labelLines = wrap(printable(label, font), font, size, WIDTH - amountWidth - 24);
    ensureRoom(size * 1.4f * labelLines.size());
    for (int i = 0; i < labelLines.size(); i++) {
      write(labelLines.get(i), font, size, MARGIN, y);
      if (i == 0) {
        write(printable(amount, font), font, size, MARGIN + WIDTH - amountWidth, y);
      }
      y -= size * 1.4f;
    }
  }

  private void paragraph(String text, PDFont font, float size) {
    for (String line : wrap(printable(text, font), font, size, WIDTH)) {
      ensureRoom(size * 1.4f);
      write(line, font, size, MARGIN, y);
      y -= size * 1.4f;
    }
  }

  private void write(String text, PDFont font, float size, float x, float atY) {
    try {
      content.beginText();
      content.setFont(font, size);
      content.newLineAtOffset(x, atY);
      content.showText(text);
      content.endText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void ensureRoom(float needed) {
    if (y - needed < BOTTOM) {
      newPage();
    }
  }

  private void newPage() {
    try {
      if (content != null) {
        content.close();
      }
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      pages.add(page);
      content = new PDPageContentStream(document, page);
      y = PDRectangle.A4.getHeight() - MARGIN;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<String> wrap(String text, PDFont font, float size, float maxWidth) {
    List<String> lines = new ArrayList<>();
    for (String paragraph : text.split("\n", -1)) {
      StringBuilder line = new StringBuilder();
      for (String word : paragraph.split(" ")) {
        String candidate = line.length() == 0 ? word : line + " " + word;
        if (width(candidate, font, size) <= maxWidth || line.length() == 0) {
          line.setLength(0);
          line.append(candidate);
        } else {
          lines.add(line.toString());
          line.setLength(0);
          line.append(word);
        }
      }
      lines.add(line.toString());
    }
    return lines;
  }

  private static float width(String text, PDFont font, float size) {
    try {
      return font.getStringWidth(text) / 1000 * size;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Replaces characters the font cannot draw, so one unusual character never stops a decision letter. */
  private String printable(String text, PDFont font) {
    StringBuilder result = new StringBuilder(text.length());
    text.codePoints().forEach(codePoint -> {
      if (codePoint == '\n' || glyphs.computeIfAbsent(codePoint, cp -> canDraw(font, cp))) {
        result.appendCodePoint(codePoint);
      } else {
        result.append('?');
      }
    });
    return result.toString();
  }

  private static boolean canDraw(PDFont font, int codePoint) {
    if (Character.isWhitespace(codePoint)) {
      return codePoint == ' ';
    }
    // A missing glyph does not always throw: PDFBox may map it to .notdef (glyph 0), which prints as an empty box.
    var lookup = ((PDType0Font) font).getCmapLookup();
    return lookup != null && lookup.getGlyphId(codePoint) > 0;
  }

  /** Writes "Sida n av m" on every page; call once, after the last text. */
  public void numberPages(String footer) {
    try {
      content.close();
      content = null;
      for (int i = 0; i < pages.size(); i++) {
        try (PDPageContentStream footerStream = new PDPageContentStream(document, pages.get(i),
          PDPageContentStream.AppendMode.APPEND, true)) {
          String text = printable(footer + " – sida " + (i + 1) + " av " + pages.size(), regular);
          footerStream.beginText();
          footerStream.setFont(regular, 8.5f);
          footerStream.newLineAtOffset(MARGIN, MARGIN - 12);
          footerStream.showText(text);
          footerStream.endText();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    if (content != null) {
      try {
        content.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
