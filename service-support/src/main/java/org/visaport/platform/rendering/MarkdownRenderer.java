package org.visaport.platform.rendering;

import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Markdown to HTML that is safe to put in a page: raw HTML in the source is escaped by the renderer, and the
 * result passes an allow-list sanitiser, so no script, event handler or javascript: link survives either step.
 */
public class MarkdownRenderer {

    private static final PolicyFactory ARTICLE_POLICY = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.LINKS)
            .and(Sanitizers.TABLES)
            .and(new HtmlPolicyBuilder()
                    .allowElements("pre", "code", "hr", "br")
                    .allowAttributes("class").matching(Pattern.compile("language-[a-z0-9+-]{1,30}")).onElements("code")
                    .toFactory());

    /**
     * {@code ugc} and {@code nofollow} so search engines do not credit the site with what readers link to,
     * {@code noopener} so the linked page cannot reach back into ours. The renderer writes it in this order; the
     * sanitiser adds it should a link ever come without.
     */
    private static final String LINK_REL = "nofollow ugc noopener";

    /** Links to the web and to mail only, not even relative ones (a comment has no base): any other is just its text. */
    private static final PolicyFactory COMMENT_POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "em", "strong", "blockquote")
            .allowElements((name, attributes) -> attributes.contains("href") ? name : null, "a")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href").matching(Pattern.compile("(?i)(https?|mailto):.+")).onElements("a")
            .allowAttributes("rel").matching(Pattern.compile(Pattern.quote(LINK_REL))).onElements("a")
            .requireRelsOnLinks(LINK_REL.split(" "))
            .toFactory();

    private final Parser articleParser = Parser.builder().build();
    private final HtmlRenderer articleRenderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    /** Paragraphs are always on; every other block (heading, list, code, raw HTML, rule) stays the text it was typed as. */
    private final Parser commentParser = Parser.builder().enabledBlockTypes(Set.of(BlockQuote.class)).build();
    /** Readers press Enter for a new line and expect one, so a soft break is a line break here. */
    private final HtmlRenderer commentRenderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true)
            .softbreak("<br>\n").nodeRendererFactory(ImageAsText::new)
            .attributeProviderFactory(context -> (node, tag, attributes) -> {
                if (node instanceof Link) {
                    attributes.put("rel", LINK_REL);
                }
            }).build();

    /** An editor's article: CommonMark with headings, lists, code, quotes and links. */
    public String toSafeHtml(String markdown) {
        return ARTICLE_POLICY.sanitize(articleRenderer.render(articleParser.parse(markdown)));
    }

    /** A reader's comment: paragraphs, line breaks, emphasis, links and quotes; anything else shows as typed. */
    public String toSafeCommentHtml(String markdown) {
        return COMMENT_POLICY.sanitize(commentRenderer.render(commentParser.parse(markdown)));
    }

    /** Readers do not embed pictures in a thread (tracking pixels, shock images): an image shows as its Markdown. */
    private record ImageAsText(HtmlNodeRendererContext context) implements NodeRenderer {

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Image.class);
        }

        @Override
        public void render(Node node) {
            Image image = (Image) node;
            context.getWriter().text("![");
            for (Node child = image.getFirstChild(); child != null; child = child.getNext()) {
                context.render(child);
            }
            context.getWriter().text("](" + image.getDestination() + ")");
        }
    }
}
