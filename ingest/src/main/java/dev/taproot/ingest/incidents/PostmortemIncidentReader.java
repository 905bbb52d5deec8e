package dev.taproot.ingest.incidents;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.taproot.graph.model.Incident;

/**
 * Reads one Markdown postmortem with YAML front matter ({@code ---} ... {@code ---}) as one incident:
 * {@code uuid}/{@code id} and {@code title} are required; {@code summary} and the body become the
 * description; {@code categories} and {@code keywords} become tags; {@code product} the affected
 * entity; {@code url} a link; the resolution is the body's sentences about the fix (or the
 * {@code resolution} field when given). Other scalar front-matter fields are kept as properties.
 */
public final class PostmortemIncidentReader implements IncidentReader {

    static final String FORMAT = "postmortem";
    /** A postmortem larger than this is refused. */
    public static final int MAX_BYTES = 4 * 1024 * 1024;
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern FIX = Pattern.compile(
            "\\b(resolv|fix|mitigat|restor|roll(ed)?\\s?back|revert|recover|remediat|workaround|patch)", Pattern.CASE_INSENSITIVE);
    private static final Set<String> KNOWN = Set.of("uuid", "id", "title", "summary", "url", "categories", "keywords",
            "company", "product", "resolution", "source_published_at", "date", "started", "start_time", "end_time",
            "archive_url");

    private final String source;
    private final InputStream in;
    private long bytes;
    private boolean consumed;

    public PostmortemIncidentReader(String source, InputStream in) {
        this.source = source;
        this.in = in;
    }

    @Override
    public boolean hasNext() {
        return !consumed;
    }

    @Override
    public ParsedIncident next() {
        if (consumed) {
            throw new NoSuchElementException();
        }
        consumed = true;
        try {
            byte[] content = in.readNBytes(MAX_BYTES + 1);
            bytes = content.length;
            if (content.length > MAX_BYTES) {
                return reject(1, null, "postmortem larger than " + MAX_BYTES + " bytes");
            }
            return ParsedIncident.ok(1, parse(new String(content, StandardCharsets.UTF_8)));
        } catch (FieldException e) {
            return reject(1, e.field(), dev.taproot.graph.store.ErrorMessages.describe(e));
        } catch (IOException | IllegalArgumentException e) {
            return reject(1, null, dev.taproot.graph.store.ErrorMessages.describe(e));
        }
    }

    private Incident parse(String text) throws IOException {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (!t.startsWith("---")) {
            throw new FieldException(null, "no YAML front matter (the file must start with ---)");
        }
        int end = t.indexOf("\n---", 3);
        if (end < 0) {
            throw new FieldException(null, "front matter is not closed by a --- line");
        }
        JsonNode fm;
        try {
            fm = YAML.readTree(t.substring(3, end));
        } catch (IOException e) {
            throw new FieldException(null, "front matter is not valid YAML: " + dev.taproot.graph.store.ErrorMessages.describe(e).lines().findFirst().orElse(""));
        }
        if (fm == null || !fm.isObject()) {
            throw new FieldException(null, "front matter is not a YAML mapping");
        }
        String body = t.substring(end + 4).replaceFirst("^-*\\s*", "").strip();
        String id = fm.path("uuid").asText(fm.path("id").asText(""));
        if (id.isBlank()) {
            throw new FieldException("uuid", "is required (or id)");
        }
        String summary = fm.path("summary").asText("");
        String title = fm.path("title").asText("");
        if (title.isBlank()) {
            title = derivedTitle(fm, summary.isBlank() ? body : summary);
        }
        var tags = new ArrayList<String>();
        fm.path("categories").forEach(c -> tags.add(c.asText()));
        var props = new LinkedHashMap<String, Object>();
        var keywords = new ArrayList<String>();
        fm.path("keywords").forEach(k -> keywords.add(k.asText()));
        if (!keywords.isEmpty()) {
            props.put("keywords", keywords);
        }
        props.put("categories", List.copyOf(tags));
        tags.addAll(keywords);
        for (var it = fm.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!KNOWN.contains(e.getKey()) && e.getValue().isValueNode() && !e.getValue().isNull()) {
                props.put(e.getKey(), e.getValue().asText());
            }
        }
        if (fm.hasNonNull("company")) {
            props.put("company", fm.get("company").asText());
        }
        String product = fm.path("product").asText(null);
        String when = first(fm, "start_time", "started", "date", "source_published_at");
        var started = when == null ? null : TaprootIncidentSchema.parseTime(when, "start_time");
        String until = first(fm, "end_time");
        var resolved = until == null ? null : TaprootIncidentSchema.parseTime(until, "end_time");
        if (started != null && resolved != null && resolved.isBefore(started)) {
            throw new FieldException("end_time", "is before start_time");
        }
        String resolution = fm.hasNonNull("resolution") ? fm.get("resolution").asText() : resolutionOf(body);
        var links = new ArrayList<String>();
        for (String f : List.of("url", "archive_url")) {
            if (fm.hasNonNull(f) && !fm.get(f).asText().isBlank()) {
                links.add(fm.get(f).asText());
            }
        }
        if (product != null && product.isBlank()) {
            product = null;
        }
        String description = summary.isBlank() ? body : summary + "\n\n" + body;
        return new Incident(id, title, description, started, resolved, null, product == null ? List.of() : List.of(product),
                null, null, resolution, links, null, tags, props, FORMAT);
    }

    private static String first(JsonNode fm, String... fields) {
        for (String f : fields) {
            if (fm.hasNonNull(f) && !fm.get(f).asText().isBlank()) {
                return fm.get(f).asText();
            }
        }
        return null;
    }

    /** A title for a postmortem that has none: its first sentence, cut short. */
    private static String derivedTitle(JsonNode fm, String text) {
        String sentence = text.strip().split("(?<=[.!?])\\s+", 2)[0].replaceAll("\\s+", " ");
        if (sentence.isBlank()) {
            sentence = (fm.path("company").asText("") + " " + fm.path("product").asText("") + " postmortem").strip();
        }
        if (sentence.length() <= 120) {
            return sentence;
        }
        int cut = sentence.lastIndexOf(' ', 120);
        return sentence.substring(0, cut > 40 ? cut : 120) + " …";
    }

    /** The sentences of the body that talk about the fix, or its last paragraph. */
    static String resolutionOf(String body) {
        var sentences = new ArrayList<String>();
        for (String s : body.split("(?<=[.!?])\\s+")) {
            if (FIX.matcher(s).find()) {
                sentences.add(s.strip());
            }
        }
        if (!sentences.isEmpty()) {
            return String.join(" ", sentences.subList(0, Math.min(4, sentences.size())));
        }
        String[] paragraphs = body.split("\\n\\s*\\n");
        return paragraphs.length == 0 ? null : paragraphs[paragraphs.length - 1].strip().toLowerCase(Locale.ROOT).isEmpty()
                ? null : paragraphs[paragraphs.length - 1].strip();
    }

    private ParsedIncident reject(long line, String field, String reason) {
        return ParsedIncident.rejected(new RecordRejection(source, line, field, reason));
    }

    @Override
    public long bytesRead() {
        return bytes;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException ignored) {
            // only reading
        }
    }
}
