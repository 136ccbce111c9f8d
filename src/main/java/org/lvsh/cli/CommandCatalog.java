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

    /**
     * What the rest of lvsh must know about a command before building it, as virsh's command flags
     * (VSH_CMD_FLAG_NOCONNECT...) say it: declared once, here. Whether it needs a connection is its class
     * (a {@link ConnectedCommand} does).
     */
    public enum Fact {
        /** Makes only lvsh's own libvirt calls: a one-shot run need not start libvirt-java at all. */
        DIRECT_CALLS,
        /**
         * Needs the caller's own process: it lasts until stopped (event, top) or looks after the warm path itself
         * (server). The warm path hands such a command back to its caller before it starts, and a JVM of its own
         * gets the long-lived flags for it (lvsh-jvm).
         */
        OWN_PROCESS
    }

    /** One command: its name, group, class, whether help and completion list it, and its facts. */
    public record Entry(String name, Group group, Class<? extends LvshCommand> type, boolean hidden,
                        java.util.Set<Fact> facts) {
        /** Whether it talks to the hypervisor: such a command runs on every host of a set. */
        public boolean connected() {
            return ConnectedCommand.class.isAssignableFrom(type);
        }

        public boolean has(Fact fact) {
            return facts.contains(fact);
        }

        /** The one-line summary, read from the class's annotation without building the command. */
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
        add("list", Group.MONITOR, ListCommand.class, false, Fact.DIRECT_CALLS);
        add("top", Group.MONITOR, org.lvsh.cli.domain.TopCommand.class, false, Fact.DIRECT_CALLS,
                Fact.OWN_PROCESS);
        add("event", Group.EVENTS, EventCommand.class, false, Fact.OWN_PROCESS);
        add("capabilities", Group.HOST, CapabilitiesCommand.class, false, Fact.DIRECT_CALLS);
        add("freecell", Group.HOST, FreecellCommand.class, false, Fact.DIRECT_CALLS);
        add("freepages", Group.HOST, FreepagesCommand.class, false, Fact.DIRECT_CALLS);
        add("hostname", Group.HOST, HostnameCommand.class, false, Fact.DIRECT_CALLS);
        add("maxvcpus", Group.HOST, org.lvsh.cli.host.MaxvcpusCommand.class, false, Fact.DIRECT_CALLS);
        add("nodecpumap", Group.HOST, org.lvsh.cli.host.NodecpumapCommand.class, false, Fact.DIRECT_CALLS);
        add("nodecpustats", Group.HOST, org.lvsh.cli.host.NodecpustatsCommand.class, false, Fact.DIRECT_CALLS);
        add("nodeinfo", Group.HOST, NodeinfoCommand.class, false, Fact.DIRECT_CALLS);
        add("nodememstats", Group.HOST, org.lvsh.cli.host.NodememstatsCommand.class, false, Fact.DIRECT_CALLS);
        add("sysinfo", Group.HOST, org.lvsh.cli.host.SysinfoCommand.class, false, Fact.DIRECT_CALLS);
        add("uri", Group.HOST, UriCommand.class, false, Fact.DIRECT_CALLS);
        add("version", Group.HOST, VersionCommand.class, false);
        add("echo", Group.SHELL, org.lvsh.cli.shell.EchoCommand.class, false);
        add("exit", Group.SHELL, QuitCommand.class, false);
        add("help", Group.SHELL, HelpCommand.class, false);
        add("quit", Group.SHELL, QuitCommand.class, false);
        add("connect", Group.SHELL, ConnectCommand.class, false);
        add("hosts", Group.SHELL, org.lvsh.cli.shell.HostsCommand.class, false);
        add("server", Group.SHELL, org.lvsh.cli.shell.ServerCommand.class, false, Fact.OWN_PROCESS);
        add("complete", Group.SHELL, CompleteCommand.class, true);
    }

    private void add(String name, Group group, Class<? extends LvshCommand> type, boolean hidden, Fact... facts) {
        java.util.Set<Fact> set = java.util.EnumSet.noneOf(Fact.class);
        set.addAll(List.of(facts));
        entries.put(name, new Entry(name, group, type, hidden, java.util.Collections.unmodifiableSet(set)));
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
