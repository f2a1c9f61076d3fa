package se.socialportal.bankid;

/** The answer to phone/auth or phone/sign: only the order's reference (the app gets the order pushed). */
public record PhoneOrderStart(String orderRef) {
}
