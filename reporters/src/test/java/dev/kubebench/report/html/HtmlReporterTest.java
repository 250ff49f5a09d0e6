package dev.kubebench.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.report.Fixtures;
import dev.kubebench.report.Golden;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReporterTest {
    private static final Pattern URL_ATTR = Pattern.compile("\\s(?:src|href|srcset|action|data|poster)\\s*=\\s*\"([^\"]*)\"",
            Pattern.CASE_INSENSITIVE);

    static List<String> urlAttributes(String html) {
        List<String> urls = new ArrayList<>();
        Matcher m = URL_ATTR.matcher(html);
        while (m.find()) {
            urls.add(m.group(1));
        }
        return urls;
    }

    @Test
    void selfContainedWithInlinePngCharts() throws IOException {
        String html = Golden.render(new HtmlReporter(), Fixtures.sweep());
        List<String> urls = urlAttributes(html);
        assertEquals(5, urls.size(), "throughput, scaling, accuracy, step time, timeline");
        for (String u : urls) {
            assertTrue(u.startsWith("data:image/png;base64,"), "only inline images: " + u.substring(0, 40));
        }
        assertFalse(html.contains("<script"), "the report needs no script");
        assertFalse(html.contains("<link"));
        assertFalse(html.toLowerCase(java.util.Locale.ROOT).contains("url("));
        assertFalse(html.contains("@import"));
        assertTrue(html.contains("Content-Security-Policy\" content=\"" + HtmlReporter.CSP));
        assertTrue(html.contains("worker-1 exited 137, &quot;OOMKilled&quot;"));
        assertTrue(html.contains("<pre>apiVersion: kubebench.dev/v1alpha1"));
    }

    @Test
    void escapesEverythingFromSpecsAndLogs() throws IOException {
        String html = Golden.render(new HtmlReporter(), Fixtures.hostile());
        assertFalse(html.contains("<script"), "no payload may open a script element");
        assertFalse(html.contains("<img src=x"), "no payload may open an img element");
        assertFalse(html.contains("</pre><script"));
        assertFalse(html.contains("<b>"));
        assertFalse(html.contains("\u0001"));
        assertTrue(html.contains("&lt;script&gt;window.__kbPwned=1&lt;/script&gt;"));
        assertTrue(html.contains("onerror=&quot;window.__kbPwned=2&quot;"));
        for (String u : urlAttributes(html)) {
            assertTrue(u.startsWith("data:image/png;base64,"), u);
        }
        // title, alt text and figcaptions carry spec/log strings too
        assertTrue(html.contains("<title>kubebench: &lt;script&gt;"));
    }

    @Test
    void capsTheTrialTableForLargeRuns() throws IOException {
        String html = Golden.render(new HtmlReporter(), Fixtures.large(3000));
        assertTrue(html.contains("3000 trials: listing 31 of 31 unsuccessful trials"));
        assertTrue(html.contains("showing the first 40 of 3000 curves"));
        assertEquals(5, urlAttributes(html).size());
    }
}
