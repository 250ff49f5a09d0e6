package dev.kubebench.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.kubebench.report.Fixtures;
import dev.kubebench.report.Reports;
import dev.kubebench.report.RunReport;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Opens the HTML report in headless Chromium (Debian's {@code chromium}; {@code KUBEBENCH_CHROMIUM} overrides the
 * binary). A copy of the page gets a probe script (the only change: the CSP also allows inline script, so an escaping
 * bug in the payload fixtures would run and be caught) that records errors, CSP violations, resource fetches and
 * image sizes into the DOM after load; {@code --dump-dom} returns it. Chromium's own console log (stderr) must be
 * empty. A screenshot of the unmodified report goes to {@code target/report-browser/report.png}. Without Chromium
 * the test fails when {@code CI=true} and is skipped otherwise.
 */
class HtmlInChromiumTest {
    private static final Path OUT = Path.of("target", "report-browser");
    private static final String PROBE = String.join("\n",
            "<script>(function(){",
            "var errors=[];",
            "window.addEventListener('error',function(e){errors.push('error: '+(e.message||(e.target&&(e.target.src||e.target.href))||'?'));},true);",
            "window.addEventListener('securitypolicyviolation',function(e){errors.push('csp: '+e.blockedURI+' '+e.violatedDirective);});",
            "var ce=console.error;console.error=function(){errors.push('console.error: '+Array.prototype.join.call(arguments,' '));ce.apply(console,arguments);};",
            "window.addEventListener('load',function(){setTimeout(function(){",
            "var imgs=Array.prototype.map.call(document.images,function(i){var f=i.closest('figure');return {figure:f?f.id:'',complete:i.complete,w:i.naturalWidth,h:i.naturalHeight,inline:i.src.indexOf('data:image/png;base64,')===0};});",
            "var p=document.createElement('pre');p.id='kb-probe';",
            "p.textContent=JSON.stringify({errors:errors,images:imgs,resources:performance.getEntriesByType('resource').map(function(r){return r.name;}),pwned:window.__kbPwned||0,scripts:document.scripts.length});",
            "document.body.appendChild(p);},0);});",
            "})();</script>");

    private static Path chromium;

    @BeforeAll
    static void findChromium() {
        chromium = locate();
        if (chromium == null) {
            String msg = "chromium not found (install Debian's chromium package or set KUBEBENCH_CHROMIUM)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(msg + "; CI=true requires it");
            }
            Assumptions.abort(msg + "; skipping the browser test locally");
        }
    }

    @Test
    void reportRendersInHeadlessChromium() throws Exception {
        RunReport report = Fixtures.browserPage();
        Files.createDirectories(OUT);
        Path page = Reports.write(report, OUT, List.of(new HtmlReporter())).get(0);
        String html = Files.readString(page, StandardCharsets.UTF_8);
        String csp = "content=\"" + HtmlReporter.CSP + "\"";
        assertTrue(html.contains(csp));
        String probed = html.replace(csp, "content=\"" + HtmlReporter.CSP.replace("default-src 'none';",
                "default-src 'none'; script-src 'unsafe-inline';") + "\"").replace("</head>", PROBE + "\n</head>");
        Path probePage = OUT.resolve("report-probe.html");
        Files.writeString(probePage, probed, StandardCharsets.UTF_8);

        Result dump = runChromium("--dump-dom", probePage.toAbsolutePath().toUri().toString());
        Matcher m = Pattern.compile("<pre id=\"kb-probe\">(.*?)</pre>", Pattern.DOTALL).matcher(dump.stdout);
        assertTrue(m.find(), "probe did not run; chromium stderr:\n" + dump.stderr);
        JsonNode probe = JsonMapper.builder().build().readTree(unescape(m.group(1)));

        assertEquals(0, probe.get("errors").size(), "page errors: " + probe.get("errors"));
        assertEquals(0, probe.get("resources").size(), "external requests: " + probe.get("resources"));
        assertEquals(0, probe.get("pwned").asInt(), "a payload from the fixtures executed");
        assertEquals(1, probe.get("scripts").asInt(), "only the probe script may exist");
        JsonNode images = probe.get("images");
        assertEquals(5, images.size(), "throughput, scaling, accuracy, step time, timeline: " + images);
        for (JsonNode img : images) {
            assertTrue(img.get("inline").asBoolean(), "inline PNG: " + img);
            assertTrue(img.get("complete").asBoolean() && img.get("w").asInt() > 0 && img.get("h").asInt() > 0,
                    "chart image decodes with a size: " + img);
        }
        List<String> console = dump.stderr.lines().filter(l -> l.contains(":CONSOLE")).toList();
        assertEquals(List.of(), console, "browser console messages");

        Path png = OUT.resolve("report.png").toAbsolutePath();
        Files.deleteIfExists(png);
        runChromium("--screenshot=" + png, "--window-size=1280,4000", page.toAbsolutePath().toUri().toString());
        assertTrue(Files.size(png) > 10_000, "screenshot written: " + png);
    }

    private record Result(String stdout, String stderr) {
    }

    private static Result runChromium(String... args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("kb-chromium-");
        Path stdout = Files.createTempFile("kb-chromium-", ".out");
        Path stderr = Files.createTempFile("kb-chromium-", ".err");
        List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                fail("chromium did not finish in 120 s: " + cmd);
            }
            return new Result(Files.readString(stdout, StandardCharsets.UTF_8),
                    Files.readString(stderr, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
            deleteTree(profile);
        }
    }

    private static Path locate() {
        List<String> candidates = new ArrayList<>();
        String env = System.getenv("KUBEBENCH_CHROMIUM");
        if (env != null && !env.isBlank()) {
            candidates.add(env);
        }
        candidates.addAll(List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"));
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            candidates.add(Path.of(dir, "chromium").toString());
        }
        return candidates.stream().map(Path::of).filter(Files::isExecutable).findFirst().orElse(null);
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }
}
