package org.lvsh.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lvsh.cli.domain.DomidCommand;
import org.lvsh.cli.domain.EventCommand;
import org.lvsh.cli.domain.DominfoCommand;
import org.lvsh.cli.domain.DomnameCommand;
import org.lvsh.cli.domain.DomstateCommand;
import org.lvsh.cli.domain.DomuuidCommand;
import org.lvsh.cli.domain.ListCommand;
import org.lvsh.cli.host.CapabilitiesCommand;
import org.lvsh.cli.host.FreecellCommand;
import org.lvsh.cli.host.FreepagesCommand;
import org.lvsh.cli.host.HostnameCommand;
import org.lvsh.cli.host.NodeinfoCommand;
import org.lvsh.cli.host.UriCommand;
import org.lvsh.cli.host.VersionCommand;
import org.lvsh.cli.shell.CompleteCommand;
import org.lvsh.cli.shell.ConnectCommand;
import org.lvsh.cli.shell.HelpCommand;
import org.lvsh.cli.shell.QuitCommand;
import picocli.CommandLine.Command;

/**
 * Every command lvsh has, in virsh's groups and order. Commands are classes looked up by name, so a one-shot run
 * builds only the one it runs.
 */
public final class CommandCatalog {
    /** virsh's help groups (name, keyword), restricted to those lvsh has commands in. */
    public enum Group {
        DOMAIN("Domain Management", "domain"),
        MONITOR("Domain Monitoring", "monitor"),
        EVENTS("Domain Events", "events"),
        HOST("Host and Hypervisor", "host"),
        SHELL("lvsh itself", "lvsh");

        public final String title;
        public final String keyword;

        Group(String title, String keyword) {
            this.title = title;
            this.keyword = keyword;
        }
    }

    /** One command: its name, group, class, and whether help and completion list it. */
    public record Entry(String name, Group group, Class<? extends LvshCommand> type, boolean hidden) {
        /** The one-line summary, read from the class's annotation without building the command. */
        /** Whether it talks to the hypervisor: such a command runs on every host of a set. */
        public boolean connected() {
            return ConnectedCommand.class.isAssignableFrom(type);
        }

        public String summary() {
            Command c = type.getAnnotation(Command.class);
            return c.header().length > 0 ? c.header()[0] : "";
        }
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    public CommandCatalog() {
        add("domid", Group.DOMAIN, DomidCommand.class, false);
        add("domname", Group.DOMAIN, DomnameCommand.class, false);
        add("domuuid", Group.DOMAIN, DomuuidCommand.class, false);
        add("dominfo", Group.MONITOR, DominfoCommand.class, false);
        add("domstate", Group.MONITOR, DomstateCommand.class, false);
        add("domstats", Group.MONITOR, org.lvsh.cli.domain.DomstatsCommand.class, false);
        add("list", Group.MONITOR, ListCommand.class, false);
        add("event", Group.EVENTS, EventCommand.class, false);
        add("capabilities", Group.HOST, CapabilitiesCommand.class, false);
        add("freecell", Group.HOST, FreecellCommand.class, false);
        add("freepages", Group.HOST, FreepagesCommand.class, false);
        add("hostname", Group.HOST, HostnameCommand.class, false);
        add("maxvcpus", Group.HOST, org.lvsh.cli.host.MaxvcpusCommand.class, false);
        add("nodecpumap", Group.HOST, org.lvsh.cli.host.NodecpumapCommand.class, false);
        add("nodecpustats", Group.HOST, org.lvsh.cli.host.NodecpustatsCommand.class, false);
        add("nodeinfo", Group.HOST, NodeinfoCommand.class, false);
        add("nodememstats", Group.HOST, org.lvsh.cli.host.NodememstatsCommand.class, false);
        add("sysinfo", Group.HOST, org.lvsh.cli.host.SysinfoCommand.class, false);
        add("uri", Group.HOST, UriCommand.class, false);
        add("version", Group.HOST, VersionCommand.class, false);
        add("echo", Group.SHELL, org.lvsh.cli.shell.EchoCommand.class, false);
        add("exit", Group.SHELL, QuitCommand.class, false);
        add("help", Group.SHELL, HelpCommand.class, false);
        add("quit", Group.SHELL, QuitCommand.class, false);
        add("connect", Group.SHELL, ConnectCommand.class, false);
        add("hosts", Group.SHELL, org.lvsh.cli.shell.HostsCommand.class, false);
        add("complete", Group.SHELL, CompleteCommand.class, true);
    }

    private void add(String name, Group group, Class<? extends LvshCommand> type, boolean hidden) {
        entries.put(name, new Entry(name, group, type, hidden));
    }

    public Entry find(String name) {
        return entries.get(name);
    }

    public List<Entry> visible() {
        List<Entry> list = new ArrayList<>();
        for (Entry e : entries.values()) {
            if (!e.hidden()) {
                list.add(e);
            }
        }
        return list;
    }

    public List<Entry> all() {
        return List.copyOf(entries.values());
    }

    /** Finds a group by its title or keyword, as virsh's help does. */
    public Group group(String nameOrKeyword) {
        for (Group g : Group.values()) {
            if (g.title.equals(nameOrKeyword) || g.keyword.equals(nameOrKeyword)) {
                return g;
            }
        }
        return null;
    }
}
