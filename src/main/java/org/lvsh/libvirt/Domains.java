package org.lvsh.libvirt;

import static org.lvsh.libvirt.LibvirtFailure.call;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.libvirt.Domain;
import org.libvirt.DomainInfo;
import org.libvirt.Error.ErrorNumber;
import org.libvirt.LibvirtException;
import org.libvirt.SecurityLabel;
import org.libvirt.SecurityModel;
import org.lvsh.libvirt.jna.DomainList;
import org.lvsh.libvirt.jna.ErrorCapture;
import org.lvsh.libvirt.jna.Natives;
import org.lvsh.model.DomainDetails;
import org.lvsh.model.DomainState;
import org.lvsh.model.DomainStatus;
import org.lvsh.model.DomainSummary;

/** Domain questions. Listing costs a fixed number of calls however many domains there are. */
public final class Domains {
    private static final Pattern ID = Pattern.compile("[ \\t\\n\\x0B\\f\\r]*[+-]?\\d+");
    private static final long NO_LIMIT = 0xFFFFFFFFL;

    /**
     * What a listing must carry beyond id, name and state. UUIDs cost a call per domain (local, no round-trip);
     * persistence, autostart and managed save one more bulk call each; titles a round-trip per domain.
     */
    public record Extras(boolean uuid, boolean persistence, boolean autostart, boolean managedSave, boolean title) {
        public static final Extras NONE = new Extras(false, false, false, false, false);
        public static final Extras UUID = new Extras(true, false, false, false, false);
    }

    private Domains() {
    }

    /**
     * Domains matching {@code flags} (see {@link ListFilter}), in virsh's order: running ones by id, then the
     * others by name, case-insensitively.
     */
    public static List<DomainSummary> list(Connection c, int flags, Extras extras) {
        try (DomainList domains = Natives.listAllDomains(c.handle(), flags)) {
            int n = domains.size();
            boolean uuids = extras.uuid() || extras.persistence() || extras.autostart() || extras.managedSave();
            Set<String> persistent = extras.persistence()
                    ? uuidsOf(c, ListFilter.narrowed(flags, ListFilter.PERSISTENCE_GROUP, ListFilter.PERSISTENT))
                    : null;
            Set<String> autostart = extras.autostart()
                    ? uuidsOf(c, ListFilter.narrowed(flags, ListFilter.AUTOSTART_GROUP, ListFilter.AUTOSTART))
                    : null;
            Set<String> saved = extras.managedSave()
                    ? uuidsOf(c, ListFilter.narrowed(flags, ListFilter.MANAGEDSAVE_GROUP, ListFilter.MANAGEDSAVE))
                    : null;
            int[][] states = domains.bulkStates();
            List<DomainSummary> rows = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int[] state = states != null && states[i] != null ? states[i] : stateOrNull(domains, i);
                if (state == null) {
                    continue; // vanished between the two calls
                }
                int id = domains.id(i);
                String uuid = uuids ? domains.uuid(i) : null;
                rows.add(new DomainSummary(id == -1 ? null : id, domains.name(i), uuid,
                        DomainState.of(state[0]),
                        persistent == null ? null : persistent.contains(uuid),
                        autostart == null ? null : autostart.contains(uuid),
                        saved == null ? null : saved.contains(uuid),
                        extras.title() ? domains.title(i) : null));
            }
            return sortedVirshStyle(rows);
        }
    }

    private static int[] stateOrNull(DomainList domains, int i) {
        try {
            return domains.state(i);
        } catch (LibvirtFailure e) {
            if (e.error().is(ErrorNumber.VIR_ERR_NO_DOMAIN)) {
                return null;
            }
            throw e;
        }
    }

    private static Set<String> uuidsOf(Connection c, int flags) {
        try (DomainList domains = Natives.listAllDomains(c.handle(), flags)) {
            Set<String> uuids = new HashSet<>(domains.size() * 2);
            for (int i = 0; i < domains.size(); i++) {
                uuids.add(domains.uuid(i));
            }
            return uuids;
        }
    }

    /**
     * virsh's order (its domain sorter): running domains by id, then the others by name as C's strcasecmp orders
     * them (UTF-8 bytes, ASCII letters folded). Each name is folded once, not at every comparison.
     */
    static List<DomainSummary> sortedVirshStyle(List<DomainSummary> rows) {
        record Keyed(DomainSummary row, byte[] folded) {
        }
        List<Keyed> keyed = new ArrayList<>(rows.size());
        for (DomainSummary d : rows) {
            keyed.add(new Keyed(d, d.id() == null ? folded(d.name()) : null));
        }
        keyed.sort((a, b) -> {
            Integer x = a.row().id();
            Integer y = b.row().id();
            if (x != null && y != null) {
                return Integer.compare(x, y);
            }
            if (x != null || y != null) {
                return x != null ? -1 : 1;
            }
            return Arrays.compareUnsigned(a.folded(), b.folded());
        });
        List<DomainSummary> sorted = new ArrayList<>(rows.size());
        for (Keyed k : keyed) {
            sorted.add(k.row());
        }
        return sorted;
    }

    /** A name as strcasecmp sees it: UTF-8 bytes, ASCII letters folded to lower case. */
    private static byte[] folded(String name) {
        byte[] b = name.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) fold(b[i] & 0xff);
        }
        return b;
    }

    private static int fold(int c) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }

    /** Which ways a domain argument may name a domain (virsh restricts some commands, e.g. domid). */
    public enum By { ID, UUID, NAME }

    public static final Set<By> ANY = java.util.EnumSet.allOf(By.class);

    /**
     * Finds a domain as virsh does: as an id when the whole text is a non-negative decimal number, then as a
     * UUID when it has a UUID's length, then as a name. A domain named "42" is found by name when no running
     * domain has id 42.
     *
     * @throws DomainNotFound when nothing matches
     */
    public static OpenDomain lookup(Connection c, String text, Set<By> ways) {
        List<LibvirtFailure.Call<Domain>> attempts = new ArrayList<>(3);
        Integer id = ways.contains(By.ID) ? asId(text) : null;
        if (id != null) {
            attempts.add(() -> c.binding().domainLookupByID(id));
        }
        if (ways.contains(By.UUID) && text.length() == UUID_STRING_LENGTH) {
            attempts.add(() -> c.binding().domainLookupByUUIDString(text));
        }
        if (ways.contains(By.NAME)) {
            attempts.add(() -> c.binding().domainLookupByName(text));
        }
        LibvirtError miss = null;
        for (LibvirtFailure.Call<Domain> attempt : attempts) {
            try {
                return new OpenDomain(attempt.run());
            } catch (LibvirtException e) {
                miss = ErrorCapture.of(e);
                if (!miss.is(ErrorNumber.VIR_ERR_NO_DOMAIN) && !miss.is(ErrorNumber.VIR_ERR_INVALID_ARG)) {
                    throw new LibvirtFailure(miss); // not a miss: the connection itself failed
                }
            }
        }
        throw new DomainNotFound(text, miss);
    }

    private static final int UUID_STRING_LENGTH = 36;

    /** strtol's view of an id: optional leading blanks and sign, decimal digits, nothing after. */
    static Integer asId(String text) {
        if (!ID.matcher(text).matches()) {
            return null;
        }
        try {
            int id = Integer.parseInt(text.stripLeading());
            return id >= 0 ? id : null;
        } catch (NumberFormatException e) {
            return null; // out of int range: virsh does not try it as an id either
        }
    }

    public static String name(OpenDomain d) {
        return call(d.binding()::getName);
    }

    public static String uuid(OpenDomain d) {
        return call(d.binding()::getUUIDString);
    }

    /** The id, or null when the domain is not running. */
    public static Integer id(OpenDomain d) {
        int id = call(d.binding()::getID);
        return id == -1 ? null : id;
    }

    public static DomainStatus status(OpenDomain d) {
        int[] s = Natives.state(d.binding());
        DomainState state = DomainState.of(s[0]);
        return new DomainStatus(name(d), state, s[1], state.reasonText(s[1]));
    }

    public static DomainDetails details(Connection c, OpenDomain d) {
        Domain dom = d.binding();
        DomainInfo info = call(dom::getInfo);
        return new DomainDetails(id(d), name(d), uuid(d), call(dom::getOSType),
                DomainState.of(info.state.ordinal()), info.nrVirtCpu,
                info.cpuTime == 0 ? null : info.cpuTime,
                info.maxMem == NO_LIMIT ? null : info.maxMem, info.memory,
                tristate(() -> dom.isPersistent()),
                optional(dom::getAutostart),
                tristate(() -> dom.hasManagedSaveImage()),
                security(c, dom), Natives.messages(dom));
    }

    private static Boolean tristate(LibvirtFailure.Call<Integer> query) {
        try {
            int v = query.run();
            return v < 0 ? null : v != 0;
        } catch (LibvirtException e) {
            return null;
        }
    }

    private static Boolean optional(LibvirtFailure.Call<Boolean> query) {
        try {
            return query.run();
        } catch (LibvirtException e) {
            return null;
        }
    }

    /** As virsh: only when the host has an active security model; the label only where the domain has one. */
    private static DomainDetails.Security security(Connection c, Domain dom) {
        SecurityModel model;
        try {
            model = c.binding().getSecurityModel();
        } catch (LibvirtException e) {
            LibvirtError error = ErrorCapture.of(e);
            if (error.is(ErrorNumber.VIR_ERR_NO_SUPPORT)) {
                return null;
            }
            throw new LibvirtFailure(error);
        }
        if (model == null || model.getModel() == null || model.getModel().isEmpty()) {
            return null;
        }
        SecurityLabel label = call(dom::getSecurityLabel);
        return new DomainDetails.Security(model.getModel(), model.getDomainOfInterpretation(),
                label == null ? null : label.getLabel(), label == null ? null : label.isEnforced());
    }
}
