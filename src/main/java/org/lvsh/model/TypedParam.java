package org.lvsh.model;

/**
 * One virTypedParameter as libvirt sent it: its field name, its type and its value (Integer for INT, Long for UINT,
 * LLONG and ULLONG (read ULLONG unsigned), Double, Boolean, String; for a type lvsh does not know, libvirt's type
 * number as an Integer).
 */
public record TypedParam(String field, Type type, Object value) {
    /** virTypedParameterType; UNKNOWN keeps libvirt's number for the error virsh gives. */
    public enum Type {
        UNKNOWN, INT, UINT, LLONG, ULLONG, DOUBLE, BOOLEAN, STRING;

        public static Type of(int code) {
            return code >= 1 && code <= 7 ? values()[code] : UNKNOWN;
        }
    }
}
