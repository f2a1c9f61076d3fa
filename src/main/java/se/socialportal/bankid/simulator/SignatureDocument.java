package se.socialportal.bankid.simulator;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.XMLConstants;
import javax.xml.crypto.dom.DOMStructure;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLObject;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * The {@code completionData.signature} document: an enveloping XML digital signature (W3C XMLDSig, made with the
 * JDK's javax.xml.crypto) over a {@code bankIdSignedData} element shaped like BankID's, which carries the
 * userVisibleData and userNonVisibleData exactly as the RP sent them (base64). As at BankID, the signature also
 * covers the KeyInfo. It is signed with the simulator's end-user key, not a real BankID.
 */
final class SignatureDocument {

  static final String BANKID_NAMESPACE = "http://www.bankid.com/signature/v1.0.0/types";
  static final String SIGNED_DATA_ID = "bidSignedData";
  static final String KEY_INFO_ID = "bidKeyInfo";

  private static final SecureRandom RANDOM = new SecureRandom();

  private SignatureDocument() {
  }

  /** Blocking (RSA signing, XML serialisation): call on a worker. Returns the document as base64. */
  static String signBase64(Order order, String uhi, SimulatorCredentials credentials) {
    try {
      Document document = newDocument();
      Element signedData = signedData(document, order, uhi);
      XMLSignatureFactory factory = XMLSignatureFactory.getInstance("DOM");
      DigestMethod sha256 = factory.newDigestMethod(DigestMethod.SHA256, null);
      List<Transform> exclusive = List.of(
        factory.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null));
      Reference dataReference = factory.newReference("#" + SIGNED_DATA_ID, sha256, exclusive, BANKID_NAMESPACE, null);
      Reference keyInfoReference = factory.newReference("#" + KEY_INFO_ID, sha256, exclusive, null, null);
      SignedInfo signedInfo = factory.newSignedInfo(
        factory.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
        factory.newSignatureMethod(SignatureMethod.RSA_SHA256, null),
        List.of(dataReference, keyInfoReference));
      KeyInfoFactory keyInfos = factory.getKeyInfoFactory();
      KeyInfo keyInfo = keyInfos.newKeyInfo(List.of(keyInfos.newX509Data(
        List.of(credentials.signingCertificate(), credentials.caCertificate()))), KEY_INFO_ID);
      XMLObject object = factory.newXMLObject(List.of(new DOMStructure(signedData)), null, null, null);
      XMLSignature signature = factory.newXMLSignature(signedInfo, keyInfo, List.of(object), null, null);
      DOMSignContext context = new DOMSignContext(credentials.signingKey(), document);
      context.setIdAttributeNS(signedData, null, "Id");
      signature.sign(context);
      return Base64.getEncoder().encodeToString(serialise(document));
    } catch (GeneralSecurityException | javax.xml.crypto.MarshalException | javax.xml.crypto.dsig.XMLSignatureException
             | javax.xml.parsers.ParserConfigurationException | javax.xml.transform.TransformerException e) {
      throw new IllegalStateException("the simulator could not sign the completion data", e);
    }
  }

  private static Element signedData(Document document, Order order, String uhi) {
    OrderRequest request = order.request();
    Element signedData = document.createElementNS(BANKID_NAMESPACE, "bankIdSignedData");
    // Declared as an attribute, not only implied by the element's namespace: canonicalisation sees attributes, and
    // the declaration the serialiser would add later would otherwise change the signed bytes.
    signedData.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, XMLConstants.XMLNS_ATTRIBUTE, BANKID_NAMESPACE);
    signedData.setAttributeNS(null, "Id", SIGNED_DATA_ID);
    if (request.userVisibleDataBase64() != null) {
      Element visible = child(document, signedData, "usrVisibleData", request.userVisibleDataBase64());
      visible.setAttributeNS(null, "charset", "UTF-8");
      visible.setAttributeNS(null, "visible", "wysiwys");
      if (request.userVisibleDataFormat() != null) {
        visible.setAttributeNS(null, "format", request.userVisibleDataFormat());
      }
    }
    if (request.userNonVisibleDataBase64() != null) {
      child(document, signedData, "usrNonVisibleData", request.userNonVisibleDataBase64());
    }
    Element service = child(document, signedData, "srvInfo", null);
    child(document, service, "name", base64(request.rpName()));
    child(document, service, "nonce", nonce());
    child(document, service, "displayName", base64(request.rpName()));
    Element client = child(document, signedData, "clientInfo", null);
    child(document, client, "funcId", request.type().signing() ? "Signing" : "Identification");
    child(document, client, "version", base64("BankID Simulator (Socialportalen) – test only"));
    Element environment = child(document, client, "env", null);
    Element app = child(document, environment, "ai", null);
    child(document, app, "type", base64("SIMULATOR"));
    child(document, app, "deviceInfo", base64("Socialportalen BankID simulator phone page"));
    child(document, app, "uhi", uhi);
    child(document, app, "fsib", "0");
    child(document, app, "uauth", "pin");
    return signedData;
  }

  private static Element child(Document document, Element parent, String name, String text) {
    Element element = document.createElementNS(BANKID_NAMESPACE, name);
    if (text != null) {
      element.setTextContent(text);
    }
    parent.appendChild(element);
    return element;
  }

  private static Document newDocument() throws javax.xml.parsers.ParserConfigurationException {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    return factory.newDocumentBuilder().newDocument();
  }

  private static byte[] serialise(Document document) throws javax.xml.transform.TransformerException {
    TransformerFactory factory = TransformerFactory.newInstance();
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
    var transformer = factory.newTransformer();
    transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
    // No indentation: whitespace added after signing would change the signed content.
    transformer.setOutputProperty(OutputKeys.INDENT, "no");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    transformer.transform(new DOMSource(document), new StreamResult(out));
    return out.toByteArray();
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString((text == null ? "" : text).getBytes(StandardCharsets.UTF_8));
  }

  private static String nonce() {
    byte[] bytes = new byte[20];
    RANDOM.nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }
}
