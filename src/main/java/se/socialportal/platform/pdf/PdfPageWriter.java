package se.socialportal.platform.pdf;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.common.PDNumberTreeNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDParentTreeValue;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
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
 * <p>
 * The PDF is tagged, as accessible digital public service requires of documents: every heading and paragraph is a
 * structure element (H1, H2, H3, P) in a structure tree in the order it is read, its text marked content that points
 * back to it (the parent tree), the page numbers are artifacts, and the document says it is tagged and shows its
 * title. The letters carry no images, so there is no alternative text to give.
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
  private final PDStructureElement documentElement;
  private final PDStructureTreeRoot structure;
  private final Map<Integer, COSArray> parentTree = new HashMap<>();
  private PDPageContentStream content;
  private float y;
  private int markedContentId;

  public PdfPageWriter(PDDocument document) {
    this.document = document;
    this.regular = load(document, "/fonts/DejaVuSans.ttf");
    this.bold = load(document, "/fonts/DejaVuSans-Bold.ttf");
    PDDocumentCatalog catalog = document.getDocumentCatalog();
    this.structure = new PDStructureTreeRoot();
    catalog.setStructureTreeRoot(structure);
    PDMarkInfo markInfo = new PDMarkInfo();
    markInfo.setMarked(true);
    catalog.setMarkInfo(markInfo);
    PDViewerPreferences preferences = new PDViewerPreferences(new COSDictionary());
    preferences.setDisplayDocTitle(true);
    catalog.setViewerPreferences(preferences);
    this.documentElement = new PDStructureElement(StandardStructureTypes.DOCUMENT, structure);
    structure.appendKid(documentElement);
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

  /** A heading: the letter's title at 15 pt or more is H1, a section H2. */
  public void heading(String text, float size) {
    space(size * 0.6f);
    paragraph(text, bold, size, size >= 15 ? StandardStructureTypes.H1 : StandardStructureTypes.H2);
    space(size * 0.3f);
  }

  /** A heading inside a section (Motivering, Lagrum, …): H3. */
  public void subheading(String text) {
    paragraph(text, bold, 10.5f, StandardStructureTypes.H3);
  }

  public void text(String text) {
    paragraph(text, regular, 10.5f, StandardStructureTypes.P);
  }

  public void boldText(String text) {
    paragraph(text, bold, 10.5f, StandardStructureTypes.P);
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
    PDStructureElement element = element(StandardStructureTypes.P);
    for (int i = 0; i < labelLines.size(); i++) {
      String line = labelLines.get(i);
      boolean first = i == 0;
      float atY = y;
      // Read as it is printed: the label, then its amount.
      marked(element, () -> {
        write(line, font, size, MARGIN, atY);
        if (first) {
          write(printable(amount, font), font, size, MARGIN + WIDTH - amountWidth, atY);
        }
      });
      y -= size * 1.4f;
    }
  }

  private void paragraph(String text, PDFont font, float size, String structureType) {
    PDStructureElement element = element(structureType);
    for (String line : wrap(printable(text, font), font, size, WIDTH)) {
      ensureRoom(size * 1.4f);
      float atY = y;
      marked(element, () -> write(line, font, size, MARGIN, atY));
      y -= size * 1.4f;
    }
  }

  /** A new structure element, the next one in reading order. */
  private PDStructureElement element(String structureType) {
    PDStructureElement element = new PDStructureElement(structureType, documentElement);
    documentElement.appendKid(element);
    return element;
  }

  /** Draws as marked content of the element on the current page, and records the link both ways. */
  private void marked(PDStructureElement element, Runnable draw) {
    int id = markedContentId++;
    int pageIndex = pages.size() - 1;
    PDPage page = pages.get(pageIndex);
    COSDictionary properties = new COSDictionary();
    properties.setInt(COSName.MCID, id);
    try {
      content.beginMarkedContent(COSName.getPDFName(element.getStructureType()), PDPropertyList.create(properties));
      draw.run();
      content.endMarkedContent();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    PDMarkedContentReference reference = new PDMarkedContentReference();
    reference.setMCID(id);
    reference.setPage(page);
    element.appendKid(reference);
    if (element.getPage() == null) {
      element.setPage(page);
    }
    parentTree.computeIfAbsent(pageIndex, index -> new COSArray()).add(element);
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
      page.setStructParents(pages.size());
      document.addPage(page);
      pages.add(page);
      markedContentId = 0;
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

  /** {@code text} with every character {@code font} cannot draw replaced by '?', for pages drawn without a writer. */
  public static String drawable(String text, PDType0Font font) {
    StringBuilder result = new StringBuilder(text.length());
    text.codePoints().forEach(codePoint -> result.appendCodePoint(canDraw(font, codePoint) ? codePoint : '?'));
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
          // Page furniture, not content: a screen reader skips it.
          footerStream.beginMarkedContent(COSName.ARTIFACT);
          footerStream.beginText();
          footerStream.setFont(regular, 8.5f);
          footerStream.newLineAtOffset(MARGIN, MARGIN - 12);
          footerStream.showText(text);
          footerStream.endText();
          footerStream.endMarkedContent();
        }
      }
      Map<Integer, PDParentTreeValue> numbers = new HashMap<>();
      parentTree.forEach((page, elements) -> numbers.put(page, new PDParentTreeValue(elements)));
      PDNumberTreeNode tree = new PDNumberTreeNode(PDParentTreeValue.class);
      tree.setNumbers(numbers);
      structure.setParentTree(tree);
      structure.setParentTreeNextKey(pages.size());
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
