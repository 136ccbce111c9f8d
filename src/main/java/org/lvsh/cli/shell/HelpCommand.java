package org.lvsh.cli.shell;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.lvsh.cli.CommandCatalog;
import org.lvsh.cli.Dispatcher;
import org.lvsh.cli.Failure;
import org.lvsh.cli.HelpPrinter;
import org.lvsh.cli.LvshCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

@Command(name = "help", header = "print help",
        description = {"Prints global help, command specific help, or help for a", "group of related commands"})
public final class HelpCommand extends LvshCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "COMMAND",
            description = "Prints global help, command specific help, or help for a group of related commands",
            completionCandidates = CommandCandidates.class)
    String positional;

    @Option(names = "--command", paramLabel = "COMMAND", completionCandidates = CommandCandidates.class,
            description = "Prints global help, command specific help, or help for a group of related commands")
    String command;

    @Unmatched
    List<String> ignored = new ArrayList<>(); // virsh's help ignores what it does not understand

    /** JSON shape of help: the commands and their groups. */
    public record CommandSummary(String name, String group, String summary) {
    }

    @Override
    protected void run() {
        CommandCatalog catalog = context.catalog();
        String topic = positional != null ? positional : command;
        PrintWriter out = spec.commandLine().getOut();
        if (topic == null) {
            output().emit(summaries(catalog, null), o -> HelpPrinter.overview(catalog, out));
            return;
        }
        CommandCatalog.Entry entry = catalog.find(topic);
        if (entry != null && !entry.hidden()) {
            output().emit(summaries(catalog, entry), o -> HelpPrinter.command(entry,
                    Dispatcher.build(entry, context).getCommandSpec(), out));
            return;
        }
        CommandCatalog.Group group = catalog.group(topic);
        if (group == null) {
            throw Failure.failed("command or command group '" + topic + "' doesn't exist");
        }
        List<CommandSummary> members = new ArrayList<>();
        for (CommandSummary s : summaries(catalog, null)) {
            if (s.group().equals(group.keyword)) {
                members.add(s);
            }
        }
        output().emit(members, o -> HelpPrinter.group(catalog, group, out));
    }

    private static List<CommandSummary> summaries(CommandCatalog catalog, CommandCatalog.Entry only) {
        List<CommandSummary> list = new ArrayList<>();
        for (CommandCatalog.Entry e : catalog.visible()) {
            if (only == null || only == e) {
                list.add(new CommandSummary(e.name(), e.group().keyword, e.summary()));
            }
        }
        return list;
    }
}
