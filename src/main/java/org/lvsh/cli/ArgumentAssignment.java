package org.lvsh.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Reads a command's words as virsh does, before picocli sees them, and hands picocli only named options.
 * <ul>
 * <li>{@code --name} and {@code --name=value} are options; a value option takes the next word whatever it is;
 * {@code =} after an option without a value is "invalid '=' after option --name".</li>
 * <li>A word of lvsh's short options ({@code -q}, {@code -o}, the run-wide {@code -c}, {@code -d}, ...) counts
 * only as that exact word: clustered or attached forms ({@code -dash}) are data, as in virsh.</li>
 * <li>Any other word, and every word after {@code --}, is data: it fills the first positional-capable option
 * (the command's positionals, in order, each the twin of its {@code --name}) not yet given, by name or by
 * data. No such option left: "unexpected data 'WORD'" (help ignores it, as virsh does).</li>
 * </ul>
 */
public final class ArgumentAssignment {
    private ArgumentAssignment() {
    }

    /**
     * On a command whose positional-capable options are not all positionals of its own (event: virsh fills
     * --domain, --event and --timeout from bare words): those options, in virsh's order.
     */
    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @java.lang.annotation.Target(java.lang.annotation.ElementType.TYPE)
    public @interface Positionals {
        String[] value();
    }

    static String[] assign(CommandSpec spec, List<String> args) {
        List<OptionSpec> slots = new ArrayList<>();
        Positionals declared = spec.userObject() == null ? null
                : spec.userObject().getClass().getAnnotation(Positionals.class);
        for (String name : declared == null ? new String[0] : declared.value()) {
            OptionSpec option = spec.findOption(name);
            if (option == null) {
                throw new IllegalStateException(spec.name() + " has no option " + name);
            }
            slots.add(option);
        }
        OptionSpec argv = null;
        for (PositionalParamSpec p : declared != null ? List.<PositionalParamSpec>of() : spec.positionalParameters()) {
            if (p.arity().max() > 1) {
                // virsh's ARGV (echo's strings): every word of data left, through its --name twin
                argv = spec.findOption("--" + p.paramLabel().toLowerCase(Locale.ROOT));
                if (argv == null || !argv.isMultiValue()) {
                    return args.toArray(new String[0]); // a list of words (complete): picocli's own reading
                }
                slots.add(argv);
                continue;
            }
            OptionSpec twin = spec.findOption("--" + p.paramLabel().toLowerCase(Locale.ROOT));
            if (twin == null) {
                return args.toArray(new String[0]);
            }
            slots.add(twin);
        }
        boolean help = "help".equals(spec.name());
        List<String> out = new ArrayList<>();
        boolean dataOnly = false;
        for (int i = 0; i < args.size(); i++) {
            String word = args.get(i);
            if (!dataOnly && word.equals("--")) {
                dataOnly = true;
                continue;
            }
            if (!dataOnly && word.startsWith("--") && word.length() > 2 && Character.isLetterOrDigit(word.charAt(2))) {
                int eq = word.indexOf('=');
                String name = eq < 0 ? word : word.substring(0, eq);
                OptionSpec option = spec.findOption(name);
                if (option == null || !option.names()[0].startsWith("-") || !List.of(option.names()).contains(name)) {
                    out.add(word); // picocli's "doesn't support option" (no abbreviations, as virsh)
                    continue;
                }
                if (option != argv) {
                    slots.remove(option);
                }
                if (option.typeInfo().isBoolean() || option.arity().max() == 0) {
                    if (eq >= 0) {
                        throw Failure.syntax("invalid '=' after option " + name);
                    }
                    out.add(word);
                } else if (eq >= 0) {
                    out.add(name);
                    out.add(word.substring(eq + 1));
                } else {
                    out.add(word);
                    if (i + 1 < args.size()) {
                        out.add(args.get(++i));
                    }
                }
                continue;
            }
            OptionSpec shortOption = dataOnly || !word.startsWith("-") || word.startsWith("--") ? null
                    : spec.findOption(word);
            if (shortOption != null && List.of(shortOption.names()).contains(word)) {
                out.add(word);
                if (!shortOption.typeInfo().isBoolean() && shortOption.arity().max() > 0 && i + 1 < args.size()) {
                    out.add(args.get(++i));
                }
                continue;
            }
            if (slots.isEmpty()) {
                if (help) {
                    continue;
                }
                throw Failure.syntax("unexpected data '" + word + "'");
            }
            OptionSpec slot = slots.get(0) == argv ? argv : slots.remove(0);
            out.add(slot.longestName());
            out.add(word);
        }
        return out.toArray(new String[0]);
    }
}
