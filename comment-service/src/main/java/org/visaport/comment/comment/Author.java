package org.visaport.comment.comment;

/** All anyone learns about who wrote a comment. */
public record Author(String memberId, String displayName) {

    public static final String FORMER_MEMBER = "former member";
    static final String UNNAMED = "Member";

    /**
     * The name to show for {@code name}. Display names are chosen by members; one that looks like an e-mail address
     * (or is empty) is not shown, so no address reaches a thread or the public topic by that way.
     */
    public static String shownName(String name) {
        return name == null || name.isBlank() || name.contains("@") ? UNNAMED : name.strip();
    }
}
