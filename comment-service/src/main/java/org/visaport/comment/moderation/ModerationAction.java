package org.visaport.comment.moderation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** What a moderator can decide about a comment. */
public enum ModerationAction {
    APPROVE, REJECT, DELETE, RESTORE, FEATURE, UNFEATURE;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ModerationAction fromWire(String value) {
        return Arrays.stream(values()).filter(action -> action.wire().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be one of approve, reject, delete, restore, feature, unfeature"));
    }

    boolean needsReason() {
        return this == REJECT;
    }
}
