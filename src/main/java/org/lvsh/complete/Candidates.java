package org.lvsh.complete;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.lvsh.libvirt.Connection;
import org.lvsh.libvirt.Domains;
import org.lvsh.libvirt.Host;
import org.lvsh.libvirt.ListFilter;
import org.lvsh.libvirt.Session;
import org.lvsh.model.DomainSummary;

/**
 * Live values for completion, one per run: read from the run's connection (or its hosts) and its environment.
 * Never opens a connection unless told to (lvsh complete) and never prompts: without a usable connection there is
 * simply nothing to offer. Domain names are kept for a moment so that repeated TABs do not cost a round-trip
 * each, and dropped after every command (domains may have changed).
 */
public final class Candidates {
    private static final long DOMAIN_CACHE_NANOS = 2_000_000_000L;
    private static final long PATIENCE_MILLIS = 700;
    private static final long MAX_CELLS = 4096;
    private static final Executor READER = command -> {
        Thread t = new Thread(command, "lvsh-completion");
        t.setDaemon(true);
        t.start();
    };

    private final Session session;
    /** The run's set of hosts, when it has one: domains are then offered as HOST:DOMAIN from every host. */
    private final java.util.function.Supplier<java.util.Map<String, Session>> hostSessions;
    private final java.util.Map<String, String> env;
    private volatile boolean connectOnDemand;
    private List<DomainSummary> domains;
    private long domainsRead;
    private CompletableFuture<List<DomainSummary>> reading;
    private final java.util.Map<String, List<DomainSummary>> hostDomains = new java.util.HashMap<>();
    private long hostDomainsRead;

    /**
     * @param hostSessions the open sessions of the run's hosts by name, or null when it works on one connection
     * @param env the run's environment (where its hosts.yaml is)
     */
    public Candidates(Session session, java.util.function.Supplier<java.util.Map<String, Session>> hostSessions,
                      java.util.Map<String, String> env) {
        this.session = session;
        this.hostSessions = hostSessions;
        this.env = env;
    }

    /** For lvsh complete: open the session's connection if needed (it never prompts there). */
    public void connectOnDemand() {
        connectOnDemand = true;
    }

    public synchronized void invalidate() {
        domains = null;
        hostDomains.clear();
    }

    /** The values of one kind that could follow {@code prefix} (the engine still filters them by it). */
    public List<String> values(LiveCandidates.Kind kind, String prefix) {
        return switch (kind) {
            case DOMAIN -> domains(prefix);
            case CELL -> cells();
            case CPU -> cpus();
            case PAGE_SIZE -> pageSizes();
            case HOST -> hosts(prefix);
        };
    }

    /**
     * Host names for -H and connect -H: hosts.yaml's hosts, its @groups, libvirt's uri_aliases and "all", each
     * offered after what was already typed before the last comma ("hv1,h" offers "hv1,hv2").
     */
    public List<String> hosts(String prefix) {
        int comma = prefix.lastIndexOf(',');
        String head = comma < 0 ? "" : prefix.substring(0, comma + 1);
        List<String> names = new ArrayList<>();
        try {
            org.lvsh.fleet.HostDirectory directory = org.lvsh.fleet.HostDirectory.load(env);
            for (org.lvsh.fleet.HostEntry h : directory.known()) {
                names.add(head + h.name());
            }
            directory.groups().keySet().forEach(g -> names.add(head + "@" + g));
            if (!directory.known().isEmpty()) {
                names.add(head + "all");
            }
        } catch (RuntimeException e) {
            // a hosts.yaml that does not parse offers nothing; running the command says what is wrong
        }
        return names;
    }

    /**
     * Names of all domains; ids of running ones once something is typed (a bare TAB then completes a lone
     * domain's name, as virsh's does), and UUIDs once the prefix could start one.
     */
    public List<String> domains(String prefix) {
        java.util.Map<String, Session> hosts = hostSessions == null ? null : hostSessions.get();
        if (hosts != null) {
            return hostDomains(hosts, prefix);
        }
        List<String> values = new ArrayList<>();
        for (DomainSummary d : domainList()) {
            values.add(d.name());
            if (d.id() != null && !prefix.isEmpty()) {
                values.add(d.id().toString());
            }
            if (prefix.length() >= 2 && d.uuid().startsWith(prefix)) {
                values.add(d.uuid());
            }
        }
        return values;
    }

    /** NUMA cell numbers. */
    public List<String> cells() {
        Connection c = live();
        List<String> cells = new ArrayList<>();
        if (c != null) {
            try {
                long n = Math.min(Host.nodeInfo(c).numaCells(), MAX_CELLS); // a hostile host may claim 2^32
                for (long i = 0; i < n; i++) {
                    cells.add(Long.toString(i));
                }
            } catch (RuntimeException e) {
                // a failing connection offers nothing
            }
        }
        return cells;
    }

    /** CPU numbers of the host, as virsh's node CPU completer offers them: those online. */
    public List<String> cpus() {
        Connection c = live();
        List<String> cpus = new ArrayList<>();
        if (c != null) {
            try {
                for (int cpu : Host.cpuMap(c).onlineCpus()) {
                    cpus.add(Integer.toString(cpu));
                }
            } catch (RuntimeException e) {
                // nothing to offer
            }
        }
        return cpus;
    }

    /** Page sizes the host supports, in the short forms freepages accepts (4K, 2M, 1G). */
    public List<String> pageSizes() {
        Connection c = live();
        List<String> sizes = new ArrayList<>();
        if (c != null) {
            try {
                for (long kib : Host.pageSizesKib(c)) {
                    sizes.add(scaled(kib));
                }
            } catch (RuntimeException e) {
                // nothing to offer
            }
        }
        return sizes;
    }

    static String scaled(long kib) {
        if (kib % (1024 * 1024) == 0) {
            return kib / (1024 * 1024) + "G";
        }
        if (kib % 1024 == 0) {
            return kib / 1024 + "M";
        }
        return kib + "K";
    }

    /**
     * The domains, from the cache or the connection. A connection that does not answer within a moment (a
     * daemon gone silent) gives no candidates rather than a frozen TAB key; the answer, when it comes, is kept
     * for the next TAB.
     */
    private List<DomainSummary> domainList() {
        CompletableFuture<List<DomainSummary>> read;
        synchronized (this) {
            if (domains != null && System.nanoTime() - domainsRead <= DOMAIN_CACHE_NANOS) {
                return domains;
            }
            if (reading == null) {
                reading = CompletableFuture.supplyAsync(this::readDomains, READER);
            }
            read = reading;
        }
        try {
            return read.get(PATIENCE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        } catch (ExecutionException e) {
            return List.of();
        }
    }

    /**
     * Over a set of hosts: HOST:DOMAIN for every domain of every host that answers within the same moment a
     * single host gets (hosts that are late are skipped, and kept for the next TAB), and the bare name of a
     * domain only one host has, which the run resolves to it.
     */
    private List<String> hostDomains(java.util.Map<String, Session> hosts, String prefix) {
        java.util.Map<String, List<DomainSummary>> known;
        synchronized (this) {
            if (System.nanoTime() - hostDomainsRead > DOMAIN_CACHE_NANOS) {
                hostDomains.clear();
            }
            known = new java.util.HashMap<>(hostDomains);
        }
        java.util.Map<String, CompletableFuture<List<DomainSummary>>> reads = new java.util.LinkedHashMap<>();
        hosts.forEach((name, s) -> {
            if (!known.containsKey(name)) {
                reads.put(name, CompletableFuture.supplyAsync(() -> read(s), READER));
            }
        });
        long deadline = System.nanoTime() + PATIENCE_MILLIS * 1_000_000;
        for (java.util.Map.Entry<String, CompletableFuture<List<DomainSummary>>> r : reads.entrySet()) {
            try {
                long left = Math.max(0, deadline - System.nanoTime());
                List<DomainSummary> list = r.getValue().get(left, TimeUnit.NANOSECONDS);
                known.put(r.getKey(), list);
                synchronized (this) {
                    hostDomains.put(r.getKey(), list);
                    hostDomainsRead = System.nanoTime();
                }
            } catch (TimeoutException | ExecutionException e) {
                // this host is late or failing: the others are offered
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        List<String> values = new ArrayList<>();
        java.util.Map<String, Integer> hostsHaving = new java.util.HashMap<>();
        for (String host : hosts.keySet()) {
            for (DomainSummary d : known.getOrDefault(host, List.of())) {
                values.add(host + ":" + d.name());
                hostsHaving.merge(d.name(), 1, Integer::sum);
            }
        }
        if (prefix.indexOf(':') < 0) {
            hostsHaving.forEach((name, n) -> {
                if (n == 1) {
                    values.add(name);
                }
            });
        }
        return values;
    }

    private static List<DomainSummary> read(Session s) {
        Connection c = s.peek();
        if (c == null || c.lostReason() != null) {
            return List.of();
        }
        return Domains.list(c, ListFilter.ACTIVE | ListFilter.INACTIVE, Domains.Extras.NONE);
    }

    private List<DomainSummary> readDomains() {
        List<DomainSummary> read = List.of();
        Connection c = live();
        if (c != null) {
            try {
                read = Domains.list(c, ListFilter.ACTIVE | ListFilter.INACTIVE, Domains.Extras.UUID);
            } catch (RuntimeException e) {
                read = List.of();
            }
        }
        synchronized (this) {
            domains = read;
            domainsRead = System.nanoTime();
            reading = null;
        }
        return read;
    }

    private Connection live() {
        Session s = session;
        if (s == null) {
            return null;
        }
        if (connectOnDemand) {
            try {
                return s.connection();
            } catch (RuntimeException e) {
                return null;
            }
        }
        Connection c = s.peek();
        return c == null || c.lostReason() != null ? null : c;
    }
}
