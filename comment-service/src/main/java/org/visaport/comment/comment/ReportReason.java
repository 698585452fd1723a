package org.visaport.comment.comment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

public enum ReportReason {
    SPAM, ABUSE, OFF_TOPIC, OTHER;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @JsonCreator
    public static ReportReason fromWire(String value) {
        return Arrays.stream(values()).filter(reason -> reason.wire().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be one of spam, abuse, off-topic, other"));
    }
}
