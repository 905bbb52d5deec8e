package dev.taproot.api.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import dev.taproot.api.Taproot;
import dev.taproot.api.mcp.Caller;
import dev.taproot.api.mcp.TaprootMcp;
import dev.taproot.api.security.Role;
import io.modelcontextprotocol.server.McpSyncServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code taproot mcp}: serves Taproot's MCP tools to one local agent over stdin and stdout, until the
 * agent closes stdin. Standard output carries MCP messages only: everything else anything prints goes
 * to standard error. The agent acts as the local user who started it, who holds the data directory
 * anyway, so every tool is open to it.
 */
@Command(name = "mcp", mixinStandardHelpOptions = true,
        description = "Serve MCP (Model Context Protocol) over stdio for a local agent; logs go to stderr.")
public final class McpCommand implements Callable<Integer> {

    @Mixin
    StoreOptions options;

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Rules directory overriding the built-in pack, reloaded on change (default: rules.directory, $TAPROOT_RULES).")
    Path rulesDir;

    @Override
    public Integer call() throws InterruptedException {
        PrintStream protocol = System.out;
        System.setOut(System.err);
        try {
            return serve(System.in, protocol);
        } finally {
            System.setOut(protocol);
        }
    }

    private int serve(InputStream stdin, PrintStream stdout) throws InterruptedException {
        var ended = new CountDownLatch(1);
        var config = options.config(rulesDir);
        try (Taproot taproot = Taproot.start(config)) {
            var caller = new Caller("stdio:" + System.getProperty("user.name", "local"), Role.ADMIN);
            McpSyncServer server = new TaprootMcp(taproot).stdio(new EndOfInput(stdin, ended), stdout, caller);
            System.err.println("taproot: serving MCP on stdio (graph: " + taproot.store().describe() + ")");
            Thread stop = new Thread(ended::countDown, "taproot-mcp-stop");
            Runtime.getRuntime().addShutdownHook(stop);
            ended.await();
            server.closeGracefully();
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already stopping: the hook has run
            }
        }
        System.err.println("taproot: MCP stdio closed");
        return 0;
    }

    /** Standard input that says when the agent has closed it. */
    private static final class EndOfInput extends FilterInputStream {

        private final CountDownLatch ended;

        EndOfInput(InputStream in, CountDownLatch ended) {
            super(in);
            this.ended = ended;
        }

        @Override
        public int read() throws IOException {
            return atEnd(super.read());
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return atEnd(super.read(b, off, len));
        }

        private int atEnd(int n) {
            if (n < 0) {
                ended.countDown();
            }
            return n;
        }
    }
}
