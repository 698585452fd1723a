package org.visaport.news.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    @Test
    void rendersTheMarkdownEditorsWrite() {
        String html = renderer.toSafeHtml("## Talks\n\nThe **envoys** met in [Geneva](https://example.org/geneva).\n\n- one\n- two");

        assertThat(html).contains("<h2>Talks</h2>", "<strong>envoys</strong>", "<li>one</li>")
                .containsPattern("<a href=\"https://example.org/geneva\"[^>]*>Geneva</a>");
    }

    @Test
    void neverLetsScriptsThrough() {
        String html = renderer.toSafeHtml("""
                Before <script>alert('x')</script> after
                <img src="x" onerror="alert(1)">
                [click](javascript:alert(1)) and <a href="javascript:alert(2)" onclick="alert(3)">raw</a>
                <iframe src="https://evil.example"></iframe>
                """);

        // Raw HTML may survive as harmless escaped text; no element, handler or link that a browser would act on.
        assertThat(html.toLowerCase())
                .doesNotContainPattern("<(script|img|iframe)")
                .doesNotContainPattern("\\son[a-z]+=")
                .doesNotContainPattern("href=\"\\s*javascript:");
        assertThat(html).contains("Before", "&lt;script&gt;");
    }
}
