package org.lvsh.cli.host;

import org.lvsh.cli.ConnectedCommand;
import org.lvsh.model.UriInfo;
import org.lvsh.output.HostText;
import picocli.CommandLine.Command;

@Command(name = "uri", header = "print the hypervisor canonical URI")
public final class UriCommand extends ConnectedCommand {
    @Override
    protected void run() {
        String uri = connection().uri();
        output().emit(new UriInfo(uri), HostText.line(uri), HostText.valueRow("URI", uri));
    }
}
