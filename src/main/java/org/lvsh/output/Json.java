package org.lvsh.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * JSON for scripts: snake_case keys from the records' component names, nulls kept (a missing value is null),
 * pretty by default; one-line documents for stderr errors and event streams.
 */
public final class Json {
    private static ObjectMapper mapper;
    private static ObjectWriter pretty;
    private static ObjectWriter line;

    private Json() {
    }

    /** Built on first use: Jackson costs a noticeable part of a start-up that does not print JSON. */
    public static synchronized ObjectMapper mapper() {
        if (mapper == null) {
            mapper = JsonMapper.builder()
                    .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                    .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                    .build();
            mapper.getFactory().setCharacterEscapes(new ControlEscapes());
            Separators separators = Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER);
            pretty = mapper.writer(new DefaultPrettyPrinter(separators)
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n")));
            // One line, but spaced as people write JSON: {"error": {"code": "...", "number": 42}}
            DefaultPrettyPrinter oneLine = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEntrySpacing(Separators.Spacing.AFTER)
                    .withArrayValueSpacing(Separators.Spacing.AFTER))
                    .withObjectIndenter(new DefaultPrettyPrinter.NopIndenter())
                    .withArrayIndenter(new DefaultPrettyPrinter.NopIndenter());
            line = mapper.writer(oneLine);
        }
        return mapper;
    }

    /**
     * JSON escapes control characters below 0x20 by itself; DEL and the C1 controls (0x80-0x9f, a terminal's
     * CSI among them) go out as \\u escapes too, so that a JSON line on a terminal never carries one raw.
     */
    private static final class ControlEscapes extends com.fasterxml.jackson.core.io.CharacterEscapes {
        private final int[] ascii = standardAsciiEscapesForJSON();

        ControlEscapes() {
            ascii[0x7f] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public com.fasterxml.jackson.core.SerializableString getEscapeSequence(int ch) {
            return ch >= 0x80 && ch <= 0x9f
                    ? new com.fasterxml.jackson.core.io.SerializedString(String.format("\\u%04x", ch)) : null;
        }
    }

    public static String pretty(Object value) {
        mapper();
        return write(pretty, value);
    }

    public static String line(Object value) {
        mapper();
        return write(line, value);
    }

    private static String write(ObjectWriter writer, Object value) {
        try {
            return writer.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render JSON: " + e.getOriginalMessage(), e);
        }
    }
}
