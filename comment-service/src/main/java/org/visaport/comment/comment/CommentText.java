package org.visaport.comment.comment;

import java.util.List;

/**
 * A comment's text as written, its sanitised HTML, the links in it (the link rule counts them) and a fingerprint of
 * its words (the duplicate rule compares them, so a repost with other spacing or capitals is still a repost).
 */
public record CommentText(String source, String html, List<Hold.Match> links, String fingerprint) {

    public CommentText {
        links = List.copyOf(links);
    }
}
