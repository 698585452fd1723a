package org.visaport.notification.mail;

/** A mail as it is sent: the same content as plain text and as HTML. */
public record Mail(String subject, String text, String html) {
}
