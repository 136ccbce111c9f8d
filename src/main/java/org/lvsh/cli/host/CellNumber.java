package org.lvsh.cli.host;

import org.lvsh.cli.Failure;

/** A NUMA cell number given positionally or as --cellno, as virsh accepts it. */
final class CellNumber {
    private CellNumber() {
    }

    /** @param cell the value given positionally or as --cellno, or null */
    static Integer check(Integer cell) {
        if (cell != null && cell < 0) {
            throw Failure.usage("cell number must be non-negative integer");
        }
        return cell;
    }
}
