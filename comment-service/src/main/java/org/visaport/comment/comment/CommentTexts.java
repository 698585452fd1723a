package org.visaport.comment.comment;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.visaport.platform.hashing.Hashing;
import org.visaport.platform.problem.Problems;
import org.visaport.platform.rendering.MarkdownRenderer;

/** Turns what a member typed into a {@link CommentText}. */
@Component
public class CommentTexts {

    /** Whatever a reader could follow: explicit Markdown links, autolinks and bare addresses alike. */
    private static final Pattern LINK = Pattern.compile("(?i)\\b(?:https?://|www\\.)[^\\s<>()\\[\\]]*[^\\s<>()\\[\\].,;:!?'\"]");

    private final MarkdownRenderer markdown;

    public CommentTexts(MarkdownRenderer markdown) {
        this.markdown = markdown;
    }

    /** Quotes in quotes beyond this add nothing to a discussion, and each level costs the renderer a stack frame. */
    static final int MAX_QUOTE_DEPTH = 5;
    private static final Pattern DEEP_QUOTE = Pattern.compile("(?m)^(?:[ \\t]{0,3}>){" + (MAX_QUOTE_DEPTH + 1) + "}");

    public CommentText of(String source) {
        if (DEEP_QUOTE.matcher(source).find()) {
            throw Problems.invalidField("text", "quotes may nest at most " + MAX_QUOTE_DEPTH + " deep");
        }
        return new CommentText(source, markdown.toSafeCommentHtml(source), links(source), fingerprint(source));
    }

    static List<Hold.Match> links(String text) {
        List<Hold.Match> links = new ArrayList<>();
        Matcher matcher = LINK.matcher(text);
        while (matcher.find()) {
            links.add(new Hold.Match(matcher.group(), matcher.start(), matcher.end()));
        }
        return links;
    }

    /** Case, accents' composition, punctuation and spacing do not make a text new. */
    static String fingerprint(String text) {
        String words = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        return Hashing.sha256(words);
    }
}
