package se.socialportal.familjeratt.notify;

import java.util.Optional;

/**
 * An e-mail to a resident: plain text, and an optional calendar file (.ics) attached.
 *
 * @param calendar the text/calendar content, if any
 */
public record Mail(String to, String subject, String text, Optional<String> calendar) {
}
