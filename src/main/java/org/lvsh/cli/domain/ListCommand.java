package org.lvsh.cli.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.lvsh.cli.ConnectedCommand;
import org.lvsh.cli.Failure;
import org.lvsh.libvirt.Domains;
import org.lvsh.libvirt.LibvirtFailure;
import org.lvsh.libvirt.ListFilter;
import org.lvsh.model.DomainSummary;
import org.lvsh.output.DomainColumn;
import org.lvsh.output.DomainText;
import org.lvsh.output.Format;
import org.lvsh.output.HostView;
import org.lvsh.output.Output;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "list", header = "list domains", description = "Returns list of domains.")
public final class ListCommand extends ConnectedCommand {
    @Option(names = "--inactive", description = "list inactive domains")
    boolean inactive;
    @Option(names = "--all", description = "list inactive & active domains")
    boolean all;
    @Option(names = "--transient", description = "list transient domains")
    boolean transientOnly;
    @Option(names = "--persistent", description = "list persistent domains")
    boolean persistent;
    @Option(names = "--with-snapshot", description = "list domains with existing snapshot")
    boolean withSnapshot;
    @Option(names = "--without-snapshot", description = "list domains without a snapshot")
    boolean withoutSnapshot;
    @Option(names = "--with-checkpoint", description = "list domains with existing checkpoint")
    boolean withCheckpoint;
    @Option(names = "--without-checkpoint", description = "list domains without a checkpoint")
    boolean withoutCheckpoint;
    @Option(names = "--state-running", description = "list domains in running state")
    boolean stateRunning;
    @Option(names = "--state-paused", description = "list domains in paused state")
    boolean statePaused;
    @Option(names = "--state-shutoff", description = "list domains in shutoff state")
    boolean stateShutoff;
    @Option(names = "--state-other", description = "list domains in other states")
    boolean stateOther;
    @Option(names = "--autostart", description = "list domains with autostart enabled")
    boolean autostart;
    @Option(names = "--no-autostart", description = "list domains with autostart disabled")
    boolean noAutostart;
    @Option(names = "--with-managed-save", description = "list domains with managed save state")
    boolean withManagedSave;
    @Option(names = "--without-managed-save", description = "list domains without managed save")
    boolean withoutManagedSave;
    @Option(names = "--uuid", description = "list uuid's only")
    boolean uuid;
    @Option(names = "--name", description = "list domain names only")
    boolean name;
    @Option(names = "--id", description = "list domain IDs only")
    boolean id;
    @Option(names = "--table", description = "list table (default)")
    boolean table;
    @Option(names = "--managed-save", description = "mark inactive domains with managed save state")
    boolean managedSave;
    @Option(names = "--title", description = "show domain title")
    boolean title;
    @Option(names = "--sort-by", paramLabel = "FIELD", completionCandidates = DomainColumn.Names.class,
            description = "sort by id, name, uuid, state, persistent, autostart, managed-save, title or host "
                    + "(default: running domains by id, then the others by name; with -H, hosts in the order given)")
    String sortBy;
    @Option(names = "--columns", paramLabel = "LIST", split = ",", completionCandidates = DomainColumn.Names.class,
            description = "table columns, comma-separated: id, name, state, uuid, persistent, autostart, "
                    + "managed-save, title (and host, where the Host column goes with -H)")
    List<String> columns;

    @Override
    protected void run() {
        exclusive(table, "table", name, "name");
        exclusive(table, "table", uuid, "uuid");
        exclusive(table, "table", id, "id");
        List<String> named = columns == null ? null : new ArrayList<>(columns.stream().map(String::strip).toList());
        int hostColumn = named == null ? 0 : Math.max(0, indexIgnoringCase(named, HOST));
        if (named != null) {
            named.removeIf(HOST::equalsIgnoreCase); // the run adds the Host column when it has several hosts
        }
        List<DomainColumn> chosen = named == null ? null : DomainColumn.parse(named);
        DomainColumn sort = sortBy == null || sortBy.strip().equalsIgnoreCase(HOST) ? null : DomainColumn.of(sortBy);
        Output out = output();
        Format format = out.format();
        boolean scriptForm = (uuid || name || id) && !format.structured();
        boolean wantsTable = !scriptForm && !format.structured();
        Domains.Extras extras = new Domains.Extras(
                format.structured() || scriptForm && uuid || needs(chosen, sort, DomainColumn.UUID),
                format.structured() || needs(chosen, sort, DomainColumn.PERSISTENT),
                format.structured() || needs(chosen, sort, DomainColumn.AUTOSTART),
                !scriptForm && managedSave || needs(chosen, sort, DomainColumn.MANAGED_SAVE),
                wantsTable && title || needs(chosen, sort, DomainColumn.TITLE) || format.structured() && title);
        List<DomainSummary> rows;
        try {
            rows = Domains.list(connection(), flags(), extras);
        } catch (LibvirtFailure e) {
            throw Failure.failed("Failed to list domains", e.error());
        }
        if (sort != null) {
            rows = new ArrayList<>(rows);
            rows.sort(Comparator.comparing(sort::sortKey, Comparator.nullsLast(Comparator.naturalOrder())));
        }
        if (scriptForm) {
            out.emit(rows, DomainText.idLines(rows, uuid, id, name),
                    new HostView.Lines(DomainText.idLineList(rows, uuid, id, name)));
        } else {
            List<DomainColumn> shown = chosen != null ? chosen : DomainColumn.virshDefault(title);
            List<Comparable<Object>> keys = sort == null ? null : rows.stream().map(sort::sortKey).toList();
            out.emit(rows, DomainColumn.table(rows, shown, managedSave), new HostView.Rows(
                    DomainColumn.headers(shown), DomainColumn.cells(rows, shown, managedSave), keys, hostColumn));
        }
    }

    private static final String HOST = "host";

    private static int indexIgnoringCase(List<String> words, String word) {
        for (int i = 0; i < words.size(); i++) {
            if (words.get(i).equalsIgnoreCase(word)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean needs(List<DomainColumn> chosen, DomainColumn sort, DomainColumn column) {
        return chosen != null && chosen.contains(column) || sort == column;
    }

    /** virsh's filter: --inactive or --state-shutoff alone mean inactive only, --all both, then the filters. */
    private int flags() {
        int flags = ListFilter.ACTIVE;
        if (inactive || stateShutoff) {
            flags = ListFilter.INACTIVE;
        }
        if (all) {
            flags = ListFilter.ACTIVE | ListFilter.INACTIVE;
        }
        flags |= bit(persistent, ListFilter.PERSISTENT) | bit(transientOnly, ListFilter.TRANSIENT)
                | bit(withManagedSave, ListFilter.MANAGEDSAVE) | bit(withoutManagedSave, ListFilter.NO_MANAGEDSAVE)
                | bit(autostart, ListFilter.AUTOSTART) | bit(noAutostart, ListFilter.NO_AUTOSTART)
                | bit(withSnapshot, ListFilter.HAS_SNAPSHOT) | bit(withoutSnapshot, ListFilter.NO_SNAPSHOT)
                | bit(withCheckpoint, ListFilter.HAS_CHECKPOINT) | bit(withoutCheckpoint, ListFilter.NO_CHECKPOINT)
                | bit(stateRunning, ListFilter.RUNNING) | bit(statePaused, ListFilter.PAUSED)
                | bit(stateShutoff, ListFilter.SHUTOFF) | bit(stateOther, ListFilter.OTHER);
        return flags;
    }

    private static int bit(boolean set, int flag) {
        return set ? flag : 0;
    }
}
