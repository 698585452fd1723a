package org.visaport.platform.consumer;

/** A record that is no VisaPort event: retrying cannot help, it goes to the dead letters at once. */
public class UnreadableEvent extends RuntimeException {

    public UnreadableEvent(String message, Throwable cause) {
        super(message, cause);
    }
}
