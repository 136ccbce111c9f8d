package org.lvsh.libvirt;

import org.libvirt.Error.ErrorDomain;
import org.libvirt.Error.ErrorNumber;

/**
 * A libvirt error as scripts see it: the symbolic code and domain, their numbers, and libvirt's message.
 * Names are null when libvirt reports a number newer than the binding knows.
 */
public record LibvirtError(String code, int number, String domain, int domainNumber, String message) {

    public static LibvirtError of(int number, int domainNumber, String message) {
        return new LibvirtError(name(ErrorNumber.values(), number), number,
                name(ErrorDomain.values(), domainNumber), domainNumber, message == null ? "" : message);
    }

    /** The binding's enums end with an UNKNOWN sentinel: numbers at or past it have no name we can trust. */
    private static String name(Enum<?>[] values, int n) {
        return n >= 0 && n < values.length - 1 ? values[n].name() : null;
    }

    public boolean is(ErrorNumber e) {
        return number == e.ordinal();
    }
}
