package se.socialportal.bistand;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.bistand.signing.ApplicationSignature;
import se.socialportal.bistand.signing.SignerRole;
import se.socialportal.identity.bankid.SignSubject;

import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

@DisplayName("What a signature is on: typed, stored as BankID orders always stored it, read back only when it is one")
class ApplicationSignatureTest {

  private static final UUID ID = UUID.fromString("7e2a98bb-b815-4dd9-a1aa-838cf2ca123e");
  private static final String HASH = "a".repeat(64);

  @Test
  @DisplayName("stored as application:<id>:<role>:<content hash>, the form orders already in the database have")
  void storedForm() {
    ApplicationSignature signature = new ApplicationSignature(ID, SignerRole.CO_APPLICANT, HASH);
    assertEquals("application:" + ID + ":coApplicant:" + HASH, signature.subject().stored());
    assertEquals(Optional.of(signature), ApplicationSignature.of(SignSubject.parse(signature.subject().stored())));
  }

  @Test
  @DisplayName("another kind, a role nobody has, a broken id or hash: not an application signature")
  void refusesWhatIsNotOne() {
    assertEquals(Optional.empty(), ApplicationSignature.of(new SignSubject("test", ID + ":applicant:" + HASH)));
    assertEquals(Optional.empty(), ApplicationSignature.of(new SignSubject("application", ID + ":witness:" + HASH)));
    assertEquals(Optional.empty(), ApplicationSignature.of(new SignSubject("application", "x:applicant:" + HASH)));
    assertEquals(Optional.empty(), ApplicationSignature.of(new SignSubject("application", ID + ":applicant:abc")));
    assertEquals(Optional.empty(),
      ApplicationSignature.of(new SignSubject("application", ID + ":applicant:" + HASH + ":more")));
    assertThrows(IllegalArgumentException.class, () -> new ApplicationSignature(ID, SignerRole.APPLICANT, "short"));
    assertThrows(IllegalArgumentException.class, () -> SignSubject.parse("no-kind"));
    assertEquals(new SignSubject("test", "a:b"), SignSubject.parse("test:a:b"), "the kind ends at the first colon");
  }
}
