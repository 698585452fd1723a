package org.visaport.identity.web;

import java.util.List;
import java.util.function.Function;

/** A list response: {@code {"items":[…],"nextCursor":"…"}}, nextCursor null on the last page. */
public record Page<T>(List<T> items, String nextCursor) {

    /** {@code fetched} holds up to limit + 1 rows; the extra row only tells that another page exists. */
    public static <S, T> Page<T> of(List<S> fetched, int limit, Function<S, Cursor> position, Function<S, T> view) {
        List<S> rows = fetched.size() > limit ? fetched.subList(0, limit) : fetched;
        String next = fetched.size() > limit ? position.apply(rows.getLast()).encode() : null;
        return new Page<>(rows.stream().map(view).toList(), next);
    }
}
