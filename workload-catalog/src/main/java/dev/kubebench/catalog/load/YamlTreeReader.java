package dev.kubebench.catalog.load;

import dev.kubebench.core.error.Failure;
import dev.kubebench.core.error.KubebenchException;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * Reads one YAML document into a positioned {@link Node} tree with Jackson's streaming YAML parser, defending against
 * hostile input: the file size, nesting depth and the number of nodes after alias expansion are capped (so an alias
 * bomb fails fast in bounded memory), duplicate keys, multiple documents and non-UTF-8 bytes are errors.
 * Merge keys ({@code <<: *anchor}) are supported; explicit keys win over merged ones.
 */
public final class YamlTreeReader {
    /** Largest accepted document, in bytes. */
    public static final int MAX_BYTES = 4 * 1024 * 1024;
    /** Deepest accepted nesting of mappings and lists. */
    public static final int MAX_DEPTH = 64;
    /**
     * Longest accepted line, in characters: the YAML scanner's time grows with the square of a token's length, and
     * nothing a spec holds needs a line this long.
     */
    public static final int MAX_LINE_LENGTH = 64 * 1024;
    /** Most nodes a document may hold, counting every alias as a full copy of its anchor. */
    public static final int MAX_NODES = 100_000;

    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .loadSettings(LoadSettings.builder().setCodePointLimit(MAX_BYTES + 1).build())
            // Duplicates are reported by this reader, with the key's position, among all other problems.
            .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final String source;
    private final Map<String, Anchored> anchors = new HashMap<>();
    private final List<String> problems = new ArrayList<>();
    private JsonParser parser;
    private long nodes;

    private record Anchored(Node node, long size) {
    }

    private YamlTreeReader(String source) {
        this.source = source;
    }

    /** Reads a file; {@code displayName} is how positions name it in messages. */
    public static Node readFile(Path file, String displayName) {
        return read(SpecBytes.readFile(file, displayName, MAX_BYTES), displayName);
    }

    /** Reads YAML bytes (UTF-8, an optional BOM). */
    public static Node read(byte[] bytes, String source) {
        if (bytes.length > MAX_BYTES) {
            throw invalid(source + ": document is larger than " + MAX_BYTES + " bytes (4 MiB)");
        }
        return readText(SpecBytes.decodeUtf8(bytes, source), source);
    }

    /** Reads YAML text. */
    public static Node readText(String text, String source) {
        if (text.length() > MAX_BYTES) {
            throw invalid(source + ": document is larger than " + MAX_BYTES + " characters");
        }
        checkLineLengths(text, source);
        return new YamlTreeReader(source).parse(text);
    }

    private static void checkLineLengths(String text, String source) {
        int line = 1;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                if (i - start > MAX_LINE_LENGTH) {
                    throw invalid(source + ":" + line + ":1: line is " + (i - start) + " characters long; a spec line "
                            + "may be at most " + MAX_LINE_LENGTH);
                }
                line++;
                start = i + 1;
            }
        }
    }

    private Node parse(String text) {
        try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), new StringReader(text))) {
            parser = p;
            JsonToken t = p.nextToken();
            if (t == null) {
                throw invalid(source + ":1:1: the document is empty");
            }
            Node root = value(t, 0);
            JsonToken more = p.nextToken();
            if (more != null) {
                fail(here(), "a second YAML document ('---'); a spec file holds exactly one document");
            }
            if (!problems.isEmpty()) {
                throw new KubebenchException(Failure.INVALID_INPUT, problems, null);
            }
            return root;
        } catch (JacksonException e) {
            throw syntaxError(e);
        } catch (YamlEngineException e) {
            throw syntaxError(e);
        }
    }

    private Node value(JsonToken token, int depth) {
        Mark mark = here();
        String anchor = parser.getObjectId() == null ? null : parser.getObjectId().toString();
        long before = nodes;
        countNode(mark);
        Node node;
        switch (token) {
            case START_OBJECT:
                node = mapping(mark, depth + 1);
                break;
            case START_ARRAY:
                node = sequence(mark, depth + 1);
                break;
            case VALUE_STRING:
                if (((YAMLParser) parser).isCurrentAlias()) {
                    nodes--;
                    return alias(parser.getString(), mark);
                }
                node = new Node.ScalarNode(mark, parser.getString());
                break;
            case VALUE_NUMBER_INT:
                Number n = parser.getNumberValue();
                node = new Node.ScalarNode(mark, n instanceof BigInteger ? n : Long.valueOf(n.longValue()),
                        parser.getString());
                break;
            case VALUE_NUMBER_FLOAT:
                node = new Node.ScalarNode(mark, parser.getDoubleValue(), parser.getString());
                break;
            case VALUE_TRUE:
                node = new Node.ScalarNode(mark, Boolean.TRUE, parser.getString());
                break;
            case VALUE_FALSE:
                node = new Node.ScalarNode(mark, Boolean.FALSE, parser.getString());
                break;
            case VALUE_NULL:
                node = new Node.ScalarNode(mark, null);
                break;
            default:
                // Binary (!!binary) and embedded objects have no place in a spec.
                node = new Node.ScalarNode(mark, parser.getString());
                break;
        }
        if (anchor != null) {
            anchors.put(anchor, new Anchored(node, nodes - before));
        }
        return node;
    }

    private Node alias(String name, Mark mark) {
        Anchored a = anchors.get(name);
        if (a == null) {
            throw invalid(mark + ": unknown alias '*" + name + "'");
        }
        nodes += a.size();
        if (nodes > MAX_NODES) {
            throw invalid(mark + ": the document expands to more than " + MAX_NODES
                    + " values through aliases (an alias bomb?)");
        }
        return a.node();
    }

    private Node.MapNode mapping(Mark mark, int depth) {
        checkDepth(mark, depth);
        List<Node.Entry> entries = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        List<Node.Entry> merged = new ArrayList<>();
        JsonToken t;
        while ((t = parser.nextToken()) != JsonToken.END_OBJECT) {
            if (t != JsonToken.PROPERTY_NAME) {
                throw invalid(here() + ": unexpected " + t + " in a mapping");
            }
            String key = parser.currentName();
            Mark keyMark = here();
            Node v = value(parser.nextToken(), depth);
            if ("<<".equals(key)) {
                mergeSources(v, merged);
            } else if (!keys.add(key)) {
                fail(keyMark, "duplicate key '" + key + "'");
            } else {
                entries.add(new Node.Entry(key, keyMark, v));
            }
        }
        for (Node.Entry e : merged) {
            if (keys.add(e.key())) {
                entries.add(e);
            }
        }
        return new Node.MapNode(mark, entries);
    }

    private void mergeSources(Node v, List<Node.Entry> merged) {
        if (v instanceof Node.MapNode) {
            merged.addAll(((Node.MapNode) v).entries());
        } else if (v instanceof Node.ListNode) {
            for (Node item : ((Node.ListNode) v).items()) {
                mergeSources(item, merged);
            }
        } else {
            fail(v.mark(), "a merge key '<<' needs a mapping or a list of mappings, got " + v.typeName());
        }
    }

    private Node.ListNode sequence(Mark mark, int depth) {
        checkDepth(mark, depth);
        List<Node> items = new ArrayList<>();
        JsonToken t;
        while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
            items.add(value(t, depth));
        }
        return new Node.ListNode(mark, items);
    }

    private void checkDepth(Mark mark, int depth) {
        if (depth > MAX_DEPTH) {
            throw invalid(mark + ": nesting deeper than " + MAX_DEPTH + " levels");
        }
    }

    private void countNode(Mark mark) {
        if (++nodes > MAX_NODES) {
            throw invalid(mark + ": the document has more than " + MAX_NODES + " values");
        }
    }

    private Mark here() {
        TokenStreamLocation loc = parser.currentTokenLocation();
        return new Mark(source, Math.max(1, loc.getLineNr()), Math.max(1, loc.getColumnNr()));
    }

    private void fail(Mark mark, String message) {
        problems.add(mark + ": " + message);
    }

    private KubebenchException syntaxError(RuntimeException e) {
        Throwable c = e;
        while (c != null) {
            if (c instanceof MarkedYamlEngineException) {
                MarkedYamlEngineException m = (MarkedYamlEngineException) c;
                String where = m.getProblemMark()
                        .map(pm -> source + ":" + (pm.getLine() + 1) + ":" + (pm.getColumn() + 1))
                        .orElse(source);
                String what = m.getProblem() == null ? "invalid YAML" : m.getProblem();
                String ctx = m.getContext() == null ? "" : " (" + m.getContext() + ")";
                return invalid(where + ": invalid YAML: " + oneLine(what + ctx));
            }
            c = c.getCause();
        }
        String where = source;
        if (e instanceof JacksonException && ((JacksonException) e).getLocation() != null) {
            TokenStreamLocation loc = ((JacksonException) e).getLocation();
            where = source + ":" + Math.max(1, loc.getLineNr()) + ":" + Math.max(1, loc.getColumnNr());
        }
        String msg = e instanceof JacksonException ? ((JacksonException) e).getOriginalMessage() : e.getMessage();
        return invalid(where + ": invalid YAML: " + JacksonMessages.plain(oneLine(msg == null
                ? e.getClass().getSimpleName() : msg)));
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s*\\R\\s*", " ").trim();
    }

    private static KubebenchException invalid(String line) {
        return new KubebenchException(Failure.INVALID_INPUT, line);
    }
}
