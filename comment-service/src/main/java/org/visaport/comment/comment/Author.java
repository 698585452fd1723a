package org.visaport.comment.comment;

/** All anyone learns about who wrote a comment. */
public record Author(String memberId, String displayName) {

    public static final String FORMER_MEMBER = "former member";
}
