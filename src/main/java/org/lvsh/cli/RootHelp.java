package org.lvsh.cli;

import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** lvsh --help: virsh's usage page, drawn from the global options and the command catalog. */
public final class RootHelp {
    private RootHelp() {
    }

    public static void print(CommandSpec globals, CommandCatalog catalog, PrintWriter out) {
        out.println();
        out.println("lvsh [options]... [<command_string>]");
        out.println("lvsh [options]... <command> [args...]");
        out.println();
        out.println("  options:");
        for (OptionSpec o : globals.options()) {
            String names = String.join(" | ", o.names());
            String usage = o.typeInfo().isBoolean() ? names : names + " " + o.paramLabel();
            String help = String.join(" ", o.description());
            if (usage.length() > 24) {
                out.printf(Locale.ROOT, "    %s%n%-28s%s%n", usage, "", help);
            } else {
                out.printf(Locale.ROOT, "    %-24s%s%n", usage, help);
            }
        }
        out.println();
        out.println("  environment:");
        out.println("    LVSH_DEFAULT_URI, VIRSH_DEFAULT_CONNECT_URI, LIBVIRT_DEFAULT_URI");
        out.println("                                            connection URI when -c is not given (first set)");
        out.println("    LIBVIRT_AUTH_FILE                       credentials file for authenticating connections");
        out.println("    LIBVIRT_DEBUG, LIBVIRT_LOG_FILTERS, LIBVIRT_LOG_OUTPUTS   libvirt's own logging");
        out.println();
        out.println("  exit status: 0 success, 1 the operation failed, 2 usage error, 3 could not connect");
        out.println();
        out.println("  commands (non interactive mode):");
        out.println();
        for (CommandCatalog.Group group : CommandCatalog.Group.values()) {
            out.printf(" %s (help keyword '%s')%n", group.title, group.keyword);
            for (CommandCatalog.Entry e : catalog.visible()) {
                if (e.group() == group) {
                    out.printf(Locale.ROOT, "    %-30s %s%n", e.name(), e.summary());
                }
            }
            out.println();
        }
        out.println();
        out.println("  (specify help <group> for details about the commands in the group)");
        out.println();
        out.println("  (specify help <command> for details about the command)");
        out.println();
        out.println("  Try the built-in demo host: lvsh -c test:///default");
        out.println();
        out.flush();
    }
}
