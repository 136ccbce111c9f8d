package org.lvsh.cli;

import org.lvsh.output.Format;
import picocli.CommandLine.Option;

/** Output options every command takes; unset ones fall back to the global ones. */
public final class OutputOptions {
    @Option(names = "--json", description = "JSON output (the same as -o json).")
    boolean json;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT",
            description = "Output format: table, json, yaml, csv or name.",
            converter = FormatConverter.class, completionCandidates = FormatConverter.Names.class)
    Format format;

    @Option(names = {"-q", "--quiet"}, description = "No table headers, totals or trailing blank line.")
    boolean quiet;

    @Option(names = "--no-headers", description = "Tables without their header lines.")
    boolean noHeaders;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this command's help.")
    boolean help;

    /** The format asked for here, or null to use the global one. */
    Format format() {
        if (json && format != null && format != Format.JSON) {
            throw Failure.usage("--json and -o " + format.name().toLowerCase(java.util.Locale.ROOT)
                    + " ask for different formats");
        }
        return json ? Format.JSON : format;
    }
}
