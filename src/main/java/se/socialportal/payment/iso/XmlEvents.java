package se.socialportal.payment.iso;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a bank file as a stream of element paths ("CstmrPmtStsRpt/OrgnlGrpInfAndSts/GrpSts") — enough for the few
 * fields a status report or a notification carries that we act on. DTDs and external entities are switched off: a
 * file from the inbox is never trusted to point anywhere.
 */
final class XmlEvents {

  /** What a reader does at each element: at its start (with attributes) and at its end (with its text). */
  interface Handler {
    default void start(String path, Map<String, String> attributes) {
    }

    void end(String path, String text);
  }

  private XmlEvents() {
  }

  static XMLInputFactory factory() {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    return factory;
  }

  /** The namespace of the document's root element, if the file is XML at all. */
  static Optional<String> rootNamespace(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      XMLStreamReader reader = factory().createXMLStreamReader(in);
      try {
        while (reader.hasNext()) {
          if (reader.next() == XMLStreamConstants.START_ELEMENT) {
            return Optional.ofNullable(reader.getNamespaceURI());
          }
        }
        return Optional.empty();
      } finally {
        reader.close();
      }
    } catch (XMLStreamException e) {
      return Optional.empty();
    }
  }

  /** Walks the document below its root (paths leave out "Document/"). */
  static void read(Path file, Handler handler) throws IOException, XMLStreamException {
    try (InputStream in = Files.newInputStream(file)) {
      XMLStreamReader reader = factory().createXMLStreamReader(in);
      try {
        Deque<String> names = new ArrayDeque<>();
        Deque<StringBuilder> texts = new ArrayDeque<>();
        while (reader.hasNext()) {
          int event = reader.next();
          if (event == XMLStreamConstants.START_ELEMENT) {
            names.addLast(reader.getLocalName());
            texts.addLast(new StringBuilder());
            if (names.size() > 1) {
              Map<String, String> attributes = new java.util.HashMap<>();
              for (int i = 0; i < reader.getAttributeCount(); i++) {
                attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
              }
              handler.start(path(names), attributes);
            }
          } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
            if (!texts.isEmpty()) {
              texts.peekLast().append(reader.getText());
            }
          } else if (event == XMLStreamConstants.END_ELEMENT) {
            String text = texts.removeLast().toString().strip();
            if (names.size() > 1) {
              handler.end(path(names), text);
            }
            names.removeLast();
          }
        }
      } finally {
        reader.close();
      }
    }
  }

  private static String path(Deque<String> names) {
    StringBuilder path = new StringBuilder();
    boolean first = true;
    for (String name : names) {
      if (first) {
        first = false;
        continue;
      }
      if (path.length() > 0) {
        path.append('/');
      }
      path.append(name);
    }
    return path.toString();
  }
}
