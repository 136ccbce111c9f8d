package org.lvsh.complete;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.lvsh.cli.CommandCatalog;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Completion for the interactive shell and for shell scripts (lvsh complete), one piece of code for both, as in
 * virsh. Works on words: the command, its options, option values and positional arguments, with candidates
 * declared on the picocli model (completionCandidates) so that completion cannot drift from parsing.
 */
public final class CompletionEngine {
    /** One completion: the value to insert, a short description, and whether a space may follow. */
    public record Suggestion(String value, String description, boolean complete) {
    }

    private final CommandCatalog catalog;
    private final Function<String, CommandSpec> specs;
    private final CommandSpec globals;
    private final Candidates live;

    /**
     * @param specs the parser model of a command by name (null for unknown names)
     * @param globals lvsh's own options when completing a whole lvsh command line, null inside the shell
     * @param live the run's live values (domains, cells, hosts...)
     */
    public CompletionEngine(CommandCatalog catalog, Function<String, CommandSpec> specs, CommandSpec globals,
                            Candidates live) {
        this.catalog = catalog;
        this.specs = specs;
        this.globals = globals;
        this.live = live;
    }

    /** Suggestions for the last word of {@code words}, which is what has been typed of it so far. */
    public List<Suggestion> complete(List<String> words) {
        if (words.isEmpty()) {
            return commands("");
        }
        int current = words.size() - 1;
        String prefix = words.get(current);
        int start = 0;
        if (globals != null) {
            int i = skipOptions(globals, words, 0, current);
            if (i == current && !prefix.startsWith("-") && CommandStringCompletion.isCommandString(prefix)) {
                // lvsh 'nodeinfo; dominfo t<TAB>': one word, run as a command string, completed as it will run
                return CommandStringCompletion.complete(prefix, new CompletionEngine(catalog, specs, null, live));
            }
            if (i >= current) {
                return inOptions(globals, words, current, prefix, true);
            }
            start = i;
        }
        // separate words are one command's, as they run: a ';' among them is a value, not a separator
        if (current == start) {
            return commands(prefix);
        }
        CommandSpec spec = specs.apply(words.get(start));
        if (spec == null) {
            return List.of();
        }
        return inCommand(spec, words, start, current, prefix);
    }

    private List<Suggestion> commands(String prefix) {
        List<Suggestion> out = new ArrayList<>();
        for (CommandCatalog.Entry e : catalog.visible()) {
            if (e.name().startsWith(prefix)) {
                out.add(new Suggestion(e.name(), e.summary(), true));
            }
        }
        return out;
    }

    /** Completing among lvsh's global options: option names, an option's value, or the command name. */
    private List<Suggestion> inOptions(CommandSpec spec, List<String> words, int current, String prefix,
                                       boolean commandNext) {
        OptionSpec previous = current > 0 ? valueOption(spec, words.get(current - 1)) : null;
        if (previous != null) {
            return values(previous, prefix, "");
        }
        List<Suggestion> attached = attachedValue(spec, prefix);
        if (attached != null) {
            return attached;
        }
        if (prefix.startsWith("-")) {
            return options(spec, prefix, words, 0, current, false);
        }
        return commandNext ? commands(prefix) : List.of();
    }

    private List<Suggestion> inCommand(CommandSpec spec, List<String> words, int start, int current,
                                       String prefix) {
        OptionSpec previous = valueOption(spec, words.get(current - 1));
        if (previous != null && current - 1 > start) {
            return values(previous, prefix, "");
        }
        List<Suggestion> attached = attachedValue(spec, prefix);
        if (attached != null) {
            return attached;
        }
        if (prefix.startsWith("-")) {
            return options(spec, prefix, words, start + 1, current, globals == null);
        }
        PositionalParamSpec positional = positionalAt(spec, positionalIndex(spec, words, start + 1, current));
        List<Suggestion> values = positional == null ? List.of() : values(positional, prefix, "");
        if (values.isEmpty() && prefix.isEmpty()) {
            return options(spec, prefix, words, start + 1, current, globals == null);
        }
        return values;
    }

    /** The value of "--option=val", completed with its "--option=" kept; null when the word is not one. */
    private List<Suggestion> attachedValue(CommandSpec spec, String prefix) {
        int eq = prefix.indexOf('=');
        if (!prefix.startsWith("--") || eq < 0) {
            return null;
        }
        OptionSpec option = spec.findOption(prefix.substring(0, eq));
        return option == null || option.typeInfo().isBoolean() ? List.of()
                : values(option, prefix.substring(eq + 1), prefix.substring(0, eq + 1));
    }

    /** The option named by {@code word} if it takes a separate value ("--cellno", not "--cellno=1"). */
    private static OptionSpec valueOption(CommandSpec spec, String word) {
        if (!word.startsWith("-") || word.contains("=")) {
            return null;
        }
        OptionSpec option = spec.findOption(word);
        return option != null && !option.typeInfo().isBoolean() && !option.usageHelp() && !option.versionHelp()
                ? option : null;
    }

    /** Index of the first word after the leading options (and their values) from {@code from}. */
    private static int skipOptions(CommandSpec spec, List<String> words, int from, int limit) {
        int i = from;
        while (i < limit && words.get(i).startsWith("-") && words.get(i).length() > 1) {
            i += valueOption(spec, words.get(i)) != null ? 2 : 1;
        }
        return i;
    }

    private static int positionalIndex(CommandSpec spec, List<String> words, int from, int current) {
        int index = 0;
        for (int i = from; i < current; i++) {
            String w = words.get(i);
            if (w.equals("--")) {
                continue;
            }
            if (w.startsWith("-") && w.length() > 1 && spec.findOption(w.split("=", 2)[0]) != null) {
                if (valueOption(spec, w) != null) {
                    i++;
                }
                continue;
            }
            index++;
        }
        return index;
    }

    private static PositionalParamSpec positionalAt(CommandSpec spec, int index) {
        for (PositionalParamSpec p : spec.positionalParameters()) {
            if (!p.hidden() && p.index().contains(index)) {
                return p;
            }
        }
        return null;
    }

    /**
     * @param inShell the interactive shell refuses the run-wide options a one-shot command also takes (-c, -r,
     *                -t...): they are not offered there
     */
    private static List<Suggestion> options(CommandSpec spec, String prefix, List<String> words, int from,
                                            int current, boolean inShell) {
        Set<String> used = new LinkedHashSet<>(words.subList(Math.min(from, current), current));
        Set<String> refused = new java.util.HashSet<>();
        if (inShell) {
            for (CommandSpec mixin : spec.mixins().values()) {
                if (mixin.userObject() instanceof org.lvsh.cli.SessionOptions) {
                    mixin.options().forEach(o -> refused.add(o.longestName()));
                }
            }
        }
        List<Suggestion> out = new ArrayList<>();
        for (OptionSpec o : spec.options()) {
            if (o.hidden() || refused.contains(o.longestName())) {
                continue;
            }
            String name = o.longestName();
            boolean repeatable = o.isMultiValue();
            if (!repeatable && used.stream().anyMatch(w -> o.names().length > 0
                    && java.util.Arrays.asList(o.names()).contains(w.split("=", 2)[0]))) {
                continue;
            }
            if (name.startsWith(prefix)) {
                out.add(new Suggestion(name, o.description().length > 0 ? o.description()[0] : "", true));
            } else {
                for (String alias : o.names()) {
                    if (!alias.equals(name) && alias.startsWith(prefix) && prefix.length() > 1) {
                        out.add(new Suggestion(alias, o.description().length > 0 ? o.description()[0] : "", true));
                    }
                }
            }
        }
        return out;
    }

    private List<Suggestion> values(ArgSpec arg, String prefix, String insertPrefix) {
        Iterable<String> source = arg.completionCandidates();
        if (source == null) {
            return List.of();
        }
        Iterable<String> all = source instanceof LiveCandidates l ? live.values(l.kind(), prefix) : source;
        Set<String> seen = new LinkedHashSet<>();
        for (String v : all) {
            if (v.startsWith(prefix)) {
                seen.add(v);
            }
        }
        List<Suggestion> out = new ArrayList<>(seen.size());
        for (String v : seen) {
            out.add(new Suggestion(insertPrefix + v, "", true));
        }
        return out;
    }
}
