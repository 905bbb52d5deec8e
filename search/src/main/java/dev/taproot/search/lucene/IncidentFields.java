package dev.taproot.search.lucene;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;

import dev.taproot.graph.model.Incident;

/**
 * The fields of an incident document. Text fields are analysed (English, stop words, stemming) and
 * scored with BM25; keyword fields hold normalised names for exact structured matches; stored fields
 * carry what a hit shows (the graph keeps the rest).
 */
final class IncidentFields {

    static final String ID = "id";
    /**
     * Version of this document layout, kept in the index's commit data: an index written with another
     * layout is rebuilt from the graph when it is opened.
     */
    static final String SCHEMA_VERSION = "2";
    // analysed text
    static final String TITLE = "title";
    /** What happened and how it was fixed: description and resolution. */
    static final String TEXT = "text";
    /** The incident's facts as words: root cause, fault type, affected entities, tags and alerts. */
    static final String CONTEXT = "context";
    static final List<String> TEXT_FIELDS = List.of(TITLE, TEXT, CONTEXT);
    /**
     * Analysed text is indexed with term frequencies but no positions: the similar-incident query
     * scores terms, never phrases, and positions would be most of the postings written.
     */
    private static final FieldType ANALYSED = analysed(false);
    private static final FieldType ANALYSED_STORED = analysed(true);
    // keywords
    static final String SERVICE = "service";
    static final String ROOT_CAUSE = "rootcause";
    static final String FAULT = "fault";
    static final String ALERT = "alert";
    static final String TAG = "tag";
    static final String FINGERPRINT = "fp";
    // stored / doc values
    static final String STARTED = "started";
    static final String EXCERPT = "excerpt";
    static final String LINK = "link";
    static final String RESOLVED_BY = "resolvedBy";
    static final String ROOT_CAUSE_STORED = "rootCauseStored";
    static final String FAULT_STORED = "faultStored";
    static final String AFFECTED_STORED = "affectedStored";

    static final int DEFAULT_EXCERPT_CHARS = 320;

    private IncidentFields() {
    }

    static Document document(Incident i) {
        var doc = new Document();
        doc.add(new StringField(ID, i.id(), Field.Store.YES));
        doc.add(new SortedDocValuesField(ID, new BytesRef(i.id())));
        doc.add(new Field(TITLE, i.title(), ANALYSED_STORED));
        doc.add(new Field(TEXT, i.resolution() == null ? i.description() : i.description() + "\n" + i.resolution(), ANALYSED));
        if (i.resolution() != null) {
            doc.add(new StoredField(EXCERPT, excerpt(i.resolution(), DEFAULT_EXCERPT_CHARS)));
        }
        doc.add(new Field(CONTEXT, contextText(i), ANALYSED));

        for (String name : Keywords.entityNames(affectedAndCause(i))) {
            doc.add(new StringField(SERVICE, name, Field.Store.NO));
        }
        for (String name : Keywords.entityNames(i.rootCause())) {
            doc.add(new StringField(ROOT_CAUSE, name, Field.Store.NO));
        }
        if (i.faultType() != null && !Keywords.token(i.faultType()).isEmpty()) {
            doc.add(new StringField(FAULT, Keywords.token(i.faultType()), Field.Store.NO));
            doc.add(new StringField(FINGERPRINT, "fault:" + Keywords.token(i.faultType()), Field.Store.NO));
        }
        for (String alert : strings(i.properties().get("alerts"))) {
            doc.add(new StringField(ALERT, Keywords.token(alert), Field.Store.NO));
        }
        for (String tag : i.tags()) {
            doc.add(new StringField(TAG, Keywords.token(tag), Field.Store.NO));
        }
        for (String fp : strings(i.properties().get("fingerprint"))) {
            doc.add(new StringField(FINGERPRINT, fingerprintToken(fp), Field.Store.NO));
        }
        if (i.started() != null) {
            doc.add(new NumericDocValuesField(STARTED, i.started().toEpochMilli()));
            doc.add(new StoredField(STARTED, i.started().toEpochMilli()));
        }
        i.links().forEach(l -> doc.add(new StoredField(LINK, l)));
        i.affected().forEach(a -> doc.add(new StoredField(AFFECTED_STORED, a)));
        if (i.resolvedBy() != null) {
            doc.add(new StoredField(RESOLVED_BY, i.resolvedBy()));
        }
        if (i.rootCause() != null) {
            doc.add(new StoredField(ROOT_CAUSE_STORED, i.rootCause()));
        }
        if (i.faultType() != null) {
            doc.add(new StoredField(FAULT_STORED, i.faultType()));
        }
        return doc;
    }

    private static FieldType analysed(boolean stored) {
        var type = new FieldType(stored ? TextField.TYPE_STORED : TextField.TYPE_NOT_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        type.freeze();
        return type;
    }

    /** A fingerprint token normalised as {@code FailureFingerprint} writes them (letters, digits, {@code > : }). */
    static String fingerprintToken(String raw) {
        var sb = new StringBuilder();
        for (char c : raw.toCharArray()) {
            if (Character.isLetterOrDigit(c) || c == '>' || c == ':') {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }

    private static List<String> affectedAndCause(Incident i) {
        var all = new ArrayList<>(i.affected());
        if (i.rootCause() != null) {
            all.add(i.rootCause());
        }
        return all;
    }

    /**
     * The incident's facts as words: the fault type, the entity references split at {@code /} (so
     * {@code service/cart-service} matches "cart"), tags and alert names.
     */
    private static String contextText(Incident i) {
        var words = new ArrayList<String>();
        if (i.faultType() != null) {
            words.add(i.faultType().replace('_', ' '));
        }
        affectedAndCause(i).forEach(ref -> words.add(ref.replace('/', ' ')));
        words.addAll(i.tags());
        words.addAll(strings(i.properties().get("alerts")));
        return String.join(" ", words);
    }

    @SuppressWarnings("unchecked")
    static List<String> strings(Object value) {
        if (value instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(String.valueOf(value));
    }

    /** The beginning of a text, cut at a sentence or word boundary. */
    static String excerpt(String text, int max) {
        String t = collapseWhitespace(text, max + 1);
        if (t.length() <= max) {
            return t;
        }
        int cut = t.lastIndexOf(". ", max);
        if (cut < max / 2) {
            cut = t.lastIndexOf(' ', max);
        }
        return (cut > 0 ? t.substring(0, cut + 1).strip() : t.substring(0, max)) + " …";
    }

    /** The text with runs of whitespace as one space, trimmed, and no longer than {@code limit}. */
    private static String collapseWhitespace(String text, int limit) {
        var sb = new StringBuilder(Math.min(text.length(), limit));
        boolean space = false;
        for (int i = 0; i < text.length() && sb.length() < limit; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                space = sb.length() > 0;
            } else {
                if (space) {
                    sb.append(' ');
                    space = false;
                }
                sb.append(c);
            }
        }
        return sb.length() > limit ? sb.substring(0, limit) : sb.toString();
    }

    static Map<String, Float> defaultBoosts() {
        return Map.of(TITLE, 1.5f, TEXT, 1.0f, CONTEXT, 1.5f);
    }
}
