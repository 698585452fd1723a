package org.visaport.notification.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of VisaPort's mails in one language, from {@code mail/wording_<language>.properties}: English, and French
 * for the diplomats who read VisaPort in it. Texts hold {@code {placeholders}}; a paragraph whose placeholder has no
 * value is left out, so a template reads well with and without, say, a moderator's message.
 */
public final class Wording {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");
    private static final Wording ENGLISH = load(Locale.ENGLISH);
    private static final Wording FRENCH = load(Locale.FRENCH);

    private final Locale locale;
    private final Properties texts;

    private Wording(Locale locale, Properties texts) {
        this.locale = locale;
        this.texts = texts;
    }

    /** French for a French language tag ({@code fr}, {@code fr-CA}), English for any other or none. */
    public static Wording of(String language) {
        return language != null && Locale.forLanguageTag(language.replace('_', '-')).getLanguage().equals("fr") ? FRENCH : ENGLISH;
    }

    public Locale locale() {
        return locale;
    }


    /** One text with its placeholders filled; a placeholder without a value is a mistake in the template. */
    public String text(String key, Map<String, String> values) {
        String text = fill(raw(key), values);
        if (text == null) {
            throw new IllegalStateException(key + " in " + locale + " needs a value it was not given");
        }
        return text;
    }

    /** The paragraphs of a text (blank lines between them), leaving out those with a placeholder that has no value. */
    public List<String> paragraphs(String key, Map<String, String> values) {
        List<String> paragraphs = new ArrayList<>();
        for (String paragraph : raw(key).split("\n\n")) {
            String filled = fill(paragraph, values);
            if (filled != null) {
                paragraphs.add(filled);
            }
        }
        return paragraphs;
    }

    public String date(LocalDate date) {
        return date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
    }

    private String raw(String key) {
        String text = texts.getProperty(key);
        if (text == null) {
            throw new IllegalStateException("no text " + key + " in " + locale);
        }
        return text;
    }

    /** Null when a placeholder has no value. */
    private static String fill(String text, Map<String, String> values) {
        Matcher placeholders = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (placeholders.find()) {
            String value = values.get(placeholders.group(1));
            if (value == null) {
                return null;
            }
            placeholders.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        placeholders.appendTail(filled);
        return filled.toString();
    }

    private static Wording load(Locale locale) {
        String resource = "/mail/wording_" + locale.getLanguage() + ".properties";
        try (InputStream in = Wording.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            Properties texts = new Properties();
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return new Wording(locale, texts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every text key, to hold the languages against each other in tests. */
    Map<Object, Object> texts() {
        return Map.copyOf(texts);
    }
}
