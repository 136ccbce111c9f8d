package org.lvsh.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Help in virsh's layout (NAME, SYNOPSIS, DESCRIPTION, OPTIONS), drawn from the picocli model, so that it cannot
 * drift from what the parser accepts. lvsh's shared options (output, run-wide) follow in sections of their own.
 */
public final class HelpPrinter {
    private HelpPrinter() {
    }

    /** help CMD, CMD --help. */
    public static void command(CommandCatalog.Entry entry, CommandSpec spec, PrintWriter out) {
        out.println("  NAME");
        out.printf("    %s - %s%n", entry.name(), entry.summary());
        out.println();
        out.println("  SYNOPSIS");
        StringBuilder synopsis = new StringBuilder("    " + entry.name());
        List<String[]> rows = new ArrayList<>();
        for (Item item : items(spec)) {
            synopsis.append(' ').append(item.synopsis());
            rows.add(new String[] {item.usage(), item.help()});
        }
        out.println(synopsis);
        String[] description = spec.usageMessage().description();
        if (description.length > 0) {
            out.println();
            out.println("  DESCRIPTION");
            for (String line : description) {
                out.println("    " + line);
            }
        }
        if (!rows.isEmpty()) {
            out.println();
            out.println("  OPTIONS");
            for (String[] row : rows) {
                out.printf(Locale.ROOT, "    %-15s  %s%n", row[0], row[1]);
            }
        }
        for (CommandSpec mixin : spec.mixins().values()) {
            if (!(mixin.userObject() instanceof OutputOptions || mixin.userObject() instanceof SessionOptions)) {
                continue;
            }
            List<OptionSpec> shared = mixin.options().stream().filter(o -> !o.hidden()).toList();
            if (shared.isEmpty()) {
                continue;
            }
            out.println();
            out.println(mixin.userObject() instanceof SessionOptions ? "  RUN-WIDE OPTIONS (one-shot mode)"
                    : "  OUTPUT OPTIONS");
            for (OptionSpec o : shared) {
                String names = String.join(", ", o.names());
                String usage = o.typeInfo().isBoolean() ? names : names + " <" + o.paramLabel().toLowerCase(Locale.ROOT) + ">";
                out.printf(Locale.ROOT, "    %-15s  %s%n", usage, String.join(" ", o.description()));
            }
        }
        out.println();
        out.flush();
    }

    /** One of the command's own options as virsh shows it; a positional and its --name twin are one item. */
    private record Item(String name, Kind kind, boolean positional, String help) {
        String synopsis() {
            return switch (kind) {
                case BOOL -> "[--" + name + "]";
                case DATA -> "<" + name + ">";
                case ARGV -> "[<" + name + ">]...";
                case INT -> "[--" + name + " <number>]";
                case STRING -> "[--" + name + " <string>]";
            };
        }

        String usage() {
            return switch (kind) {
                case BOOL -> "--" + name;
                case DATA -> "[--" + name + "] <string>";
                case ARGV -> "<" + name + ">";
                case INT -> "--" + name + " <number>";
                case STRING -> "--" + name + " <string>";
            };
        }
    }

    /** ARGV: virsh's list of words, all the data left (echo's strings, domstats [<domain>]...). */
    private enum Kind { BOOL, DATA, INT, STRING, ARGV }

    private static List<Item> items(CommandSpec spec) {
        // Shared options get sections of their own; the shared DOMAIN argument is the command's own.
        Set<ArgSpec> shared = new HashSet<>();
        for (CommandSpec mixin : spec.mixins().values()) {
            if (!(mixin.userObject() instanceof DomainArgument)) {
                shared.addAll(mixin.args());
            }
        }
        boolean optionalDomain = false;
        for (java.util.Map.Entry<String, CommandSpec> m : spec.mixins().entrySet()) {
            if (m.getValue().userObject() instanceof DomainArgument) {
                var element = spec.mixinAnnotatedElements().get(m.getKey());
                optionalDomain = element != null && element.isAnnotationPresent(DomainArgument.Optional.class);
            }
        }
        List<Item> items = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ArgSpec arg : spec.args()) {
            if (arg.hidden() || shared.contains(arg)) {
                continue;
            }
            String name = arg instanceof OptionSpec o ? o.longestName().replaceFirst("^-+", "")
                    : arg.paramLabel().toLowerCase(Locale.ROOT);
            if (!seen.add(name)) {
                continue;
            }
            Class<?> type = arg.type();
            boolean numeric = type == int.class || type == Integer.class || type == long.class || type == Long.class
                    || arg.userObject() instanceof java.lang.reflect.Field f && f.isAnnotationPresent(NumberWithUnit.class);
            boolean domain = "domain".equals(name);
            // virsh's required DATA argument; an optional one is an option as any other, [--domain <string>]
            Kind kind = arg.typeInfo().isBoolean() ? Kind.BOOL
                    : arg.isMultiValue() ? Kind.ARGV
                    : domain && !optionalDomain ? Kind.DATA
                    : numeric ? Kind.INT : Kind.STRING;
            String help = String.join(" ", arg.description());
            items.add(new Item(name, kind, arg instanceof PositionalParamSpec,
                    domain && optionalDomain ? "filter by " + help : help));
        }
        return items;
    }

    /** help: every visible command by group, as virsh lists them. */
    public static void overview(CommandCatalog catalog, PrintWriter out) {
        out.println("Grouped commands:");
        out.println();
        for (CommandCatalog.Group group : CommandCatalog.Group.values()) {
            group(catalog, group, out);
            out.println();
        }
        out.flush();
    }

    /** help GROUP: one group's commands. */
    public static void group(CommandCatalog catalog, CommandCatalog.Group group, PrintWriter out) {
        out.printf(" %s (help keyword '%s'):%n", group.title, group.keyword);
        for (CommandCatalog.Entry e : catalog.visible()) {
            if (e.group() == group) {
                out.printf(Locale.ROOT, "    %-30s %s%n", e.name(), e.summary());
            }
        }
    }
}
