package se.socialportal.payment.iso;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The payment file against the official pain.001.001.03 schema and a golden file: the group header, one payment
 * information block per execution date, and each kind of creditor account in the Swedish domestic form.
 */
@DisplayName("pain.001.001.03: schema-valid, as the golden file, the same bytes every time")
class Pain001WriterTest {

  static final Path GOLDEN = Path.of("src/test/resources/payment/golden-pain001.xml");
  private static IsoSchemas schemas;

  @BeforeAll
  static void load() {
    schemas = IsoSchemas.load();
  }

  /** Three payments on two dates: a bank account (Swedbank, five-digit clearing), a Bankgiro and a Plusgiro number. */
  static byte[] sample() throws Exception {
    Pain001Writer.Debtor debtor = new Pain001Writer.Debtor("Demo kommun, socialnämnden", "212000-0000",
      Optional.empty(), Optional.of("SE4550000000058398257466"), Optional.empty(), "ESSESESS", Optional.empty());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Pain001Writer writer = new Pain001Writer(out)) {
      writer.start(new Pain001Writer.Header("SP0f1e2d3c4b5a69788796a5b4", LocalDateTime.of(2026, 4, 15, 13, 0, 5), 3,
        new BigDecimal("12770.50"), debtor));
      writer.startGroup(new Pain001Writer.PaymentGroup("SP0f1e2d3c4b5a69788796a5b4-20260416", LocalDate.of(2026, 4, 16),
        2, new BigDecimal("8770.50")), debtor);
      writer.transfer(new Pain001Writer.Transfer(UUID.fromString("6f1c2d3e-4b5a-4978-8796-a5b4c3d2e1f0"),
        new BigDecimal("7520"), "Ylva Ungsson", Pain001Writer.CreditorKind.BANK, Optional.of("84244"), "9831892246",
        "Försörjningsstöd april 2026"));
      writer.transfer(new Pain001Writer.Transfer(UUID.fromString("7a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d"),
        new BigDecimal("1250.50"), "Stig <Stickprovsson> & co", Pain001Writer.CreditorKind.BANKGIRO, Optional.empty(),
        "5051057", "Ekonomiskt bistånd, livsföring i övrigt april 2026"));
      writer.startGroup(new Pain001Writer.PaymentGroup("SP0f1e2d3c4b5a69788796a5b4-20260424", LocalDate.of(2026, 4, 24),
        1, new BigDecimal("4000.00")), debtor);
      writer.transfer(new Pain001Writer.Transfer(UUID.fromString("8b3c4d5e-6f7a-4b2c-9d3e-4f5a6b7c8d9e"),
        new BigDecimal("4000.00"), "Åsa Öberg-Ärlig", Pain001Writer.CreditorKind.PLUSGIRO, Optional.empty(), "47118",
        "Försörjningsstöd maj 2026"));
      writer.finish();
    }
    return out.toByteArray();
  }

  @Test
  @DisplayName("the file is valid against the official schema and equal to the golden file, byte for byte")
  void validAndGolden(@TempDir Path dir) throws Exception {
    byte[] written = sample();
    Path file = dir.resolve("pain001.xml");
    Files.write(file, written);
    schemas.validate(IsoSchemas.Message.PAIN_001, file);
    // After a deliberate change of the file's form: -DargLine=-Dpayment.golden.write=true writes the new golden file.
    if (Boolean.getBoolean("payment.golden.write")) {
      Files.write(GOLDEN, written);
    }
    assertEquals(Files.readString(GOLDEN, StandardCharsets.UTF_8), new String(written, StandardCharsets.UTF_8));
  }

  @Test
  @DisplayName("writing the same batch twice gives the same bytes (the bank's duplicate check relies on it)")
  void sameBytes() throws Exception {
    assertArrayEquals(sample(), sample());
  }

  @Test
  @DisplayName("the Swedish domestic form: SESBA clearing member + BBAN, Bankgiro 9900 + BGNR, Plusgiro 9960 + BBAN")
  void swedishForm() throws Exception {
    String xml = new String(sample(), StandardCharsets.UTF_8);
    assertTrue(xml.contains("<MmbId>84244</MmbId>"), xml);
    assertTrue(xml.contains("<Id>9831892246</Id>"));
    assertTrue(xml.contains("<MmbId>9900</MmbId>") && xml.contains("<Prtry>BGNR</Prtry>"));
    assertTrue(xml.contains("<MmbId>9960</MmbId>"));
    assertEquals(2, count(xml, "<Cd>BBAN</Cd>"));
    assertEquals(1, count(xml, "<Prtry>BGNR</Prtry>"));
    assertEquals(2, count(xml, "<PmtInf>"));
    assertEquals(3, count(xml, "<Cdtr>"));
    assertTrue(xml.contains("<InstdAmt Ccy=\"SEK\">7520.00</InstdAmt>"));
    assertTrue(xml.contains("<EndToEndId>6f1c2d3e4b5a49788796a5b4c3d2e1f0</EndToEndId>"));
    assertTrue(xml.contains("Stig &lt;Stickprovsson&gt; &amp; co"), "text is escaped, never concatenated into XML");
  }

  @Test
  @DisplayName("a file that breaks the schema is refused with its line and column")
  void invalidIsRefused(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("broken.xml");
    Files.writeString(file, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Document xmlns=\""
      + IsoSchemas.Message.PAIN_001.namespace() + "\"><CstmrCdtTrfInitn><GrpHdr><MsgId>X</MsgId></GrpHdr>"
      + "</CstmrCdtTrfInitn></Document>\n");
    IsoSchemas.InvalidMessageException refused = assertThrows(IsoSchemas.InvalidMessageException.class,
      () -> schemas.validate(IsoSchemas.Message.PAIN_001, file));
    assertTrue(refused.getMessage().startsWith("line 2"), refused.getMessage());
  }

  @Test
  @DisplayName("names and texts lose control characters and are cut to the field's length, never empty")
  void texts() {
    assertEquals("Anna Andersson", Texts.clean("  Anna\u0000\t Andersson\u200b ", 70));
    assertEquals(70, Texts.clean("x".repeat(200), 70).length());
    assertEquals("-", Texts.clean("\u0001", 70));
    assertEquals("Åsa", Texts.clean("A\u030asa", 70));
  }

  private static int count(String text, String needle) {
    return List.of(text.split(java.util.regex.Pattern.quote(needle), -1)).size() - 1;
  }
}
