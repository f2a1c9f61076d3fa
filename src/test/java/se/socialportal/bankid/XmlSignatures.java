package se.socialportal.bankid;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.crypto.AlgorithmMethod;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.KeySelectorException;
import javax.xml.crypto.KeySelectorResult;
import javax.xml.crypto.XMLCryptoContext;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.X509Data;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;

/**
 * Verifies an XML signature document with the JDK's own XMLDSig validator, the way an RP would: the signer's
 * certificate comes from KeyInfo and must be issued by the expected CA.
 */
final class XmlSignatures {

  static final String BANKID_NAMESPACE = "http://www.bankid.com/signature/v1.0.0/types";

  private XmlSignatures() {
  }

  /** @return the verified {@code bankIdSignedData} element */
  static Element verify(String xml, X509Certificate issuer) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    Element signature = (Element) document.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature").item(0);
    NodeList signedData = document.getElementsByTagNameNS(BANKID_NAMESPACE, "bankIdSignedData");
    if (signature == null || signedData.getLength() != 1) {
      throw new AssertionError("not a bankIdSignedData signature document: " + xml);
    }
    Element data = (Element) signedData.item(0);
    DOMValidateContext context = new DOMValidateContext(new IssuedBy(issuer), signature);
    context.setIdAttributeNS(data, null, "Id");
    XMLSignature parsed = XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(context);
    if (!parsed.validate(context)) {
      throw new AssertionError("the XML signature does not verify");
    }
    return data;
  }

  static String text(Element parent, String localName) {
    NodeList nodes = parent.getElementsByTagNameNS(BANKID_NAMESPACE, localName);
    return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
  }

  /** Takes the first certificate in KeyInfo, after checking the expected CA issued it. */
  private static final class IssuedBy extends KeySelector {
    private final X509Certificate issuer;

    IssuedBy(X509Certificate issuer) {
      this.issuer = issuer;
    }

    @Override
    public KeySelectorResult select(KeyInfo keyInfo, Purpose purpose, AlgorithmMethod method,
                                    XMLCryptoContext context) throws KeySelectorException {
      for (Object content : keyInfo.getContent()) {
        if (content instanceof X509Data data) {
          for (Object item : data.getContent()) {
            if (item instanceof X509Certificate certificate) {
              try {
                certificate.verify(issuer.getPublicKey());
              } catch (GeneralSecurityException e) {
                throw new KeySelectorException("the signing certificate is not issued by the expected CA", e);
              }
              return certificate::getPublicKey;
            }
          }
        }
      }
      throw new KeySelectorException("no X509Certificate in KeyInfo");
    }
  }
}
