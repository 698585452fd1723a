package org.visaport.identity.application;

/**
 * The one answer every acceptable application gets, whether the e-mail address is new or known: nobody can learn from
 * it who is a member. The outcome reaches the address owner by e-mail.
 */
public record ApplicationReceipt(String status, String message) {

    static final ApplicationReceipt RECEIVED = new ApplicationReceipt("RECEIVED",
            "Thank you. Please confirm your e-mail address; we will write to you once your credentials are verified.");
}
