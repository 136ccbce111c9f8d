package org.lvsh.tools;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.lvsh.cli.CommandCatalog;
import org.lvsh.cli.OutputOptions;
import org.lvsh.cli.SessionOptions;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The parts of lvsh(1) that come from the command definitions, as AsciiDoc for man/lvsh.adoc to include: lvsh's
 * own options, every command (grouped as `help` groups them) and the options all commands share. picocli-codegen's
 * ManPageGenerator writes each command's synopsis and option list; this class picks its tagged sections and puts
 * them under lvsh's headings, since lvsh is one page with one section per command, not a page per command.
 */
final class ManPieces {
    private static final Pattern HEADING = Pattern.compile("(?m)^== .*\\R");
    private static final Pattern EMPTY_LONG_NAME = Pattern.compile("(?m)^(\\*-\\w\\*), ::$");

    private final CommandModel model;

    ManPieces(CommandModel model) {
        this.model = model;
    }

    /** The OPTIONS section's body: lvsh's own options and the COMMAND argument. */
    String globalOptions() {
        String page = manPage(model.globals());
        return section(page, "options") + section(page, "arguments");
    }

    /** One level-1 section per help group, one level-2 section per command in it. */
    String commands() {
        StringBuilder out = new StringBuilder();
        for (CommandCatalog.Group group : CommandModel.groups()) {
            List<CommandModel.Command> members = model.commands().stream()
                    .filter(c -> c.entry().group() == group).toList();
            if (members.isEmpty()) {
                continue;
            }
            out.append("== ").append(group.title).append(" commands\n\n")
                    .append("`lvsh help ").append(group.keyword).append("` lists these commands.\n\n");
            for (CommandModel.Command c : members) {
                out.append(command(c));
            }
        }
        return out.toString();
    }

    /** A command: its synopsis, what it does, then its own options and arguments (the shared ones are apart). */
    private String command(CommandModel.Command c) {
        Set<ArgSpec> shared = sharedArgs(c.spec());
        String page = manPage(CommandModel.subset(c.spec(), a -> !shared.contains(a)));
        StringBuilder out = new StringBuilder("=== ").append(c.name()).append("\n\n");
        out.append(section(page, "synopsis").strip()).append("\n\n");
        String description = section(page, "description").strip();
        out.append(description.isEmpty() ? capitalized(c.entry().summary()) + "." : description).append("\n\n");
        String args = section(page, "options") + section(page, "arguments");
        if (!args.isBlank()) {
            out.append(args.strip()).append("\n\n");
        }
        return out.toString();
    }

    /** The options every command takes ({@link OutputOptions}) and those of the commands that connect. */
    String commonOptions() {
        CommandSpec any = model.commands().get(0).spec();
        List<CommandModel.Command> connected = model.commands().stream().filter(ManPieces::connects).toList();
        String others = model.commands().stream().filter(c -> !connects(c)).map(c -> "*" + c.name() + "*")
                .collect(Collectors.joining(", ")).replaceFirst(", ([^,]*)$", " and $1");
        return "Every command takes the output options; all but " + others
                + " also take the run-wide options.\n\n"
                + "=== Output options\n\n"
                + "Given after a command, they apply to it; lvsh's own options of the same names, given before "
                + "the command, apply to every command of the run.\n\n"
                + optionList(any, OutputOptions.class)
                + "=== Run-wide options\n\n"
                + "In one-shot mode, lvsh's own options that concern the whole run may also follow the command "
                + "(`lvsh nodeinfo -c test:///default`); in the shell and in scripts they are refused there: "
                + "use *connect*.\n\n"
                + optionList(connected.get(0).spec(), SessionOptions.class);
    }

    private static boolean connects(CommandModel.Command c) {
        return !CommandModel.mixinOptions(c.spec(), SessionOptions.class).isEmpty();
    }

    private String optionList(CommandSpec spec, Class<?> mixinType) {
        List<OptionSpec> options = CommandModel.mixinOptions(spec, mixinType);
        String page = manPage(CommandModel.subset(spec, options::contains));
        return section(page, "options").strip() + "\n\n";
    }

    private static Set<ArgSpec> sharedArgs(CommandSpec spec) {
        return spec.mixins().values().stream()
                .filter(m -> m.userObject() instanceof OutputOptions || m.userObject() instanceof SessionOptions)
                .flatMap(m -> m.args().stream())
                .collect(Collectors.toSet());
    }

    /** A tagged section of a ManPageGenerator page, without its own heading. */
    private static String section(String page, String tag) {
        Matcher m = Pattern.compile("// tag::picocli-generated-man-section-" + tag + "\\[]\\R(.*?)"
                + "// end::picocli-generated-man-section-" + tag + "\\[]", Pattern.DOTALL).matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("ManPageGenerator wrote no " + tag + " section");
        }
        String body = HEADING.matcher(m.group(1)).replaceAll("");
        // ManPageGenerator 4.7.7 writes "*-v*, ::" for an option with a short name only.
        return EMPTY_LONG_NAME.matcher(body).replaceAll("$1::");
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /**
     * ManPageGenerator's page for one command. Called by reflection: picocli-codegen is a build-time tool that
     * the exec plugin puts on the class path, not a dependency of lvsh (nor part of its jar).
     */
    private static String manPage(CommandSpec spec) {
        StringWriter text = new StringWriter();
        try {
            Method write = Class.forName("picocli.codegen.docgen.manpage.ManPageGenerator")
                    .getMethod("writeSingleManPage", PrintWriter.class, CommandSpec.class);
            try (PrintWriter pw = new PrintWriter(text)) {
                write.invoke(null, pw, spec);
            }
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("picocli-codegen is not on the class path (run through Maven)", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("ManPageGenerator failed", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return text.toString().replace("\r\n", "\n");
    }
}
