package org.lvsh.cli.host;

import org.lvsh.cli.ConnectedCommand;
import org.lvsh.cli.LvshVersion;
import org.lvsh.libvirt.Host;
import org.lvsh.model.VersionInfo;
import org.lvsh.output.HostText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "version", header = "show version", description = "Display the system version information.")
public final class VersionCommand extends ConnectedCommand {
    @Option(names = "--daemon", description = "report daemon version too")
    boolean daemon;

    @Override
    protected void run() {
        VersionInfo v = Host.version(connection(), daemon, LvshVersion.lvsh(), LvshVersion.binding());
        output().emit(v, HostText.version(v), HostText.versionRow(v));
    }
}
