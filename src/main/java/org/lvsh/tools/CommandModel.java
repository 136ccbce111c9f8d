package org.lvsh.tools;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.lvsh.cli.CommandCatalog;
import org.lvsh.cli.Context;
import org.lvsh.cli.Diagnostics;
import org.lvsh.cli.Dispatcher;
import org.lvsh.cli.GlobalOptions;
import org.lvsh.cli.Settings;
import org.lvsh.libvirt.CredentialPrompter;
import org.lvsh.libvirt.Session;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * lvsh's commands as its parser sees them, built the way the dispatcher builds them (never connecting), so that
 * completion scripts and the man page describe exactly what lvsh accepts.
 */
final class CommandModel {
    /** One visible command: its catalog entry and its full parser model. */
    record Command(CommandCatalog.Entry entry, CommandSpec spec) {
        String name() {
            return entry.name();
        }
    }

    private final CommandCatalog catalog = new CommandCatalog();
    private final List<Command> commands = new ArrayList<>();
    private final CommandSpec globals = new CommandLine(new GlobalOptions()).getCommandSpec();

    CommandModel() {
        Context context = offlineContext(catalog);
        for (CommandCatalog.Entry e : catalog.visible()) {
            commands.add(new Command(e, Dispatcher.build(e, context).getCommandSpec()));
        }
    }

    /** A context whose session is never opened: building a command must not need a hypervisor. */
    private static Context offlineContext(CommandCatalog catalog) {
        Settings settings = Settings.from(new GlobalOptions());
        Session session = new Session(null, false, settings.keepalive(), CredentialPrompter.NEVER);
        return new Context(session, settings, Context.Mode.ONE_SHOT, catalog,
                Diagnostics.silent(new PrintWriter(Writer.nullWriter())));
    }

    /** The visible commands, in the catalog's (virsh's) order. */
    List<Command> commands() {
        return commands;
    }

    /** lvsh's own options, those given before the command. */
    CommandSpec globals() {
        return globals;
    }

    /** The catalog's help groups, in order. */
    static CommandCatalog.Group[] groups() {
        return CommandCatalog.Group.values();
    }

    /** The options of a command's mixins whose type is {@code mixinType} (e.g. the output options every command has). */
    static List<OptionSpec> mixinOptions(CommandSpec spec, Class<?> mixinType) {
        List<OptionSpec> options = new ArrayList<>();
        for (CommandSpec mixin : spec.mixins().values()) {
            if (mixinType.isInstance(mixin.userObject())) {
                mixin.options().stream().filter(o -> !o.hidden()).forEach(options::add);
            }
        }
        return options;
    }

    /**
     * A copy of {@code spec} holding only the arguments {@code keep} accepts (the man page documents the shared
     * options once, not under every command).
     */
    static CommandSpec subset(CommandSpec spec, java.util.function.Predicate<ArgSpec> keep) {
        CommandSpec copy = CommandSpec.create().name(spec.name());
        copy.usageMessage().header(spec.usageMessage().header()).description(spec.usageMessage().description());
        copy.parser().separator(spec.parser().separator());
        for (OptionSpec o : spec.options()) {
            if (!o.hidden() && keep.test(o)) {
                copy.addOption(o.toBuilder().build());
            }
        }
        for (PositionalParamSpec p : spec.positionalParameters()) {
            if (!p.hidden() && keep.test(p)) {
                copy.addPositional(p.toBuilder().build());
            }
        }
        new CommandLine(copy); // ManPageGenerator formats through the spec's CommandLine
        return copy;
    }

    /** Whether an option takes a value (its next word, or after '='). */
    static boolean takesValue(OptionSpec o) {
        return !o.typeInfo().isBoolean() && !o.usageHelp() && !o.versionHelp();
    }

    /** The first line of an argument's description: what completion shows beside it. */
    static String summary(ArgSpec arg) {
        return arg.description().length > 0 ? arg.description()[0] : "";
    }
}
