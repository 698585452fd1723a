package org.visaport.comment.moderation;

import java.util.Locale;

/** Banned words refuse a comment; suspect words hold it for a moderator. */
public enum WordList {
    BANNED, SUSPECT;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
