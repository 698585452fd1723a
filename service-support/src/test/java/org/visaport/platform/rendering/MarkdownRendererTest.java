package org.visaport.platform.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

    private static final String ATTACKS = """
            Before <script>alert('x')</script> after
            <img src="x" onerror="alert(1)">
            [click](javascript:alert(1)) and <a href="javascript:alert(2)" onclick="alert(3)">raw</a>
            [encoded](jav&#x61;script:alert(4)) ![pic](javascript:alert(5))
            <iframe src="https://evil.example"></iframe>

            <script>alert('block')</script>
            """;

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    @Test
    void rendersTheMarkdownEditorsWrite() {
        String html = renderer.toSafeHtml("## Talks\n\nThe **envoys** met in [Geneva](https://example.org/geneva).\n\n- one\n- two");

        assertThat(html).contains("<h2>Talks</h2>", "<strong>envoys</strong>", "<li>one</li>")
                .containsPattern("<a href=\"https://example.org/geneva\"[^>]*>Geneva</a>");
    }

    @Test
    void neverLetsScriptsThroughAnArticle() {
        assertHarmless(renderer::toSafeHtml);
    }

    @Test
    void neverLetsScriptsThroughAComment() {
        assertHarmless(renderer::toSafeCommentHtml);
    }

    @Test
    void rendersWhatReadersWriteInAComment() {
        String html = renderer.toSafeCommentHtml("I *agree* with the **envoy**.\nNew line.\n\n> quoted words\n\nMy reply.");

        assertThat(html).contains("<em>agree</em>", "<strong>envoy</strong>", "<br />", "<blockquote>", "quoted words",
                "<p>My reply.</p>");
    }

    @Test
    void aCommentLinkIsMarkedAsTheReadersOwn() {
        String html = renderer.toSafeCommentHtml("See [the treaty](https://example.org/treaty) or mail [us](mailto:desk@example.org).");

        assertThat(html)
                .containsPattern("<a (?=[^>]*href=\"https://example.org/treaty\")(?=[^>]*rel=\"nofollow ugc noopener\")[^>]*>the treaty</a>")
                .containsPattern("<a (?=[^>]*href=\"mailto:desk(@|&#64;)example.org\")(?=[^>]*rel=\"nofollow ugc noopener\")[^>]*>us</a>");
    }

    @Test
    void aCommentLinksOnlyToTheWeb() {
        String html = renderer.toSafeCommentHtml("[ftp](ftp://example.org/x) [relative](/api/admin) [data](data:text/html,hi)");

        assertThat(html).doesNotContain("<a").contains("ftp", "relative", "data");
    }

    @Test
    void aCommentHasNoHeadingsImagesListsOrCode() {
        String html = renderer.toSafeCommentHtml("""
                # Shouting

                Title
                =====

                ![pixel](https://tracker.example/p.png)

                - one
                1. two

                ```
                code
                ```

                ---

                | a | b |
                """);

        assertThat(html).doesNotContainPattern("<(h[1-6]|img|ul|ol|li|pre|code|hr|table)\\b")
                .contains("# Shouting", "![pixel](https://tracker.example/p.png)", "- one", "| a | b |");
    }

    private void assertHarmless(UnaryOperator<String> render) {
        String html = render.apply(ATTACKS);

        // Raw HTML may survive as harmless escaped text; no element, handler or link that a browser would act on.
        assertThat(html.toLowerCase())
                .doesNotContainPattern("<(script|img|iframe)")
                .doesNotContainPattern("\\son[a-z]+=")
                .doesNotContainPattern("(href|src)=\"\\s*(javascript|data):");
        assertThat(html).contains("Before", "&lt;script&gt;");
    }
}
