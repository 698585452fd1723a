package org.visaport.platform.paging;

import java.util.List;
import java.util.function.Function;

/** A list response: {@code {"items":[…],"nextCursor":"…"}}, {@code nextCursor} null on the last page. */
public record Page<T>(List<T> items, String nextCursor) {

    public Page {
        items = List.copyOf(items);
    }

    public <U> Page<U> map(Function<? super T, ? extends U> view) {
        return new Page<>(items.stream().<U>map(view).toList(), nextCursor);
    }
}
