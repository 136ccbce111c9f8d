package org.lvsh.cli;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.lvsh.output.Format;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** -o FORMAT: the format names in lower case, as kubectl and incus spell them. */
public final class FormatConverter implements ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
        try {
            return Format.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("unknown output format '" + value
                    + "' (expected table, json, yaml, csv or name)");
        }
    }

    /** Completion candidates for -o. */
    public static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("table", "json", "yaml", "csv", "name").iterator();
        }
    }
}
