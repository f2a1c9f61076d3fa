package se.socialportal.payment.iso;

import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * The official ISO 20022 schemas (src/main/resources/payment/iso20022/), compiled once. A compiled {@link Schema} is
 * thread-safe; each validation makes its own {@link Validator}, which reads the file as a stream (a 50 000-payment
 * file is never held in memory). Blocking: call from a worker.
 */
public final class IsoSchemas {

  /** The messages we write or read, with their namespace. */
  public enum Message {
    PAIN_001("pain.001.001.03"), PAIN_002("pain.002.001.03"), CAMT_054("camt.054.001.02");

    private final String name;

    Message(String name) {
      this.name = name;
    }

    /** The message name as ISO writes it, e.g. pain.001.001.03 (also OrgnlMsgNmId in a status report). */
    public String messageName() {
      return name;
    }

    public String namespace() {
      return "urn:iso:std:iso:20022:tech:xsd:" + name;
    }
  }

  /** The file does not follow the schema: the first problem, with its line and column. */
  public static final class InvalidMessageException extends Exception {
    public InvalidMessageException(String message) {
      super(message, null, false, false);
    }
  }

  private final Map<Message, Schema> schemas = new EnumMap<>(Message.class);

  private IsoSchemas() {
  }

  /** Blocking: reads and compiles the three schemas. */
  public static IsoSchemas load() {
    IsoSchemas loaded = new IsoSchemas();
    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    try {
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      for (Message message : Message.values()) {
        URL resource = IsoSchemas.class.getResource("/payment/iso20022/" + message.messageName() + ".xsd");
        if (resource == null) {
          throw new IllegalStateException("the ISO 20022 schema " + message.messageName() + ".xsd is missing");
        }
        try (InputStream in = resource.openStream()) {
          loaded.schemas.put(message, factory.newSchema(new StreamSource(in, resource.toString())));
        }
      }
    } catch (SAXException e) {
      throw new IllegalStateException("an ISO 20022 schema could not be compiled: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return loaded;
  }

  /** Which of our messages a file is, by its root element's namespace; empty when it is not XML or none of them. */
  public static java.util.Optional<Message> recognise(Path file) throws IOException {
    java.util.Optional<String> namespace = XmlEvents.rootNamespace(file);
    for (Message message : Message.values()) {
      if (namespace.filter(message.namespace()::equals).isPresent()) {
        return java.util.Optional.of(message);
      }
    }
    return java.util.Optional.empty();
  }

  /** Validates a file against the message's schema; the first error (with line and column) is the refusal. */
  public void validate(Message message, Path file) throws InvalidMessageException, IOException {
    validate(message, new StreamSource(file.toFile()));
  }

  /** Validates a message as it is read from a stream (the stream is read to its end only if the message is valid). */
  public void validate(Message message, InputStream in, String name) throws InvalidMessageException, IOException {
    validate(message, new StreamSource(in, name));
  }

  private void validate(Message message, StreamSource source) throws InvalidMessageException, IOException {
    Validator validator = schemas.get(message).newValidator();
    try {
      validator.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      validator.setErrorHandler(new ErrorHandler() {
        @Override
        public void warning(SAXParseException exception) {
          // Warnings do not make a file invalid.
        }

        @Override
        public void error(SAXParseException exception) throws SAXException {
          throw exception;
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXException {
          throw exception;
        }
      });
      validator.validate(source);
    } catch (SAXParseException e) {
      throw new InvalidMessageException("line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": "
        + e.getMessage());
    } catch (SAXException e) {
      throw new InvalidMessageException(e.getMessage());
    }
  }
}
