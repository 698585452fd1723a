package org.visaport.comment.comment;

import java.util.List;

/**
 * What the automatic rules and the moderation policy made of a text: refused outright, held for a moderator, or
 * clear to show. Every refusal and hold names its rule and what it found.
 */
public record Screening(List<Hold> refusals, List<Hold> holds) {

    public Screening {
        refusals = List.copyOf(refusals);
        holds = List.copyOf(holds);
    }

    public boolean refused() {
        return !refusals.isEmpty();
    }

    public boolean held() {
        return !holds.isEmpty();
    }
}
