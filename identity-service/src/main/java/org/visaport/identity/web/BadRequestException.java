package org.visaport.identity.web;

/** Input that passed binding but is still invalid; reported as a validation problem on one field. */
public class BadRequestException extends RuntimeException {

    private final String field;

    public BadRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
