package org.visaport.news.article;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Where and when a story was filed, shown as e.g. "Washington, D.C., United States of America — 3 Oct 2016". */
public record Dateline(String place, LocalDate date) {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    public String display() {
        return place + " — " + FORMAT.format(date);
    }
}
