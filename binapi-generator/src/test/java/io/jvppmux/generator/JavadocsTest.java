package io.jvppmux.generator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** VPP's comments become Javadoc that javadoc accepts: every character it would read as markup is escaped. */
class JavadocsTest {
    @Test
    void markupCharactersOfVppCommentsAreEscapedAmpersandFirst() {
        String doc = Javadocs.of("/** @param x - a & b -> c, <d>, $e, \\f, end */", "Fallback.");
        assertThat(doc).startsWith("Fallback.\n<pre>\n")
                .contains("&#64;param x - a &amp; b -&gt; c, &lt;d&gt;, &#36;e, &#92;f, end")
                .doesNotContain("&amp;#").doesNotContain(" & ").endsWith("</pre>\n");
    }

    @Test
    void aMissingCommentGivesTheFallbackAlone() {
        assertThat(Javadocs.of(null, "Fallback.")).isEqualTo("Fallback.\n");
        assertThat(Javadocs.of("  ", "Fallback.")).isEqualTo("Fallback.\n");
    }
}
