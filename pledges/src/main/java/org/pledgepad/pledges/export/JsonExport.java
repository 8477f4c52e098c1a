package org.pledgepad.pledges.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.pledgepad.pledges.model.PledgeDocument;
import org.pledgepad.pledges.model.PledgeLink;
import org.pledgepad.pledges.model.StatusTrack;
import org.pledgepad.pledges.model.Succession;

/**
 * The open-data JSON format: an envelope naming the format and its version, then the bundle's
 * records as Jackson writes them. Times are ISO-8601 strings. {@link #read} accepts what
 * {@link #write} produces and fails on unknown fields, so a typo in hand-edited data is reported
 * instead of silently dropped.
 */
public final class JsonExport {
    public static final String FORMAT = "pledgepad-open-data";
    /** Version 2 added {@code notes} to successions; version 1 files (without them) are still read. */
    public static final int VERSION = 2;
    public static final String MEDIA_TYPE = "application/json; charset=utf-8";

    /** The file's top level. */
    record Envelope(String format, int version, LicenceInfo licence, List<PledgeDocument> documents,
            List<PledgeLink> links, List<StatusTrack> statuses, List<Succession> successions) {}

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(timeModule())
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private JsonExport() {}

    public static ExportFile export(OpenDataBundle bundle, String fileName) {
        return ExportFile.of(fileName, MEDIA_TYPE, write(bundle));
    }

    public static String write(OpenDataBundle b) {
        Envelope e = new Envelope(FORMAT, VERSION, b.licence(), b.documents(), b.links(), b.statuses(), b.successions());
        // Fixed "\n" line ends: the platform's separator would change the bytes and so the ETag.
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return MAPPER.writer(printer).writeValueAsString(e) + "\n";
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("records of this library always serialise", ex);
        }
    }

    /**
     * Any record of this library (a {@code SuggestionSet}, a {@code ComparisonResult}, a
     * {@code StatusTrack}) as compact JSON with the same conventions as the export (ISO-8601 times,
     * enum constant names, record component names), for API responses.
     */
    public static String toJson(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("cannot serialise " + value.getClass().getName(), ex);
        }
    }

    /** Reads an export back; malformed or foreign JSON raises {@link IllegalArgumentException} with Jackson's location. */
    public static OpenDataBundle read(String json) {
        Envelope e;
        try {
            e = MAPPER.readValue(json, Envelope.class);
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("not a valid " + FORMAT + " file: " + ex.getOriginalMessage()
                    + (ex.getLocation() == null ? "" : " (Zeile " + ex.getLocation().getLineNr() + ")"), ex);
        }
        if (!FORMAT.equals(e.format()) || e.version() < 1 || e.version() > VERSION) {
            throw new IllegalArgumentException("expected format " + FORMAT + " version 1 to " + VERSION + ", got "
                    + e.format() + " version " + e.version());
        }
        if (e.licence() == null) {
            throw new IllegalArgumentException("not a valid " + FORMAT + " file: \"licence\" is missing");
        }
        try {
            return new OpenDataBundle(e.licence(), e.documents(), e.links(), e.statuses(), e.successions());
        } catch (NullPointerException ex) {   // a list holding null
            throw new IllegalArgumentException("not a valid " + FORMAT + " file: empty entry in a list", ex);
        }
    }

    private static SimpleModule timeModule() {
        SimpleModule m = new SimpleModule("iso-time");
        add(m, Instant.class, Instant::parse);
        add(m, LocalDate.class, LocalDate::parse);
        return m;
    }

    private static <T> void add(SimpleModule m, Class<T> type, Function<String, T> parse) {
        m.addSerializer(type, new JsonSerializer<T>() {
            @Override
            public void serialize(T value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(value.toString());
            }
        });
        m.addDeserializer(type, new JsonDeserializer<T>() {
            @Override
            public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                String s = p.getValueAsString();
                try {
                    return parse.apply(s);
                } catch (RuntimeException ex) {
                    return type.cast(ctxt.handleWeirdStringValue(type, s, "not an ISO-8601 value"));
                }
            }
        });
    }
}
