package org.visaport.notification.mail;

import java.util.List;
import org.springframework.web.util.HtmlUtils;

/**
 * Lays a mail out as plain text and as HTML from the same parts. Everything put into the HTML is escaped, whether it
 * comes from a template, a member's name, an article title or a moderator's message: none of it can add markup.
 */
public final class MailComposer {

    private MailComposer() {
    }

    /** A link the reader can follow; in the text version it is written out. */
    public record Link(String label, String url) {
    }

    /** A paragraph of plain text (line breaks kept) and the link after it; either may be null. */
    public record Section(String paragraph, Link link) {
    }

    /**
     * @param paragraphs plain text; line breaks inside a paragraph are kept
     * @param link       null for none
     * @param footer     why the reader gets this mail and whether they can stop it
     * @param unsubscribe the link that stops such mails, after the footer; null for mandatory notices
     */
    public static Mail compose(Wording wording, String subject, List<String> paragraphs, Link link, String footer,
                               Link unsubscribe) {
        List<Section> sections = new java.util.ArrayList<>(paragraphs.stream().map(p -> new Section(p, null)).toList());
        sections.add(new Section(null, link));
        return compose(wording, subject, sections, footer, unsubscribe);
    }

    /** A mail of several sections, each perhaps with its own link: a digest. */
    public static Mail compose(Wording wording, String subject, List<Section> sections, String footer, Link unsubscribe) {
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"").append(wording.locale().getLanguage())
                .append("\"><head><meta charset=\"UTF-8\"><title>").append(escape(subject)).append("</title></head>\n")
                .append("<body style=\"font-family: sans-serif; line-height: 1.5;\">\n");
        for (Section section : sections) {
            if (section.paragraph() != null) {
                text.append(section.paragraph()).append("\n\n");
                html.append("<p>").append(escape(section.paragraph()).replace("\n", "<br>\n")).append("</p>\n");
            }
            Link link = section.link();
            if (link != null) {
                text.append(link.label()).append(": ").append(link.url()).append("\n\n");
                html.append("<p><a href=\"").append(escape(link.url())).append("\">").append(escape(link.label())).append("</a></p>\n");
            }
        }
        text.append("-- \n").append(footer).append('\n');
        html.append("<hr>\n<p style=\"color: #555; font-size: small;\">").append(escape(footer));
        if (unsubscribe != null) {
            text.append(unsubscribe.label()).append(": ").append(unsubscribe.url()).append('\n');
            html.append("<br>\n<a href=\"").append(escape(unsubscribe.url())).append("\">").append(escape(unsubscribe.label())).append("</a>");
        }
        html.append("</p>\n</body></html>\n");
        return new Mail(subject, text.toString(), html.toString());
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
