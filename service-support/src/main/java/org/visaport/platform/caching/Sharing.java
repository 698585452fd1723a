package org.visaport.platform.caching;

/**
 * Who may keep a reader's answer, and for how long (the policy of every reader endpoint):
 * <ul>
 *   <li>{@link #PUBLIC} — {@code public, max-age=30}: an answer that is the same for every reader (the article list
 *       without search words, comment threads, replies, counts) asked without a token. Any cache may serve it for
 *       30 seconds, then revalidates with its tag; an edit shows within that half minute.</li>
 *   <li>{@link #PRIVATE} — {@code private, no-cache}: everything asked with a token, and every answer that depends
 *       on who asks even when asked anonymously (one article: teaser or members' full text; a search, which members
 *       run over the full text; one comment, which its author sees with its state). Only the reader's own cache keeps
 *       it, and it asks again every time, so a 304 spares the body but never the check; no shared cache ever stores
 *       members' full text. The anonymous answer of such a URL is private too: a browser that has just signed in
 *       (through the gateway's session, with no {@code Authorization} header of its own) must not be shown the
 *       teaser it kept from before.</li>
 * </ul>
 * Both carry {@code Vary: Authorization}. The scope is part of the entity tag, so a 304 never turns a kept public
 * answer into a private one of the same tag or the other way round.
 */
public enum Sharing {

    PUBLIC("public, max-age=30"),
    PRIVATE("private, no-cache");

    private final String cacheControl;

    Sharing(String cacheControl) {
        this.cacheControl = cacheControl;
    }

    /**
     * @param sameForEveryone whether this URL answers every caller alike, whatever their token
     * @param withToken       whether the request carried a token (an authenticated caller)
     */
    public static Sharing of(boolean sameForEveryone, boolean withToken) {
        return sameForEveryone && !withToken ? PUBLIC : PRIVATE;
    }

    public String cacheControl() {
        return cacheControl;
    }
}
